// A published application: display name, external URL in the tooltip.
import * as vscode from 'vscode';
import { visibleText } from '../shared/plainText';
import type { Application } from '../graph/types';
import { GroupItemNode } from './groupItemNode';
import { tooltip } from './tooltip';
import { readOnlyFacet, type TreeNode } from './treeNode';

export class ApplicationNode extends GroupItemNode {
  constructor(parent: TreeNode, groupId: string, public application: Application, public inDefaultGroup: boolean) {
    super(`${parent.id}/application:${application.id}`, parent, groupId);
  }

  treeItem(): vscode.TreeItem {
    const { application } = this;
    const publishing = application.onPremisesPublishing ?? undefined;
    const item = new vscode.TreeItem(visibleText(application.displayName || application.id));
    item.id = this.id;
    item.description = publishing?.externalUrl ? hostOf(publishing.externalUrl) : undefined;
    item.iconPath = new vscode.ThemeIcon('globe');
    item.tooltip = tooltip(application.displayName, [
      [vscode.l10n.t('External URL'), publishing?.externalUrl],
      [vscode.l10n.t('Internal URL'), publishing?.internalUrl],
      [vscode.l10n.t('Pre-authentication'), publishing?.externalAuthenticationType],
      [vscode.l10n.t('Application (client) ID'), application.appId],
      [vscode.l10n.t('Object ID'), application.id],
    ]);
    item.contextValue = `application${this.inDefaultGroup ? ';inDefault' : ''}${readOnlyFacet(this)}`;
    return item;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
