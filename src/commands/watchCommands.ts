// The watch's commands: Check Connectors Now (the poll the watch makes every few minutes, at once)
// and Mute / Unmute Connector Alerts for a tenant.
import * as vscode from 'vscode';
import type { Services } from '../services';
import type { TreeNode } from '../tree/treeNode';
import type { PollResult } from './connectorWatch';
import { loadedContents, pickTenant } from './targets';

export async function checkConnectors(services: Services, node?: TreeNode): Promise<PollResult> {
  const tenantNode = await pickTenant(services, node);
  await loadedContents(tenantNode);
  const result = await services.watch.poll(tenantNode);
  if (result.lines.length === 0) services.prompts.info(vscode.l10n.t("No connector of '{0}' changed status since it was last read.", tenantNode.tenant.displayName));
  else if (result.muted) services.prompts.info(vscode.l10n.t("Alerts of '{0}' are muted; the log has what changed.", tenantNode.tenant.displayName));
  return result;
}

export async function muteConnectorAlerts(services: Services, node?: TreeNode): Promise<boolean> {
  const tenantNode = await pickTenant(services, node);
  const { key, displayName } = tenantNode.tenant;
  const muted = !services.watch.muted.has(key);
  await services.watch.muted.set(key, muted);
  services.prompts.info(muted
    ? vscode.l10n.t("Connector alerts of '{0}' are muted: the watch still reads it, and the tree still shows each change.", displayName)
    : vscode.l10n.t("Connector alerts of '{0}' are on again.", displayName));
  return muted;
}
