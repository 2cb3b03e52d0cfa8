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
import { statusChanges, watchNotice } from '../watch/statusChanges';
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
  /** Per tenant: its tracked connectors as last read. */
  private readonly known = new Map<string, Connector[]>();
  /** Per tenant: how many intervals its next read waits after failures, and how many are left. */
  private readonly backoff = new Map<string, { factor: number; skip: number }>();
  /** Tenants whose alert is still open: a new change is logged, not stacked as another toast. */
  private readonly alerting = new Set<string>();
  /** Polls run one at a time (the timer's and Check Connectors Now), so one change is said once. */
  private queue: Promise<unknown> = Promise.resolve();
  private unfocusedSince?: number;
  private disposed = false;
  private readonly subscriptions: vscode.Disposable[];
  private readonly recordedEmitter = new vscode.EventEmitter<string>();
  /** Fires with a tenant's key when a poll of it is in its history (the timeline draws again). */
  readonly onDidRecord = this.recordedEmitter.event;

  constructor(private readonly services: Services, readonly muted: MutedTenants, readonly history: WatchHistory) {
    this.unfocusedSince = vscode.window.state.focused ? undefined : Date.now();
    this.subscriptions = [
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('connectorGroups.watch')) this.schedule(); }),
      vscode.window.onDidChangeWindowState((state) => {
        const wasIdle = this.idle();
        this.unfocusedSince = state.focused ? undefined : this.unfocusedSince ?? Date.now();
        // Back at the window after a long while: the slowed timer gives way to the usual pace.
        if (wasIdle && state.focused) this.schedule();
      }),
    ];
    this.schedule();
  }

  private idle(): boolean {
    return this.unfocusedSince !== undefined && Date.now() - this.unfocusedSince > IDLE_MS;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const minutes = settings.watchIntervalMinutes();
    if (this.disposed || minutes <= 0) return;
    this.timer = setTimeout(() => void this.pollAll().finally(() => this.schedule()), minutes * 60_000 * (this.idle() ? 4 : 1));
  }

  /** Reads every tenant the tree has loaded; a tenant not read yet (or signing in) is left for later. */
  async pollAll(): Promise<PollResult[]> {
    const results: PollResult[] = [];
    for (const tenantNode of this.services.tree.roots()) {
      if (tenantNode.contents.state.kind !== 'loaded') continue;
      const key = tenantNode.tenant.key;
      const waiting = this.backoff.get(key);
      if (waiting && waiting.skip > 0) {
        waiting.skip--;
        continue;
      }
      try {
        results.push(await this.poll(tenantNode));
        this.backoff.delete(key);
      } catch (error) {
        // Throttled or unreachable: this tenant's next reads come slower, up to MAX_BACKOFF intervals apart.
        const factor = Math.min(MAX_BACKOFF, (waiting?.factor ?? 1) * 2);
        this.backoff.set(key, { factor, skip: factor - 1 });
        this.services.logger.warn(`[${tenantNode.tenant.displayName}] Connector watch: could not read the connectors (${error instanceof Error ? error.message : String(error)}); the next read in ${factor} intervals.`);
      }
    }
    return results;
  }

  /** One read of a tenant's connectors, compared with the last; a change is said (unless muted) and the tree reread. */
  poll(tenantNode: TenantNode): Promise<PollResult> {
    const next = this.queue.then(() => this.pollNow(tenantNode));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async pollNow(tenantNode: TenantNode): Promise<PollResult> {
    const { tenant, contents } = tenantNode;
    const groups = contents.applicationProxyGroups();
    // The App Proxy groups' connectors, as the tree knows them: other hybrid agents are not watched.
    const tracked = (connectors: readonly Connector[]) => {
      const members = new Set(groups.flatMap((g) => g.members).map((c) => c.id.toLowerCase()));
      return connectors.filter((c) => members.has(c.id.toLowerCase()));
    };
    // The first read is compared with the tree's.
    const before = this.known.get(tenant.key) ?? groups.flatMap((g) => g.members);
    const listed = await tenant.api.listConnectors();
    // Removed (or added again as another tenant object) while the read was under way: nothing to say.
    if (this.services.registry.get(tenant.key) !== tenant) return { tenantKey: tenant.key, lines: [], muted: true };
    const now = tracked(listed);
    this.known.set(tenant.key, now);
    const statuses = new Map(now.map((c) => [c.id.toLowerCase(), c.status]));
    const counts = groups.map((g) => ({ id: g.id, name: g.name, active: g.members.filter((c) => statuses.get(c.id.toLowerCase()) === 'active').length }));
    await this.history.poll(tenant.key, listed, counts);
    this.recordedEmitter.fire(tenant.key);
    const notice = watchNotice(statusChanges(before, now), groups, now);
    const muted = this.muted.has(tenant.key);
    if (!notice) return { tenantKey: tenant.key, lines: [], muted };
    this.services.logger.info(`[${tenant.displayName}] Connector watch: ${notice.lines.join(' ')}`);
    // The tree catches up with what the poll saw.
    void this.services.tree.refresh(tenantNode).catch(() => undefined);
    if (!muted && !this.alerting.has(tenant.key)) {
      this.alerting.add(tenant.key);
      void this.alert(tenantNode, notice.severity, notice.lines, notice.groupIds[0], notice.outage)
        .catch((error) => this.services.logger.warn(`Connector watch: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => this.alerting.delete(tenant.key));
    }
    return { tenantKey: tenant.key, lines: notice.lines, severity: notice.severity, muted };
  }

  private async alert(tenantNode: TenantNode, severity: 'error' | 'warning' | 'information', lines: string[], groupId: string | undefined, outage: string | undefined): Promise<void> {
    const show = vscode.l10n.t('Show');
    const evacuate = vscode.l10n.t('Evacuate…');
    const mute = vscode.l10n.t('Mute This Tenant');
    // Evacuate… only where the tree's menu offers it too: a tenant it may change.
    const canEvacuate = outage !== undefined && tenantNode.tenant.canWrite() !== false;
    const actions = [...(groupId ? [show] : []), ...(canEvacuate ? [evacuate] : []), mute];
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

  /** Forgets a tenant that was removed: its last statuses, its history and its mute. */
  async forget(tenantKey: string): Promise<void> {
    this.known.delete(tenantKey);
    this.backoff.delete(tenantKey);
    await this.history.forget(tenantKey);
    await this.muted.set(tenantKey, false);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
    this.recordedEmitter.dispose();
  }
}
