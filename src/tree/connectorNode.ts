// A connector: machine name, status with a themed icon, external IP and version.
import * as vscode from 'vscode';
import { visibleText } from '../shared/plainText';
import type { Connector } from '../graph/types';
import { GroupItemNode } from './groupItemNode';
import { tooltip } from './tooltip';
import { inactiveWords } from '../watch/statusHistory';
import { readOnlyFacet, type TreeNode } from './treeNode';

/** Active or not by shape, not only by colour: in light themes the two colours are close. */
export function connectorIcon(connector: Connector): vscode.ThemeIcon {
  return connector.status === 'active'
    ? new vscode.ThemeIcon('vm-active', new vscode.ThemeColor('testing.iconPassed'))
    : new vscode.ThemeIcon('debug-disconnect', new vscode.ThemeColor('list.warningForeground'));
}

export class ConnectorNode extends GroupItemNode {
  constructor(parent: TreeNode, groupId: string, public connector: Connector) {
    super(`${parent.id}/connector:${connector.id}`, parent, groupId);
  }

  get active(): boolean {
    return this.connector.status === 'active';
  }

  treeItem(): vscode.TreeItem {
    const { connector } = this;
    const item = new vscode.TreeItem(visibleText(connector.machineName || connector.id));
    item.id = this.id;
    // The watch's record only while it agrees with the status the tree read (the watch may be off, or behind).
    const record = this.tenantNode.statusRecord(connector.id);
    const since = record?.status === connector.status ? inactiveWords(record, new Date()) : undefined;
    item.description = [since ?? connector.status, connector.externalIp, connector.version].filter(Boolean).join(' · ');
    item.iconPath = connectorIcon(connector);
    item.tooltip = tooltip(connector.machineName, [
      [vscode.l10n.t('Status'), since ?? connector.status],
      [vscode.l10n.t('External IP'), connector.externalIp],
      [vscode.l10n.t('Version'), connector.version],
      [vscode.l10n.t('ID'), connector.id],
    ]);
    item.contextValue = `connector;${this.active ? 'active' : 'inactive'}${readOnlyFacet(this)}`;
    return item;
  }
}
