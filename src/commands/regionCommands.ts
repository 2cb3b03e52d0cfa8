// Edit region… opens the region form of a group.
import * as vscode from 'vscode';
import type { TreeNode } from '../tree/treeNode';
import { RegionFormPanel, type RegionFormHost } from '../webview/regionFormPanel';
import type { Services } from '../services';
import { updateGroupInTree } from './groupCommands';
import { checkName } from './nameRule';
import { groupTarget } from './targets';
import { assertCanWrite } from './writeAccess';

export async function editRegion(services: Services, node?: TreeNode): Promise<void> {
  const target = await groupTarget(services, node, vscode.l10n.t('Edit the region of which group?'));
  if (!target.isApplicationProxy) {
    throw new Error(vscode.l10n.t("'{0}' belongs to another hybrid agent, not to Application Proxy.", target.group.name));
  }
  assertCanWrite(target.tenantNode.tenant, vscode.l10n.t('Editing the region'));
  RegionFormPanel.show(regionFormHost(services), services.extensionUri, target);
}

/** The form's way to the tree, the log and the write path Create and Rename use. */
export function regionFormHost(services: Services): RegionFormHost {
  return {
    tenantNode: (key) => services.tree.tenantNode(key),
    onDidChangeTree: services.tree.onDidChangeTreeData,
    warn: (message) => services.logger.warn(message),
    confirmName: async (tenant, name, ownId) => (await checkName(services, tenant.contents, name, vscode.l10n.t('Save Anyway'), ownId)).use,
    update: (tenant, group, changes) => updateGroupInTree(services, tenant, group, changes),
  };
}
