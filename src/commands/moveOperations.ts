// Moving connectors and assigning applications from the UI: rules checked first, then the operation,
// then one message that names what moved and what did not.
import * as vscode from 'vscode';
import type { Application, Connector, ConnectorGroupWithContents } from '../graph/types';
import { emptyAndDelete } from '../operations/emptyAndDelete';
import { assignApplications, moveConnectors, type Relocated } from '../operations/relocation';
import { applicationCount, connectorCount } from '../shared/counts';
import { nameList } from '../shared/nameList';
import { applicationsCutOff } from '../tenants/impact';
import { connectorMoveRefusal } from '../tenants/moveRules';
import type { GroupNode } from '../tree/groupNode';
import { describeError } from '../ui/describeError';
import { withViewProgress } from '../ui/progress';
import { applicationsChoice, besides, connectorsChoice } from './groupChoice';
import { confirmImpact } from './impactPrompt';
import { ActionableError } from './actionableError';
import type { Services } from '../services';
import { assertCanWrite } from './writeAccess';
import { pickGroup } from './targets';

/** One sentence for a relocation that did not fully succeed: which items moved, which did not and why. */
function incompleteMessage(result: Relocated, label: (id: string) => string, moved: string, notMoved: string): string {
  const firstError = result.failed[0]?.error;
  const reason = firstError === undefined ? '' : ` ${describeError(firstError)}`;
  const uncertain = result.failed.filter((f) => f.uncertain).map((f) => label(f.id));
  return [
    result.moved.length > 0 ? vscode.l10n.t('{0}: {1}.', moved, nameList(result.moved.map(label))) : undefined,
    vscode.l10n.t('{0}: {1}.', notMoved, nameList(result.failed.map((f) => label(f.id)))) + reason,
    uncertain.length > 0 ? vscode.l10n.t('Could not be checked, refresh to see: {0}.', nameList(uncertain)) : undefined,
  ].filter(Boolean).join(' ');
}

/** Moves connectors into a group; refuses before any call when the region rule forbids one of them. */
export async function moveConnectorsTo(services: Services, connectors: Connector[], target: GroupNode): Promise<number> {
  assertCanWrite(target.tenantNode.tenant, vscode.l10n.t('Moving connectors'));
  const contents = target.tenantNode.contents;
  const defaultGroup = contents.defaultGroup();
  // The region rule keeps some out: the others still move, and the message names those that did not.
  const checked = connectors.filter((c) => contents.groupOfConnector(c.id)?.id !== target.group.id).map((connector) => {
    const source = contents.groupOfConnector(connector.id);
    return { connector, refusal: source && connectorMoveRefusal(source, target.group, defaultGroup) };
  });
  const refused = checked.flatMap(({ connector, refusal }) => (refusal ? [vscode.l10n.t('{0} cannot be moved: {1}', connector.machineName, refusal)] : []));
  const moving = checked.filter((c) => !c.refusal).map((c) => c.connector);
  if (refused.length > 0 && moving.length === 0) {
    throw new Error(refused.length === 1 ? refused[0] : vscode.l10n.t('Nothing was moved: {0}', refused.join(' ')));
  }
  const cutOff = applicationsCutOff(contents.groups, { connectors: { ids: moving.map((c) => c.id), to: target.group.id } });
  if (await confirmImpact(services, cutOff, vscode.l10n.t('Move Anyway'), target.group.id) === 'another') {
    const sources = [...new Set(moving.map((c) => contents.groupOfConnector(c.id)))].filter((g) => g !== undefined);
    const other = await pickGroup(services, target.tenantNode, vscode.l10n.t('Move {0} to…', connectorCount(moving.length)),
      besides(connectorsChoice(contents, sources), target.group.id));
    return moveConnectorsTo(services, connectors, other);
  }
  return relocateShown(services, target, moving.map((c) => [c.id, c.machineName]), {
    refused,
    title: vscode.l10n.t('Moving {0} to {1}…', connectorCount(moving.length), target.group.name),
    run: (ids) => moveConnectors(contents, ids, target.group.id),
    log: (n) => `Moved ${connectorCount(n)}`,
    moved: vscode.l10n.t('Moved to {0}', target.group.name),
    notMoved: vscode.l10n.t('Not moved'),
  });
}

