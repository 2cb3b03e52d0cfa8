// Open the sandbox tenant, remove a tenant, refresh, filter, show the log.
import * as vscode from 'vscode';
import { InventoryPanel } from '../webview/inventoryPanel';
import { TimelinePanel } from '../webview/timelinePanel';
import { openSandboxTenant as startSandboxTenant, SANDBOX_KEY } from '../tenants/sandboxTenant';
import type { TreeNode } from '../tree/treeNode';
import { withNotificationProgress } from '../ui/progress';
import type { Services } from '../services';
import { pickTenant } from './targets';

export async function openSandboxTenant(services: Services): Promise<string> {
  if (!services.registry.get(SANDBOX_KEY)) {
    await services.registry.open(() => withNotificationProgress(vscode.l10n.t('Opening the sandbox tenant'), () => startSandboxTenant(services.logger)));
  }
  const node = services.tree.tenantNode(SANDBOX_KEY);
  if (node) await services.treeView.reveal(node, { expand: true, select: false }).then(undefined, () => undefined);
  return SANDBOX_KEY;
}

/** Closes a tenant and forgets it: it is not shown again after a reload. */
export async function removeTenant(services: Services, node?: TreeNode): Promise<void> {
  const tenant = await pickTenant(services, node);
  // What the extension kept of it goes with it: its plan session (refused while a run works on it),
  // its last run's journal and its history.
  services.layouts.sessions.forget(tenant.tenant.key);
  services.layouts.journals.remove(tenant.tenant.key);
  services.layouts.history.remove(tenant.tenant.key);
  // What the runbooks remember goes with the tenant, as its journals and history do.
  await services.drained.set(tenant.tenant.key, []);
  await services.failedOver.set(tenant.tenant.key, []);
  await services.savedTenants.remove(tenant.tenant.key);
  await services.registry.remove(tenant.tenant.key);
  // After the registry lets it go: a poll under way then finds it gone and writes nothing back.
  await services.watch.forget(tenant.tenant.key);
  InventoryPanel.close(tenant.tenant.key);
  TimelinePanel.closeTenant(tenant.tenant.key);
}

export async function refresh(services: Services): Promise<void> {
  await services.tree.refresh();
}

export async function refreshNode(services: Services, node?: TreeNode): Promise<void> {
  await services.tree.refresh(node);
}

export async function showProblemsOnly(services: Services): Promise<void> {
  services.tree.setProblemsOnly(true);
}

export async function showAllGroups(services: Services): Promise<void> {
  services.tree.setProblemsOnly(false);
}

export async function showLog(services: Services): Promise<void> {
  services.logger.show(true);
}
