// Application Inventory…: every published application of a tenant with its publishing settings read
// afresh (a `$batch` per 20 applications), its certificate and the findings of the publishing rules.
import * as vscode from 'vscode';
import { GraphRequestError } from '../graph/errors';
import type { BatchOutcome } from '../graph/graphHttp';
import type { Application } from '../graph/types';
import { buildInventory, type FreshRead, type Inventory } from '../inventory/inventory';
import { inventoryCsv, inventoryJson } from '../inventory/inventoryFiles';
import { settings } from '../settings';
import type { Services } from '../services';
import type { TreeNode } from '../tree/treeNode';
import { describeError } from '../ui/describeError';
import { InventoryPanel, type InventoryHost } from '../webview/inventoryPanel';
import { showExport } from './exportCommands';
import { Cancelled, loadedContents, pickTenant } from './targets';
import { notificationText } from '../shared/plainText';

/** Opens (or brings forward) the tenant's inventory and reads it; returns what it shows. */
export async function applicationInventory(services: Services, node?: TreeNode): Promise<Inventory> {
  const tenantNode = await pickTenant(services, node);
  return InventoryPanel.show(inventoryHost(services), services.extensionUri, tenantNode.tenant.key, tenantNode.tenant.displayName);
}

function inventoryHost(services: Services): InventoryHost {
  return {
    read: (tenantKey) => readInventory(services, tenantKey),
    exportInventory: async (inventory, format) => {
      const parts = [inventory.tenant.displayName, vscode.l10n.t('Applications')];
      await showExport(services, parts, format === 'csv' ? inventoryCsv(inventory) : inventoryJson(inventory), format);
    },
    showGroup: async (tenantKey, groupId) => {
      const group = await services.tree.groupNode(tenantKey, groupId);
      if (!group) throw new Error(vscode.l10n.t('That group is no longer in the tenant. Refresh the view.'));
      await services.treeView.reveal(group, { select: true, focus: true, expand: true });
    },
    warn: (message) => services.logger.warn(message),
    certificateWarningDays: () => settings.certificateWarningDays(),
  };
}

async function readInventory(services: Services, tenantKey: string): Promise<Inventory> {
  const tenantNode = services.tree.tenantNode(tenantKey);
  if (!tenantNode) throw new Error(vscode.l10n.t('The tenant of this inventory was removed from the view.'));
  const contents = await loadedContents(tenantNode);
  const { tenant } = tenantNode;
  const applications = contents.groups.filter((g) => g.connectorGroupType === 'applicationProxy').flatMap((g) => g.applications);
  const fresh = await vscode.window.withProgress({
    location: vscode.ProgressLocation.Notification,
    title: notificationText(vscode.l10n.t('Reading the publishing settings of {0} applications…', applications.length)),
    cancellable: true,
  }, async (_, token) => {
    const stop = new AbortController();
    // Said in the panel, which stays open: a cancelled read is no error, but the panel says why it is empty.
    const cancelled = () => new Cancelled(vscode.l10n.t('The read was cancelled. Refresh to read again.'));
    token.onCancellationRequested(() => stop.abort(cancelled()));
    const outcomes = await tenant.api.readApplications(applications.map((a) => a.id), { signal: stop.signal });
    if (token.isCancellationRequested) throw cancelled();
    return freshReads(outcomes);
  });
  return buildInventory({ id: tenant.tenantId, displayName: tenant.displayName }, contents.groups, fresh,
    { now: Date.now(), certificateWarningDays: settings.certificateWarningDays() });
}

/**
 * Each application's read: its settings, gone (404: deleted since the tree read it), or a problem in
 * words. When nothing could be read at all (no permission, no network) that is thrown, not shown as
 * a table of failures.
 */
function freshReads(outcomes: ReadonlyMap<string, BatchOutcome>): Map<string, FreshRead> {
  const reads = new Map<string, FreshRead>();
  let failed: Error | undefined;
  for (const [id, outcome] of outcomes) {
    if (outcome.ok && isApplication(outcome.body, id)) reads.set(id, { kind: 'read', application: outcome.body });
    else if (!outcome.ok && outcome.error instanceof GraphRequestError && outcome.error.status === 404) reads.set(id, { kind: 'gone' });
    else {
      const error = outcome.ok ? new Error(vscode.l10n.t('Graph answered something that is not an application.')) : outcome.error;
      failed ??= error;
      reads.set(id, { kind: 'failed', problem: vscode.l10n.t('Not read again ({0}): shown as the tree read it.', describeError(error)) });
    }
  }
  if (failed && ![...reads.values()].some((r) => r.kind !== 'failed')) throw failed;
  return reads;
}

function isApplication(body: unknown, id: string): body is Application {
  return typeof body === 'object' && body !== null && (body as Application).id === id;
}
