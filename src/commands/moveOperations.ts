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
  const api = target.tenantNode.tenant.api;
  return relocate(services, target, moving, {
    title: vscode.l10n.t('Moving {0} connector(s) to {1}…', moving.length, target.group.name),
    label: (c) => c.machineName,
    one: (id) => api.moveConnector(id, target.group.id),
    many: (ids) => api.moveConnectors(ids, target.group.id),
    record: (id) => contents.moveConnector(id, target.group.id),
    incomplete: (failed) => vscode.l10n.t('{0} of {1} connectors were not moved. {2}', failed.length, moving.length, failed.join(' ')),
    done: `Moved ${moving.length} connector(s)`,
  });
}

export async function assignApplicationsTo(services: Services, applications: Application[], target: GroupNode): Promise<number> {
  const contents = target.tenantNode.contents;
  const moving = applications.filter((a) => contents.groupOfApplication(a.id)?.id !== target.group.id);
  const api = target.tenantNode.tenant.api;
  return relocate(services, target, moving, {
    title: vscode.l10n.t('Assigning {0} application(s) to {1}…', moving.length, target.group.name),
    label: (a) => a.displayName,
    one: (id) => api.assignApplication(id, target.group.id),
    many: (ids) => api.assignApplications(ids, target.group.id),
    record: (id) => contents.moveApplication(id, target.group.id),
    incomplete: (failed) => vscode.l10n.t('{0} of {1} applications were not assigned. {2}', failed.length, moving.length, failed.join(' ')),
    done: `Assigned ${moving.length} application(s)`,
  });
}

interface Relocation<T> {
  title: string;
  label(item: T): string;
  /** One item: a plain request. */
  one(id: string): Promise<void>;
  /** Several: one $batch, with an outcome each. */
  many(ids: string[]): Promise<Map<string, BatchOutcome>>;
  /** Records in the tree's cache what Graph confirmed. */
  record(id: string): void;
  incomplete(failed: string[]): string;
  done: string;
}

/** Sends the moves, records what succeeded, and reports what did not, naming each item. */
async function relocate<T extends { id: string }>(services: Services, target: GroupNode, moving: T[], how: Relocation<T>): Promise<number> {
  if (moving.length === 0) return 0;
  let failed: string[] = [];
  await withViewProgress(how.title, async () => {
    if (moving.length === 1) {
      await how.one(moving[0].id);
      how.record(moving[0].id);
      return;
    }
    const outcomes = await how.many(moving.map((item) => item.id));
    for (const [id, outcome] of outcomes) if (outcome.ok) how.record(id);
    failed = failures(outcomes, new Map(moving.map((item) => [item.id, how.label(item)])));
  });
  services.tree.changed(target.tenantNode);
  if (failed.length > 0) throw new Error(how.incomplete(failed));
  services.logger.info(`${how.done} to '${target.group.name}' (${target.group.id})`);
  return moving.length;
}

/** Empties a group into another one, as deleting it requires. */
export async function moveContentsOut(services: Services, source: GroupNode, destination: GroupNode): Promise<void> {
  await moveConnectorsTo(services, [...source.group.members], destination);
  await assignApplicationsTo(services, [...source.group.applications], destination);
}
