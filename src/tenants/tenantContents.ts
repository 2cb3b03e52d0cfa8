// What the tree knows of one tenant: its groups with members and applications, loaded lazily and kept until refresh.
import { isApplicationProxyGroup } from '../graph/connectorGroupsApi';
import type { ConnectorGroup, ConnectorGroupWithContents } from '../graph/types';
import { startShared, waitShared } from '../graph/workContext';
import { withinDeadline } from './deadline';
import type { Tenant } from './tenant';

export type LoadState =
  | { kind: 'idle' }
  /**
   * While loading, `partial` holds the groups as soon as their list is in (the first paint), with
   * empty contents for the ids in `pending` (each with its place in `partial`), which fill in as
   * their `$batch` answers arrive.
   */
  | { kind: 'loading'; done: Promise<void>; partial?: ConnectorGroupWithContents[]; pending?: Map<string, number>; firstPageAt?: number }
  /**
   * `refreshing` while a reload runs and `staleError` when the last one failed: the groups shown
   * stay the last good ones, so a slow or broken Graph never empties the tree.
   */
  | { kind: 'loaded'; groups: ConnectorGroupWithContents[]; refreshing?: Promise<void>; staleError?: unknown }
  | { kind: 'failed'; error: unknown };

/** A tenant's first load: how many groups, how long until the first page was shown and until all was in. */
export interface FirstLoad {
  groups: number;
  ms: number;
  firstPageMs: number;
}

/** The two lists a group holds. */
type ContentsList = 'members' | 'applications';

/**
 * How long the extension's own writes win over what a read says: Graph's replicas can answer with
 * the state from before a write for a few seconds, and the tree must show what was written.
 */
export const OWN_WRITES_WIN_MS = 10_000;

interface OwnWrite {
  at: number;
  /** The group, connector or application the write is about. */
  subject: string;
  apply(): void;
}

export class TenantContents {
  state: LoadState = { kind: 'idle' };
  private journal: OwnWrite[] = [];
  private loadedOnce = false;

  /** The contents fetched ahead of the background load, by group id, so a second expand waits for the first. */
  private readonly ensuring = new Map<string, Promise<void>>();

  /**
   * `deadlineMs` bounds each whole load or refresh (read when it starts, so a changed setting counts);
   * `progressed` is told when the groups or some contents arrived during a first load, and when a
   * load or refresh ends (whoever waited for it may have stopped waiting: a command's Cancel).
   */
  constructor(
    readonly tenant: Tenant,
    private readonly deadlineMs: () => number = () => 60_000,
    private readonly progressed: () => void = () => undefined,
    /** Told how long the first load took, once it is in: the figures of a cold start. */
    private readonly firstLoad: (timing: FirstLoad) => void = () => undefined,
  ) {}

  /** Starts loading unless already loaded or loading; resolves when everything is in (or it failed). */
  load(): Promise<void> {
    if (this.state.kind === 'loading') return waitShared(this.state.done);
    if (this.state.kind === 'loaded') return Promise.resolve();
    const loading: Extract<LoadState, { kind: 'loading' }> = { kind: 'loading', done: Promise.resolve() };
    const started = performance.now();
    loading.done = startShared(() => withinDeadline((signal) => this.readProgressively(loading, signal), this.deadlineMs()).then(
      (groups) => {
        this.state = { kind: 'loaded', groups };
        this.replayOwnWrites();
        if (!this.loadedOnce) {
          this.loadedOnce = true;
          this.firstLoad({ groups: groups.length, ms: performance.now() - started, firstPageMs: (loading.firstPageAt ?? performance.now()) - started });
        }
      },
      (error: unknown) => { this.state = { kind: 'failed', error }; },
    ).finally(this.progressed));
    this.state = loading;
    return waitShared(loading.done);
  }

  /** The groups first (shown from their first page, one round trip), then their contents as they come. */
  private async readProgressively(loading: Extract<LoadState, { kind: 'loading' }>, signal: AbortSignal): Promise<ConnectorGroupWithContents[]> {
    loading.partial = [];
    loading.pending = new Map();
    const groups = await this.listGroups(signal, (page) => {
      loading.firstPageAt ??= performance.now();
      for (const g of page) {
        loading.pending!.set(g.id, loading.partial!.length);
        loading.partial!.push({ ...g, members: [], applications: [] });
      }
      this.progressed();
    });
    const holders = new OneHolder();
    return this.tenant.api.loadContents(groups, (group) => {
      holders.take(group);
      this.fill(loading, group);
      this.progressed();
    }, { signal });
  }

