// Moving connectors and assigning applications: rules checked first, $batch for several, the tree updated in place.
import * as vscode from 'vscode';
import type { BatchOutcome } from '../graph/graphHttp';
import type { Application, Connector } from '../graph/types';
import { connectorMoveRefusal } from '../tenants/moveRules';
import type { GroupNode } from '../tree/groupNode';
import { withViewProgress } from '../ui/progress';
import type { Services } from './services';

function failures(outcomes: Map<string, BatchOutcome>, names: Map<string, string>): string[] {
  return [...outcomes.values()].filter((o) => !o.ok).map((o) => `${names.get(o.id) ?? o.id}: ${o.ok ? '' : o.error.message}`);
}

/** Moves connectors into a group; refuses before any call when the region rule forbids one of them. */
export async function moveConnectorsTo(services: Services, connectors: Connector[], target: GroupNode): Promise<number> {
  const contents = target.tenantNode.contents;
  const defaultGroup = contents.defaultGroup();
  const moving = connectors.filter((c) => contents.groupOfConnector(c.id)?.id !== target.group.id);
  for (const connector of moving) {
    const source = contents.groupOfConnector(connector.id);
    const refusal = source && connectorMoveRefusal(source, target.group, defaultGroup);
    if (refusal) throw new Error(vscode.l10n.t('{0} cannot be moved: {1}', connector.machineName, refusal));
  }
  if (moving.length === 0) return 0;
  const api = target.tenantNode.tenant.api;
  const title = vscode.l10n.t('Moving {0} connector(s) to {1}…', moving.length, target.group.name);
  let failed: string[] = [];
  await withViewProgress(title, async () => {
    if (moving.length === 1) {
      await api.moveConnector(moving[0].id, target.group.id);
      contents.moveConnector(moving[0].id, target.group.id);
      return;
    }
    const outcomes = await api.moveConnectors(moving.map((c) => c.id), target.group.id);
    for (const [id, outcome] of outcomes) if (outcome.ok) contents.moveConnector(id, target.group.id);
    failed = failures(outcomes, new Map(moving.map((c) => [c.id, c.machineName])));
  });
  services.tree.changed(target.tenantNode);
  if (failed.length > 0) throw new Error(vscode.l10n.t('{0} of {1} connectors were not moved. {2}', failed.length, moving.length, failed.join(' ')));
  services.logger.info(`Moved ${moving.length} connector(s) to '${target.group.name}' (${target.group.id})`);
  return moving.length;
}

export async function assignApplicationsTo(services: Services, applications: Application[], target: GroupNode): Promise<number> {
  const contents = target.tenantNode.contents;
  const moving = applications.filter((a) => contents.groupOfApplication(a.id)?.id !== target.group.id);
  if (moving.length === 0) return 0;
  const api = target.tenantNode.tenant.api;
  let failed: string[] = [];
  await withViewProgress(vscode.l10n.t('Assigning {0} application(s) to {1}…', moving.length, target.group.name), async () => {
    if (moving.length === 1) {
      await api.assignApplication(moving[0].id, target.group.id);
      contents.moveApplication(moving[0].id, target.group.id);
      return;
    }
    const outcomes = await api.assignApplications(moving.map((a) => a.id), target.group.id);
    for (const [id, outcome] of outcomes) if (outcome.ok) contents.moveApplication(id, target.group.id);
    failed = failures(outcomes, new Map(moving.map((a) => [a.id, a.displayName])));
  });
  services.tree.changed(target.tenantNode);
  if (failed.length > 0) throw new Error(vscode.l10n.t('{0} of {1} applications were not assigned. {2}', failed.length, moving.length, failed.join(' ')));
  services.logger.info(`Assigned ${moving.length} application(s) to '${target.group.name}' (${target.group.id})`);
  return moving.length;
}

/** Empties a group into another one, as deleting it requires. */
export async function moveContentsOut(services: Services, source: GroupNode, destination: GroupNode): Promise<void> {
  await moveConnectorsTo(services, [...source.group.members], destination);
  await assignApplicationsTo(services, [...source.group.applications], destination);
}
