// Move connectors to another group (from the tree, a multi-selection, or the palette).
import * as vscode from 'vscode';
import type { Services } from './services';
import { connectorTargets, pickGroup } from './targets';
import { moveConnectorsTo } from './moveOperations';

export async function moveConnector(services: Services, node?: unknown, selection?: unknown): Promise<number> {
  const connectors = await connectorTargets(services, node, selection);
  const tenant = connectors[0].tenantNode;
  const from = new Set(connectors.map((c) => c.groupId));
  const target = await pickGroup(services, tenant,
    connectors.length === 1
      ? vscode.l10n.t('Move {0} to…', connectors[0].connector.machineName)
      : vscode.l10n.t('Move {0} connectors to…', connectors.length),
    (g) => from.size === 1 && from.has(g.id));
  return moveConnectorsTo(services, connectors.map((c) => c.connector), target);
}
