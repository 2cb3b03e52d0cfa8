// "Connectors" and "Applications" under a group.
import * as vscode from 'vscode';
import type { ConnectorGroupWithContents } from '../graph/types';
import { ApplicationNode } from './applicationNode';
import { ConnectorNode } from './connectorNode';
import { EmptyNode, LoadingNode } from './stateNodes';
import { NodeCache, TreeNode, readOnlyFacet } from './treeNode';

export type FolderKind = 'connectors' | 'applications';

export class FolderNode extends TreeNode {
  private readonly connectors = new NodeCache<ConnectorNode>();
  private readonly applications = new NodeCache<ApplicationNode>();

  constructor(
    parent: TreeNode,
    readonly kind: FolderKind,
    private group: () => ConnectorGroupWithContents,
    /** Whether the group's contents are still on their way, and how to hurry them. */
    private readonly arriving: { pending(): boolean; ensure(): void },
  ) {
    super(`${parent.id}/${kind}`, parent);
  }

  treeItem(): vscode.TreeItem {
    const group = this.group();
    const count = this.kind === 'connectors' ? group.members.length : group.applications.length;
    const label = this.kind === 'connectors' ? vscode.l10n.t('Connectors') : vscode.l10n.t('Applications');
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = this.arriving.pending() ? '…' : String(count);
    item.iconPath = new vscode.ThemeIcon(this.kind === 'connectors' ? 'server' : 'window');
    item.contextValue = `folder;${this.kind}${readOnlyFacet(this)}`;
    return item;
  }

  override children(): TreeNode[] {
    if (this.arriving.pending()) {
      this.arriving.ensure();
      return [new LoadingNode(this)];
    }
    const group = this.group();
    if (this.kind === 'connectors') {
      if (group.members.length === 0) return [new EmptyNode(this, vscode.l10n.t('No connectors in this group'))];
      const sorted = [...group.members].sort((a, b) => (a.machineName ?? '').localeCompare(b.machineName ?? ''));
      return this.connectors.reconcile(sorted, (c) => `${this.id}/connector:${c.id}`,
        (c) => new ConnectorNode(this, group.id, c), (node, c) => { node.connector = c; });
    }
    if (group.applications.length === 0) return [new EmptyNode(this, vscode.l10n.t('No applications in this group'))];
    const sorted = [...group.applications].sort((a, b) => (a.displayName ?? '').localeCompare(b.displayName ?? ''));
    return this.applications.reconcile(sorted, (a) => `${this.id}/application:${a.id}`,
      (a) => new ApplicationNode(this, group.id, a, group.isDefault),
      (node, a) => { node.application = a; node.inDefaultGroup = group.isDefault; });
  }
}