export async function assignApplicationsTo(services: Services, applications: Application[], target: GroupNode): Promise<number> {
  assertCanWrite(target.tenantNode.tenant, vscode.l10n.t('Assigning applications'));
  const contents = target.tenantNode.contents;
  const moving = applications.filter((a) => contents.groupOfApplication(a.id)?.id !== target.group.id);
  const cutOff = applicationsCutOff(contents.groups, { applications: { ids: moving.map((a) => a.id), to: target.group.id } });
  if (await confirmImpact(services, cutOff, vscode.l10n.t('Assign Anyway'), target.group.id) === 'another') {
    // The group the applications are in is no choice either (after a drag nothing else excluded it).
    const sources = new Set(moving.map((a) => contents.groupOfApplication(a.id)));
    const source = sources.size === 1 ? [...sources][0] : undefined;
    const other = await pickGroup(services, target.tenantNode, vscode.l10n.t('Assign {0} to…', applicationCount(moving.length)),
      besides(applicationsChoice(source), target.group.id));
    return assignApplicationsTo(services, applications, other);
  }
  return relocateShown(services, target, moving.map((a) => [a.id, a.displayName]), {
    title: vscode.l10n.t('Assigning {0} to {1}…', applicationCount(moving.length), target.group.name),
    run: (ids) => assignApplications(contents, ids, target.group.id),
    log: (n) => `Assigned ${applicationCount(n)}`,
    moved: vscode.l10n.t('Assigned to {0}', target.group.name),
    notMoved: vscode.l10n.t('Not assigned'),
  });
}

/** Runs a relocation with progress, updates the tree, logs what moved and throws a message naming what did not. */
async function relocateShown(
  services: Services,
  target: GroupNode,
  items: [id: string, label: string][],
  how: {
    title: string; run(ids: string[]): Promise<Relocated>; log(count: number): string; moved: string; notMoved: string;
    /** Items the rules kept out before anything was sent, one sentence each. */
    refused?: string[];
  },
): Promise<number> {
  if (items.length === 0) return 0;
  const result = await withViewProgress(how.title, () => how.run(items.map(([id]) => id)));
  services.tree.changed(target.tenantNode);
  if (result.moved.length > 0) services.logger.info(`${how.log(result.moved.length)} to '${target.group.name}' (${target.group.id})`);
  const refused = how.refused ?? [];
  if (result.failed.length > 0 || refused.length > 0) {
    const done = result.failed.length > 0
      ? incompleteMessage(result, labeller(items), how.moved, how.notMoved)
      : vscode.l10n.t('{0}: {1}.', how.moved, nameList(result.moved.map(labeller(items))));
    throw new Error([done, ...refused].join(' '));
  }
  return result.moved.length;
}

function labeller(entries: [string, string][]): (id: string) => string {
  const byId = new Map(entries);
  return (id) => byId.get(id) || id;
}

/** Empties a group into another one and deletes it; a stop part-way says what was done and offers to resume. */
export async function emptyAndDeleteGroup(services: Services, source: GroupNode, destination: GroupNode, resume: () => Promise<unknown>): Promise<void> {
  const contents = source.tenantNode.contents;
  const group: ConnectorGroupWithContents = source.group;
  const refusal = group.members.length > 0 ? connectorMoveRefusal(group, destination.group, contents.defaultGroup()) : undefined;
  if (refusal) throw new Error(vscode.l10n.t("The connectors of '{0}' cannot be moved to '{1}': {2}", group.name, destination.group.name, refusal));
  const connectorNames = labeller(group.members.map((c) => [c.id, c.machineName]));
  const applicationNames = labeller(group.applications.map((a) => [a.id, a.displayName]));
  const report = await withViewProgress(vscode.l10n.t('Emptying and deleting {0}…', group.name),
    () => emptyAndDelete(contents, group, destination.group.id));
  services.tree.changed(source.tenantNode);
  const done = [
    report.connectors.moved.length > 0 ? vscode.l10n.t('Moved {0} to {1}: {2}.', connectorCount(report.connectors.moved.length), destination.group.name, nameList(report.connectors.moved.map(connectorNames))) : undefined,
    report.applications.moved.length > 0 ? vscode.l10n.t('Assigned {0} to {1}: {2}.', applicationCount(report.applications.moved.length), destination.group.name, nameList(report.applications.moved.map(applicationNames))) : undefined,
  ].filter(Boolean).join(' ');
  services.logger.info(`Emptying '${group.name}' (${group.id}) into '${destination.group.name}': ${done || 'nothing moved'}${report.deleted ? '; deleted' : ''}`);
  if (report.deleted) return;
  const message = vscode.l10n.t("'{0}' was not deleted. {1} Stopped: {2}", group.name, done, describeError(report.error));
  // Resume carries on from where it stopped.
  throw new ActionableError(message, vscode.l10n.t('Resume'), resume);
}