  private fill(loading: Extract<LoadState, { kind: 'loading' }>, group: ConnectorGroupWithContents): void {
    const index = loading.pending?.get(group.id);
    if (index === undefined) return;
    loading.pending!.delete(group.id);
    loading.partial![index] = group;
  }

  /** True while a first load has the group but not yet its members and applications. */
  isPending(groupId: string): boolean {
    return this.state.kind === 'loading' && (this.state.pending?.has(groupId) ?? false);
  }

  /** Fetches a pending group's contents ahead of the background load (someone expanded it). */
  ensureGroup(groupId: string): Promise<void> {
    const state = this.state;
    if (state.kind !== 'loading' || !state.pending?.has(groupId)) return Promise.resolve();
    let ensured = this.ensuring.get(groupId);
    if (!ensured) {
      const group = state.partial!.find((g) => g.id === groupId)!;
      ensured = this.tenant.api.loadGroupContents(group).then(
        (filled) => {
          if (filled) this.fill(state, filled);
          this.progressed();
        },
        () => undefined, // The background load reports failures.
      ).finally(() => this.ensuring.delete(groupId));
      this.ensuring.set(groupId, ensured);
    }
    return ensured;
  }

  private learn(organization: { id: string; displayName?: string } | undefined): void {
    if (!organization) return;
    this.tenant.tenantId = organization.id;
    this.tenant.displayName = organization.displayName || organization.id;
    this.tenant.learned?.();
  }

  /** A refresh reads everything before it replaces the groups shown (they stay meanwhile). */
  private fetch(): Promise<ConnectorGroupWithContents[]> {
    return withinDeadline((signal) => this.read(signal), this.deadlineMs());
  }

  private async read(signal: AbortSignal): Promise<ConnectorGroupWithContents[]> {
    const holders = new OneHolder();
    return this.tenant.api.loadContents(await this.listGroups(signal), (group) => holders.take(group), { signal });
  }

  /** The groups (`page` sees each page), and the tenant's id and name on the side the first time. */
  private async listGroups(signal: AbortSignal, page?: (groups: ConnectorGroup[]) => void): Promise<ConnectorGroup[]> {
    const { api } = this.tenant;
    const [organization, groups] = await Promise.all([
      this.tenant.tenantId ? undefined : api.organization({ signal }).catch(() => undefined),
      api.listGroups(page, { signal }),
    ]);
    this.learn(organization);
    return groups;
  }

  invalidate(): void {
    this.state = { kind: 'idle' };
  }

  /** Reads the tenant again; until the answer is in (or if it fails) the last good groups stay. */
  refresh(): Promise<void> {
    const state = this.state;
    if (state.kind !== 'loaded') {
      if (state.kind === 'failed') this.invalidate();
      return this.load();
    }
    if (state.refreshing) return waitShared(state.refreshing);
    const refreshing = startShared(() => this.fetch()).then(
      (groups) => {
        this.state = { kind: 'loaded', groups };
        this.replayOwnWrites();
      },
      (error: unknown) => {
        if (this.state === state) this.state = { kind: 'loaded', groups: state.groups, staleError: error };
      },
    ).finally(this.progressed);
    state.refreshing = refreshing;
    return waitShared(refreshing);
  }

  /** The groups known now: all of them once loaded, the first paint's while loading. */
  get groups(): ConnectorGroupWithContents[] {
    if (this.state.kind === 'loaded') return this.state.groups;
    return this.state.kind === 'loading' ? this.state.partial ?? [] : [];
  }

  group(id: string): ConnectorGroupWithContents | undefined {
    return this.groups.find((g) => g.id === id);
  }

  defaultGroup(): ConnectorGroupWithContents | undefined {
    return this.groups.find((g) => g.isDefault);
  }

  applicationProxyGroups(): ConnectorGroupWithContents[] {
    return this.groups.filter(isApplicationProxyGroup);
  }

  /** Re-reads one group and its contents; a group that no longer exists is dropped. */
  async reloadGroup(id: string): Promise<void> {
    const { api } = this.tenant;
    const [group, members, applications] = await Promise.all([api.getGroup(id), api.listMembers(id), api.listGroupApplications(id)]);
    this.store({ ...group, members, applications });
    this.replayOwnWrites();
  }

  /** Records a change the extension made, and applies it now and after any read in the next seconds. */
  private own(subject: string, apply: () => void): void {
    const now = Date.now();
    this.journal = this.journal.filter((w) => w.at > now - OWN_WRITES_WIN_MS);
    this.journal.push({ at: now, subject, apply });
    apply();
  }

