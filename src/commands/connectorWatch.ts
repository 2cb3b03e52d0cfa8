// The connector watch: while VS Code is open, each tenant the tree has read has its connectors read
// again every few minutes (one request a page, never one per connector), and what changed is said
// in one notice per poll: what it leaves each group's applications with, with Show and, for a group
// whose applications are all unreachable, Evacuate…. Graph keeps no status history, so this is the
// only place a change is seen without an agent on every connector host.
import * as vscode from 'vscode';
import type { Connector } from '../graph/types';
import type { Services } from '../services';
import { settings } from '../settings';
import type { KeyValueStore } from '../tenants/savedTenants';
import type { TenantNode } from '../tree/tenantNode';
import { statusChanges, watchNotice, type Status } from '../watch/statusChanges';
import type { WatchHistory } from '../watch/watchHistory';

const MUTED_KEY = 'connectorGroups.watch.muted';
/** Unfocused this long, the watch reads a quarter as often: nobody is there to read the alerts. */
const IDLE_MS = 60 * 60_000;
const MAX_BACKOFF = 8;

/** Tenants whose alerts are muted (the watch still reads them, and the tree still shows changes). */
export class MutedTenants {
  constructor(private readonly store: KeyValueStore) {}

  has(tenantKey: string): boolean {
    const raw = this.store.get<unknown>(MUTED_KEY);
    return Array.isArray(raw) && raw.includes(tenantKey);
  }

  async set(tenantKey: string, muted: boolean): Promise<void> {
    const raw = this.store.get<unknown>(MUTED_KEY);
    const keys = Array.isArray(raw) ? raw.filter((k): k is string => typeof k === 'string' && k !== tenantKey) : [];
    await this.store.update(MUTED_KEY, muted ? [...keys, tenantKey] : keys);
  }
}

export interface PollResult {
  tenantKey: string;
  /** The notice's lines, empty when nothing changed. */
  lines: string[];
  severity?: 'error' | 'warning' | 'information';
  muted: boolean;
}

export class ConnectorWatch implements vscode.Disposable {
  private timer?: ReturnType<typeof setTimeout>;
  /** Per tenant: each connector's status as last read, and the connectors then listed. */
  private readonly known = new Map<string, { statuses: Map<string, Status>; listed: Connector[] }>();
  private backoff = 1;
  private unfocusedSince?: number;
  private disposed = false;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly services: Services, readonly muted: MutedTenants, readonly history: WatchHistory) {
    this.subscriptions = [
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('connectorGroups.watch')) this.schedule(); }),
      vscode.window.onDidChangeWindowState((state) => { this.unfocusedSince = state.focused ? undefined : this.unfocusedSince ?? Date.now(); }),
    ];
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const minutes = settings.watchIntervalMinutes();
    if (this.disposed || minutes <= 0) return;
    const idle = this.unfocusedSince !== undefined && Date.now() - this.unfocusedSince > IDLE_MS ? 4 : 1;
    // A timer longer than 2^31 - 1 ms would fire at once: a day's interval slowed 32 times is past it.
    const delay = Math.min(2 ** 31 - 1, minutes * 60_000 * idle * this.backoff);
    this.timer = setTimeout(() => void this.pollAll().finally(() => this.schedule()), delay);
  }

  /** Reads every tenant the tree has loaded; a tenant not read yet (or signing in) is left for later. */
  async pollAll(): Promise<PollResult[]> {
    const results: PollResult[] = [];
    for (const tenantNode of this.services.tree.roots()) {
      if (tenantNode.contents.state.kind !== 'loaded') continue;
      try {
        results.push(await this.poll(tenantNode));
        this.backoff = 1;
      } catch (error) {
        // Throttled or unreachable: the next polls come slower, up to MAX_BACKOFF times the interval.
        this.backoff = Math.min(MAX_BACKOFF, this.backoff * 2);
        this.services.logger.warn(`[${tenantNode.tenant.displayName}] Connector watch: could not read the connectors (${error instanceof Error ? error.message : String(error)}); next poll in ${this.backoff}× the interval.`);
      }
    }
    return results;
  }

  /** One read of a tenant's connectors, compared with the last; a change is said (unless muted) and the tree reread. */
  async poll(tenantNode: TenantNode): Promise<PollResult> {
    const { tenant, contents } = tenantNode;
    const groups = contents.applicationProxyGroups();
    const last = this.known.get(tenant.key) ?? (() => {
      const listed = groups.flatMap((g) => g.members);
      return { statuses: new Map(listed.map((c) => [c.id.toLowerCase(), c.status])), listed };
    })();
    const now = await tenant.api.listConnectors();
    this.known.set(tenant.key, { statuses: new Map(now.map((c) => [c.id.toLowerCase(), c.status])), listed: now });
    await this.history.poll(tenant.key, now);
    const notice = watchNotice(statusChanges(last.statuses, now, last.listed), groups);
    const muted = this.muted.has(tenant.key);
    if (!notice) return { tenantKey: tenant.key, lines: [], muted };
    this.services.logger.info(`[${tenant.displayName}] Connector watch: ${notice.lines.join(' ')}`);
    // The tree catches up with what the poll saw.
    void this.services.tree.refresh(tenantNode).catch(() => undefined);
    if (!muted) void this.alert(tenantNode, notice.severity, notice.lines, notice.groupIds[0], notice.outage);
    return { tenantKey: tenant.key, lines: notice.lines, severity: notice.severity, muted };
  }

  private async alert(tenantNode: TenantNode, severity: 'error' | 'warning' | 'information', lines: string[], groupId: string | undefined, outage: string | undefined): Promise<void> {
    const show = vscode.l10n.t('Show');
    const evacuate = vscode.l10n.t('Evacuate…');
    const mute = vscode.l10n.t('Mute This Tenant');
    const actions = [...(groupId ? [show] : []), ...(outage ? [evacuate] : []), mute];
    const chosen = await this.services.prompts.alert(severity, `${tenantNode.tenant.displayName}: ${lines.join(' ')}`, ...actions);
    const key = tenantNode.tenant.key;
    if (chosen === mute) await vscode.commands.executeCommand('connectorGroups.muteConnectorAlerts', tenantNode);
    else if (chosen === show && groupId) {
      const group = await this.services.tree.groupNode(key, groupId);
      if (group) await this.services.treeView.reveal(group, { select: true, focus: true, expand: true });
    } else if (chosen === evacuate && outage) {
      const group = await this.services.tree.groupNode(key, outage);
      if (group) await vscode.commands.executeCommand('connectorGroups.evacuateGroup', group);
    }
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
  }
}
