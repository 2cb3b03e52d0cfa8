// Edit region… opens the region form of a group.
import * as vscode from 'vscode';
import type { TreeNode } from '../tree/treeNode';
import { RegionFormPanel } from '../webview/regionFormPanel';
import type { Services } from './services';
import { groupTarget } from './targets';
import { assertCanWrite } from './writeAccess';

export async function editRegion(services: Services, node?: TreeNode): Promise<void> {
  const target = await groupTarget(services, node, vscode.l10n.t('Edit the region of which group?'));
  if (!target.isApplicationProxy) {
    throw new Error(vscode.l10n.t("'{0}' belongs to another hybrid agent, not to Application Proxy.", target.group.name));
  }
  assertCanWrite(target.tenantNode.tenant, vscode.l10n.t('Editing the region'));
  RegionFormPanel.show(services, services.extensionUri, target);
}
