// What the tree knows of one tenant: its groups with members and applications, loaded lazily and kept until refresh.
import { isApplicationProxyGroup } from '../graph/connectorGroupsApi';
import type { ConnectorGroup, ConnectorGroupWithContents } from '../graph/types';
import { withinDeadline } from './deadline';
import type { Tenant } from './tenant';

export type LoadState =
  | { kind: 'idle' }
  | { kind: 'loading'; done: Promise<void> }
  /**
   * `refreshing` while a reload runs and `staleError` when the last one failed: the groups shown
   * stay the last good ones, so a slow or broken Graph never empties the tree.
   */
  | { kind: 'loaded'; groups: ConnectorGroupWithContents[]; refreshing?: Promise<void>; staleError?: unknown }
  | { kind: 'failed'; error: unknown };

/** The two lists a group holds. */
type ContentsList = 'members' | 'applications';

/**
 * How long the extension's own writes win over what a read says: Graph's replicas can answer with
 * the state from before a write for a few seconds, and the tree must show what was written.
 */
export const OWN_WRITES_WIN_MS = 10_000;

interface OwnWrite {
  at: number;
  apply(): void;
}

export class TenantContents {
  state: LoadState = { kind: 'idle' };
  private journal: OwnWrite[] = [];

  /** `deadlineMs` bounds each whole load or refresh (read when it starts, so a changed setting counts). */
  constructor(readonly tenant: Tenant, private readonly deadlineMs: () => number = () => 60_000) {}

  /** Starts loading unless already loaded or loading; resolves when the state has settled. */
  load(): Promise<void> {
    if (this.state.kind === 'loading') return this.state.done;
    if (this.state.kind === 'loaded') return Promise.resolve();
    const done = this.fetch().then(
      (groups) => {
        this.state = { kind: 'loaded', groups };
        this.replayOwnWrites();
      },
      (error: unknown) => { this.state = { kind: 'failed', error }; },
    );
    this.state = { kind: 'loading', done };
    return done;
  }

  private fetch(): Promise<ConnectorGroupWithContents[]> {
    return withinDeadline(this.read(), this.deadlineMs());
  }

  private async read(): Promise<ConnectorGroupWithContents[]> {
    const [organization, groups] = await Promise.all([
      this.tenant.tenantId ? undefined : this.tenant.api.organization().catch(() => undefined),
      this.tenant.api.loadGroupsWithContents(),
    ]);
    if (organization) {
      this.tenant.tenantId = organization.id;
      this.tenant.displayName = organization.displayName || organization.id;
      this.tenant.learned?.();
    }
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
    if (state.refreshing) return state.refreshing;
    const refreshing = this.fetch().then(
      (groups) => {
        this.state = { kind: 'loaded', groups };
        this.replayOwnWrites();
      },
      (error: unknown) => {
        if (this.state === state) this.state = { kind: 'loaded', groups: state.groups, staleError: error };
      },
    );
    state.refreshing = refreshing;
    return refreshing;
  }

  get groups(): ConnectorGroupWithContents[] {
    return this.state.kind === 'loaded' ? this.state.groups : [];
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
  private own(apply: () => void): void {
    const now = Date.now();
    this.journal = this.journal.filter((w) => w.at > now - OWN_WRITES_WIN_MS);
    this.journal.push({ at: now, apply });
    apply();
  }

  private replayOwnWrites(): void {
    const since = Date.now() - OWN_WRITES_WIN_MS;
    this.journal = this.journal.filter((w) => w.at > since);
    for (const write of this.journal) write.apply();
  }

  /** Records a group as Graph now has it (after create or update), keeping known contents. */
  put(group: ConnectorGroup): void {
    const { id, name, connectorGroupType, isDefault, region } = group;
    this.own(() => this.store({ id, name, connectorGroupType, isDefault, region }));
  }

  private store(group: ConnectorGroup & Partial<Pick<ConnectorGroupWithContents, 'members' | 'applications'>>): void {
    if (this.state.kind !== 'loaded') return;
    const known = this.group(group.id);
    const next: ConnectorGroupWithContents = {
      ...group,
      members: group.members ?? known?.members ?? [],
      applications: group.applications ?? known?.applications ?? [],
    };
    const groups = this.state.groups;
    const index = groups.findIndex((g) => g.id === group.id);
    if (index >= 0) groups[index] = next;
    else groups.push(next);
  }

  drop(groupId: string): void {
    this.own(() => {
      if (this.state.kind === 'loaded') this.state.groups = this.state.groups.filter((g) => g.id !== groupId);
    });
  }

  /** Records a move Graph has confirmed, without reading the groups again. */
  moveConnector(connectorId: string, targetGroupId: string): void {
    this.own(() => this.relocate('members', connectorId, targetGroupId));
  }

  moveApplication(applicationId: string, targetGroupId: string): void {
    this.own(() => this.relocate('applications', applicationId, targetGroupId));
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

  private relocate(list: ContentsList, id: string, targetGroupId: string): void {
    const source = this.holder(list, id);
    const target = this.group(targetGroupId);
    if (!source || !target || source === target) return;
    const item = source[list].find((i) => i.id === id)!;
    (source[list] as { id: string }[]) = source[list].filter((i) => i.id !== id);
    (target[list] as { id: string }[]) = [...target[list], item];
  }
}
