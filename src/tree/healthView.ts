// The Health view: each open tenant's findings, computed from what the tree has read (no round trip
// of its own), in the order the person chose; it follows the tree as reads and changes arrive.
import * as vscode from 'vscode';
import type { TenantRegistry } from '../tenants/tenantRegistry';
import type { Tenant } from '../tenants/tenant';
import type { ConnectorGroupTreeProvider } from './connectorGroupTreeProvider';
import type { TreeNode } from './treeNode';
import { HealthTenantNode } from './healthNodes';
import { SEVERITY_ORDER, tenantFindings, type Finding } from '../health/rules';
import { settings } from '../settings';

export const HEALTH_VIEW_ID = 'connectorGroups.health';

export type FindingOrder = 'severity' | 'atRisk' | 'group';

/** A tenant's findings, or why there are none to show yet (the tree shows a failed read with Retry). */
export type TenantFindings = { kind: 'read'; findings: Finding[] } | { kind: 'loading' } | { kind: 'notRead' } | { kind: 'failed' };

/** The findings in the order asked: by severity (the rules' order), by applications at risk, or by group. */
export function ordered(findings: Finding[], order: FindingOrder): Finding[] {
  const severity = (f: Finding) => SEVERITY_ORDER.indexOf(f.severity);
  if (order === 'atRisk') return [...findings].sort((a, b) => b.applicationsAtRisk.length - a.applicationsAtRisk.length || severity(a) - severity(b));
  if (order === 'group') return [...findings].sort((a, b) => a.group.name.localeCompare(b.group.name) || severity(a) - severity(b));
  return findings;
}

export class HealthTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changedEmitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changedEmitter.event;
  private readonly subscriptions: vscode.Disposable[];
  private timer: ReturnType<typeof setTimeout> | undefined;
  order: FindingOrder = 'severity';

  constructor(private readonly registry: TenantRegistry, private readonly tree: ConnectorGroupTreeProvider) {
    // The tree redraws as reads and the extension's own changes land: the findings follow, at most
    // every 200 ms (a tenant of thousands of groups fills in over many redraws).
    const follow = () => { this.timer ??= setTimeout(() => { this.timer = undefined; this.changedEmitter.fire(undefined); }, 200); };
    this.subscriptions = [
      tree.onDidChangeTreeData(follow),
      registry.onDidChange(follow),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('connectorGroups.health')) follow(); }),
    ];
  }

  /**
   * The tenant's findings once the tree has read it, in the chosen order. The view starts no read of
   * its own: a tenant waiting for its sign-in is read when the person signs in there.
   */
  findings(tenant: Tenant): TenantFindings {
    const contents = this.tree.contents(tenant.key);
    switch (contents.state.kind) {
      case 'loaded': return { kind: 'read', findings: ordered(tenantFindings(contents.groups, { certificateWarningDays: settings.certificateWarningDays() }), this.order) };
      case 'failed': return { kind: 'failed' };
      case 'idle': return { kind: 'notRead' };
      case 'loading': return { kind: 'loading' };
    }
  }

  setOrder(order: FindingOrder): void {
    this.order = order;
    this.changedEmitter.fire(undefined);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.treeItem();
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (node) return node.children();
    return this.registry.list().map((tenant) => new HealthTenantNode(tenant, this.findings(tenant)));
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
    this.changedEmitter.dispose();
  }
}
