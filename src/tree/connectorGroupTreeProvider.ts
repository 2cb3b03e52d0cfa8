// The tree of tenants → connector groups → connectors / applications, loaded lazily and refreshed per node.
import * as vscode from 'vscode';
import { settings } from '../settings';
import { TenantContents } from '../tenants/tenantContents';
import type { TenantRegistry } from '../tenants/tenantRegistry';
import { ApplicationNode } from './applicationNode';
import { GroupNode } from './groupNode';
import type { ExpansionMemory } from './expansionMemory';
import { hasProblem } from './groupHealth';
import { LoadingNode, OpeningNode } from './stateNodes';
import type { TreeContext } from './treeContext';
import { TenantNode } from './tenantNode';
import { NodeCache, type TreeNode } from './treeNode';

const PROGRESS_MS = 100;

export class ConnectorGroupTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changedEmitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changedEmitter.event;
  private readonly tenantNodes = new NodeCache<TenantNode>();
  private readonly contentsByTenant = new Map<string, TenantContents>();
  private readonly subscription: vscode.Disposable;
  private readonly context: TreeContext;
  private onlyProblems = false;

  constructor(
    private readonly registry: TenantRegistry,
    private readonly expansion?: ExpansionMemory,
    /** Told each tenant's first load, as a line for the log. */
    private readonly told: (line: string) => void = () => undefined,
    statusRecord?: TreeContext['statusRecord'],
  ) {
    this.context = {
      contents: (key) => this.contents(key),
      changed: (node) => this.changedEmitter.fire(node),
      showSyncFabricGroups: settings.showSyncFabricGroups,
      problemsOnly: () => this.onlyProblems,
      ...(statusRecord ? { statusRecord } : {}),
    };
    this.subscription = registry.onDidChange(() => {
      for (const key of [...this.contentsByTenant.keys()]) {
        if (!registry.get(key)) this.contentsByTenant.delete(key);
      }
      this.changedEmitter.fire(undefined);
    });
  }

  contents(tenantKey: string): TenantContents {
    let contents = this.contentsByTenant.get(tenantKey);
    const tenant = this.registry.get(tenantKey);
    if (!contents || contents.tenant !== tenant) {
      if (!tenant) throw new Error(`No tenant '${tenantKey}' is open.`);
      contents = new TenantContents(tenant, settings.requestTimeoutMs, this.progressTicker(tenantKey), ({ groups, ms, firstPageMs }) =>
        this.told(`[${tenant.displayName}] First load: ${groups} groups in ${Math.round(ms)} ms, the first page shown after ${Math.round(firstPageMs)} ms.`));
      this.contentsByTenant.set(tenantKey, contents);
    }
    return contents;
  }

  /** Redraws a tenant while its first load fills in, at most every PROGRESS_MS (no flicker). */
  private progressTicker(tenantKey: string): () => void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    return () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        this.changedEmitter.fire(this.tenantNode(tenantKey));
      }, PROGRESS_MS);
    };
  }

  roots(): TenantNode[] {
    // A tenant added again under its key (another access, way in or cloud) is a new object: its row
    // keeps its place and expansion, and speaks for the new one.
    return this.tenantNodes.reconcile(this.registry.list(), (t) => `tenant:${t.key}`, (t) => new TenantNode(t, this.context), (node, t) => { node.tenant = t; });
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const item = node.treeItem();
    if (this.expansion && item.id && item.collapsibleState) item.collapsibleState = this.expansion.state(item.id, item.collapsibleState);
    return spoken(item);
  }

  getChildren(node?: TreeNode): TreeNode[] {
    // VS Code asks for the rows under a node only once it is expanded, and may drop the expand
    // event of a row redrawn in that moment (a tenant filling in): the ask is remembered too.
    if (node) this.expansion?.set(node.id, true);
    return this.childrenOf(node);
  }

  private childrenOf(node?: TreeNode): TreeNode[] {
    if (node) return node.children();
    const roots = this.roots();
    return roots.length === 0 && this.registry.opening ? [new OpeningNode()] : roots;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  /** Children once loading has settled: what a person sees after the spinner (tests and reveal use it). */
  async settledChildren(node?: TreeNode): Promise<TreeNode[]> {
    for (;;) {
      // Groups shown while their contents still arrive are not settled yet.
      const within = tenantOf(node);
      if (within && within.contents.state.kind === 'loading') await within.contents.load();
      const children = this.childrenOf(node);
      const loading = children.find((c) => c instanceof LoadingNode);
      if (!loading) return children;
      // An application's segments are its own read; anything else waits for the tenant's load.
      if (loading.parent instanceof ApplicationNode) {
        await loading.parent.settled();
        continue;
      }
      const tenant = tenantOf(loading);
      if (tenant) await tenant.contents.load();
    }
  }

  tenantNode(key: string): TenantNode | undefined {
    return this.roots().find((n) => n.tenant.key === key);
  }

  /** The node of a group, once its tenant is loaded. */
  async groupNode(tenantKey: string, groupId: string): Promise<GroupNode | undefined> {
    const tenant = this.tenantNode(tenantKey);
    if (!tenant) return undefined;
    await tenant.contents.load();
    return tenant.groupNodes().find((g) => g.group.id === groupId);
  }

  /** Reloads what a node shows: everything, a tenant, or one group. */
  async refresh(node?: TreeNode): Promise<void> {
    if (!node) {
      const all = [...this.contentsByTenant.values()].map((contents) => contents.refresh());
      this.changedEmitter.fire(undefined);
      await Promise.all(all);
      this.changedEmitter.fire(undefined);
      return;
    }
    if (node instanceof ApplicationNode) {
      node.forgetSegments();
      this.changedEmitter.fire(node);
      return;
    }
    const group = node instanceof GroupNode ? node : undefined;
    if (group) {
      await this.contents(group.tenantKey).reloadGroup(group.group.id);
      this.changedEmitter.fire(group);
      return;
    }
    const tenant = tenantOf(node);
    if (tenant) {
      const done = tenant.contents.refresh();
      this.changedEmitter.fire(tenant);
      await done;
      this.changedEmitter.fire(tenant);
    }
  }

  get problemsOnly(): boolean {
    return this.onlyProblems;
  }

  /** Shows only the groups with problems, or every group again. */
  setProblemsOnly(on: boolean): void {
    this.onlyProblems = on;
    void vscode.commands.executeCommand('setContext', 'connectorGroups.problemsOnly', on);
    this.changedEmitter.fire(undefined);
  }

  /** Groups with problems across the loaded tenants: the view's badge. */
  problemCount(): number {
    return [...this.contentsByTenant.values()].reduce((n, contents) => n + contents.applicationProxyGroups().filter(hasProblem).length, 0);
  }

  /** The loaded tenants with a group with problems: the status bar's count. */
  tenantsWithProblems(): string[] {
    return [...this.contentsByTenant.values()].filter((c) => c.applicationProxyGroups().some(hasProblem)).map((c) => c.tenant.displayName);
  }

  /** Says that these nodes' data changed locally (after a command updated the contents). */
  changed(...nodes: (TreeNode | undefined)[]): void {
    for (const node of nodes) this.changedEmitter.fire(node);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changedEmitter.dispose();
  }
}

export function tenantOf(node: TreeNode | undefined): TenantNode | undefined {
  let current = node;
  while (current && !(current instanceof TenantNode)) current = current.parent;
  return current;
}

/**
 * What a screen reader says for a row: its label and description, and a plain-text tooltip's words
 * (without this, a string tooltip is read instead of the label, and a count or a reason is lost).
 */
function spoken(item: vscode.TreeItem): vscode.TreeItem {
  if (item.accessibilityInformation) return item;
  const label = typeof item.label === 'string' ? item.label : item.label?.label;
  // A Markdown tooltip is offered by the reader on its own; a plain one would replace the label.
  const tooltip = typeof item.tooltip === 'string' ? item.tooltip : undefined;
  const parts = [label, typeof item.description === 'string' ? item.description : undefined, tooltip];
  item.accessibilityInformation = { label: [...new Set(parts.filter((p): p is string => Boolean(p && p.trim())))].join(', ') };
  return item;
}
