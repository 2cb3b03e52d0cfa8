// Groups of other hybrid agents (connectorGroupType `syncFabric`), kept apart and offered no App Proxy action.
import * as vscode from 'vscode';
import type { GroupNode } from './groupNode';
import { TreeNode } from './treeNode';

export class OtherAgentsNode extends TreeNode {
  constructor(parent: TreeNode, private readonly groups: () => GroupNode[]) {
    super(`${parent.id}/otherAgents`, parent);
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Other hybrid agents'), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = String(this.groups().length);
    // Not 'sync': that icon reads as a refresh in progress.
    item.iconPath = new vscode.ThemeIcon('plug');
    item.tooltip = vscode.l10n.t('Groups of agents other than Application Proxy connectors (for example AD Sync Fabric). They are shown for reference only.');
    item.contextValue = 'folder;otherAgents';
    return item;
  }

  override children(): TreeNode[] {
    return this.groups();
  }
}