  /**
   * After a change to `subject` whose outcome is unknown, the extension's earlier writes about it no
   * longer say what is true: the next read decides alone (a group created, then perhaps deleted,
   * must not come back from the journal).
   */
  forget(subject: string): void {
    this.journal = this.journal.filter((w) => w.subject !== subject);
  }

  private replayOwnWrites(): void {
    const since = Date.now() - OWN_WRITES_WIN_MS;
    this.journal = this.journal.filter((w) => w.at > since);
    for (const write of this.journal) write.apply();
  }

  /** Records a group as Graph now has it (after create or update), keeping known contents. */
  put(group: ConnectorGroup): void {
    const { id, name, connectorGroupType, isDefault, region } = group;
    this.own(id, () => this.store({ id, name, connectorGroupType, isDefault, region }));
  }

  /**
   * Stores a group as read or written. Read contents are the truth for that group: any of its items
   * the model still shows elsewhere (an older read of another group) are taken out there, so no
   * connector or application is ever in two groups of the model.
   */
  private store(group: ConnectorGroup & Partial<Pick<ConnectorGroupWithContents, 'members' | 'applications'>>): void {
    if (this.state.kind !== 'loaded') return;
    const known = this.group(group.id);
    const next: ConnectorGroupWithContents = {
      ...group,
      members: uniqueById(group.members ?? known?.members ?? []),
      applications: uniqueById(group.applications ?? known?.applications ?? []),
    };
    const groups = this.state.groups;
    for (const list of ['members', 'applications'] as const) {
      if (!group[list]) continue;
      const ids = new Set(next[list].map((item) => item.id));
      for (const other of groups) {
        if (other.id !== group.id && other[list].some((item) => ids.has(item.id))) {
          (other[list] as { id: string }[]) = other[list].filter((item) => !ids.has(item.id));
        }
      }
    }
    const index = groups.findIndex((g) => g.id === group.id);
    if (index >= 0) groups[index] = next;
    else groups.push(next);
  }

  drop(groupId: string): void {
    this.own(groupId, () => {
      if (this.state.kind === 'loaded') this.state.groups = this.state.groups.filter((g) => g.id !== groupId);
    });
  }

  /** Records a move Graph has confirmed, without reading the groups again. */
  moveConnector(connectorId: string, targetGroupId: string): void {
    this.own(connectorId, () => this.relocate('members', connectorId, targetGroupId));
  }

  moveApplication(applicationId: string, targetGroupId: string): void {
    this.own(applicationId, () => this.relocate('applications', applicationId, targetGroupId));
  }

  /** Where a connector or application is now, by id. */
  groupOfConnector(connectorId: string): ConnectorGroupWithContents | undefined {
    return this.holder('members', connectorId);
  }

  groupOfApplication(applicationId: string): ConnectorGroupWithContents | undefined {
    return this.holder('applications', applicationId);
  }

  private holder(list: ContentsList, id: string): ConnectorGroupWithContents | undefined {
    return this.groups.find((g) => g[list].some((item) => item.id === id));
  }

  /** Moves an item to the target: out of every group that shows it, into the target once. */
  private relocate(list: ContentsList, id: string, targetGroupId: string): void {
    const target = this.group(targetGroupId);
    const item = this.holder(list, id)?.[list].find((i) => i.id === id);
    if (!target || !item) return;
    for (const group of this.groups) {
      if (group !== target && group[list].some((i) => i.id === id)) {
        (group[list] as { id: string }[]) = group[list].filter((i) => i.id !== id);
      }
    }
    if (!target[list].some((i) => i.id === id)) (target[list] as { id: string }[]) = [...target[list], item];
  }
}

/**
 * Reads of different groups can disagree for a moment (a replica behind a move lists the connector
 * in both): the model shows each item in one group, the first that lists it. Groups are taken as
 * their contents arrive, so a tenant of thousands is never one long pass on the event loop.
 */
class OneHolder {
  private readonly seen = { members: new Set<string>(), applications: new Set<string>() };

  take(group: ConnectorGroupWithContents): void {
    for (const list of ['members', 'applications'] as const) {
      const ids = this.seen[list];
      const kept = group[list].filter((item) => !ids.has(item.id) && (ids.add(item.id), true));
      if (kept.length !== group[list].length) (group[list] as { id: string }[]) = kept;
    }
  }
}

function uniqueById<T extends { id: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.id) && (seen.add(item.id), true));
}
