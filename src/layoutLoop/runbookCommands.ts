// Fixes and runbooks: each builds the layout the tenant should have and hands it to Preview Plan, so
// it is reviewed in a diff, confirmed, journaled, resumable and undoable like a layout file.
import * as vscode from 'vscode';
import { LAYOUT_SUFFIX, writeLayout, type Layout } from '../layout/layoutFile';
import { previewPlan } from './layoutCommands';
import type { PlanStep } from '../layout/planner';
import type { ConnectorGroupWithContents } from '../graph/types';
import { fileNamePart } from '../commands/exportDocuments';
import { Cancelled, connectorTargets, groupTarget, loadedContents, pickGroup, pickTenant } from '../commands/targets';
import { assertCanWrite } from '../commands/writeAccess';
import { connectorMoveRefusal } from '../tenants/moveRules';
import { FindingNode } from '../tree/healthNodes';
import { healthTenant } from '../commands/healthCommands';
import type { Services } from '../services';
import type { TenantNode } from '../tree/tenantNode';
import type { TreeNode } from '../tree/treeNode';
import type { RefusableItem } from '../ui/picker';
import { evacuationRefusal, evacuationRisk } from '../runbooks/preflight';
import { failBackItems } from '../runbooks/failover';
import { declaredFailovers } from './failoverDeclarations';
import { withItemsMoved, withItemsPlaced, withoutGroup } from '../runbooks/targetLayouts';

export const RUNBOOK_SCHEME = 'connector-groups-runbook';

/** The layout as a read-only document named for what it does, previewed like any layout file. */
async function previewLayout(services: Services, title: string, layout: Layout): Promise<{ steps: PlanStep[] }> {
  const text = writeLayout(layout);
  const uri = services.layouts.documents.set(RUNBOOK_SCHEME, `${fileNamePart(title)}${LAYOUT_SUFFIX}`, text);
  await documentHolding(uri, text);
  return previewPlan(services, uri);
}

/**
 * The document once it holds `text`. A runbook run again under the same title reuses its URI, and
 * VS Code hands back the open document with the earlier text until the change reaches it: planning
 * that text would plan the earlier runbook against the tenant of now.
 */
async function documentHolding(uri: vscode.Uri, text: string): Promise<vscode.TextDocument> {
  let subscription: vscode.Disposable | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const updated = new Promise<vscode.TextDocument>((resolve, reject) => {
    subscription = vscode.workspace.onDidChangeTextDocument(({ document }) => {
      if (document.uri.toString() === uri.toString() && document.getText() === text) resolve(document);
    });
    timer = setTimeout(() => reject(new Error(vscode.l10n.t("The runbook's layout did not reach its editor in time: run it again."))), 10_000);
  });
  try {
    const document = await vscode.workspace.openTextDocument(uri);
    return document.getText() === text ? document : await updated;
  } finally {
    subscription?.dispose();
    clearTimeout(timer);
  }
}

const tenantOf = (node: TenantNode) => ({ id: node.tenant.tenantId, displayName: node.tenant.displayName });
const activeCount = (g: ConnectorGroupWithContents) => g.members.filter((c) => c.status === 'active').length;

/** The fix a finding offers, as a plan. */
export async function fixFinding(services: Services, node?: unknown): Promise<{ steps: PlanStep[] }> {
  if (!(node instanceof FindingNode) || !node.finding.fix) throw new Error(vscode.l10n.t('Choose a finding with a fix in the Health view.'));
  const tenantNode = await healthTenant(services, node);
  assertCanWrite(tenantNode.tenant, vscode.l10n.t('Fixing a finding'));
  const contents = await loadedContents(tenantNode);
  const group = contents.group(node.finding.group.id);
  if (!group) throw new Error(vscode.l10n.t("'{0}' is no longer in the tenant. Refresh the view.", node.finding.group.name));
  switch (node.finding.fix) {
    case 'addActiveConnector': return addActiveConnector(services, tenantNode, group);
    case 'evacuateDefault': return evacuate(services, tenantNode, group);
    case 'deleteEmptyGroup':
      return previewLayout(services, vscode.l10n.t('Fix – delete {0}', group.name), withoutGroup(contents.groups, tenantOf(tenantNode), group.id));
  }
}

/**
 * An active connector from a group that can spare one: an idle group's first, then the group with
 * the most active connectors; one the region rule keeps out, or whose group would be left without
 * redundancy, is shown with the reason and cannot be taken.
 */
async function addActiveConnector(services: Services, tenantNode: TenantNode, target: ConnectorGroupWithContents): Promise<{ steps: PlanStep[] }> {
  const contents = tenantNode.contents;
  const defaultGroup = contents.defaultGroup();
  const rows: (RefusableItem & { connectorId: string; rank: number })[] = contents.applicationProxyGroups()
    .filter((g) => g.id !== target.id)
    .flatMap((g) => g.members.filter((c) => c.status === 'active').map((c) => {
      const spare = g.applications.length === 0 || activeCount(g) > 2;
      const refusal = connectorMoveRefusal(g, target, defaultGroup)
        ?? (spare ? undefined : vscode.l10n.t("'{0}' serves applications with {1} active connectors: taking one would leave it without redundancy.", g.name, activeCount(g)));
      return {
        label: c.machineName, description: `${g.name} · ${c.version}`, connectorId: c.id, refusal,
        detail: refusal ? vscode.l10n.t('cannot be taken') : undefined,
        rank: g.applications.length === 0 ? 0 : -activeCount(g),
      };
    }))
    .sort((a, b) => Number(Boolean(a.refusal)) - Number(Boolean(b.refusal)) || a.rank - b.rank || a.label.localeCompare(b.label));
  if (!rows.some((r) => !r.refusal)) {
    throw new Error(vscode.l10n.t("No group can spare an active connector for '{0}': install one, or move one by hand.", target.name));
  }
  const picked = await services.prompts.pick(rows, { title: vscode.l10n.t('Add an active connector to {0}', target.name), matchOnDescription: true });
  if (!picked) throw new Cancelled();
  return previewLayout(services, vscode.l10n.t('Fix – a connector for {0}', target.name),
    withItemsMoved(contents.groups, tenantOf(tenantNode), 'connectors', [picked.connectorId], target.id));
}

/** Every application of the group, of every kind, to a target the preflight accepts. */
async function evacuate(services: Services, tenantNode: TenantNode, source: ConnectorGroupWithContents): Promise<{ steps: PlanStep[] }> {
  const applications = source.applications;
  if (applications.length === 0) throw new Error(vscode.l10n.t("'{0}' has no applications to move.", source.name));
  const target = await pickGroup(services, tenantNode, vscode.l10n.t('Move the {0} applications of {1} to…', applications.length, source.name), {
    exclude: (g) => g.id === source.id,
    refusal: (g) => evacuationRefusal(g, applications),
    note: (g) => evacuationRisk(g, applications),
    rank: (g) => -activeCount(g),
  });
  return previewLayout(services, vscode.l10n.t('Evacuate {0} to {1}', source.name, target.group.name),
    withItemsMoved(tenantNode.contents.groups, tenantOf(tenantNode), 'applications', applications.map((a) => a.id), target.group.id));
}

/** The group a runbook works on, as read now, in a tenant it may change. */
async function runbookGroup(services: Services, node: unknown, question: string, action: string) {
  const picked = await groupTarget(services, node, question);
  const tenantNode = picked.tenantNode;
  assertCanWrite(tenantNode.tenant, action);
  const contents = await loadedContents(tenantNode);
  return { tenantNode, contents, group: contents.group(picked.group.id) ?? picked.group };
}

export async function evacuateGroup(services: Services, node?: unknown): Promise<{ steps: PlanStep[] }> {
  const { tenantNode, group } = await runbookGroup(services, node, vscode.l10n.t('Evacuate which group?'), vscode.l10n.t('Evacuating a group'));
  return evacuate(services, tenantNode, group);
}

/** Connectors to the default group or an idle one (no applications), remembering where each was. */
export async function drainConnectors(services: Services, node?: unknown, selection?: unknown): Promise<{ steps: PlanStep[] }> {
  const connectors = await connectorTargets(services, node, selection);
  const tenantNode = connectors[0].tenantNode;
  assertCanWrite(tenantNode.tenant, vscode.l10n.t('Draining connectors'));
  const contents = await loadedContents(tenantNode);
  const homes = new Map(connectors.map((c) => [c.connector.id, contents.groupOfConnector(c.connector.id)?.id]));
  const target = await pickGroup(services, tenantNode, vscode.l10n.t('Drain {0} to…', connectors.length === 1 ? connectors[0].connector.machineName : vscode.l10n.t('{0} connectors', connectors.length)), {
    exclude: (g) => connectors.every((c) => homes.get(c.connector.id) === g.id),
    refusal: (g) => (g.isDefault || g.applications.length === 0 ? undefined : vscode.l10n.t("'{0}' serves applications: drain to the default group or an idle group.", g.name)),
    rank: (g) => (g.isDefault ? 0 : 1),
  });
  const moving = connectors.filter((c) => homes.get(c.connector.id) !== target.group.id);
  await services.drained.add(tenantNode.tenant.key, moving.map((c) => ({ itemId: c.connector.id, homeId: homes.get(c.connector.id)!, movedTo: target.group.id })));
  return previewLayout(services, vscode.l10n.t('Drain to {0}', target.group.name),
    withItemsMoved(contents.groups, tenantOf(tenantNode), 'connectors', moving.map((c) => c.connector.id), target.group.id));
}

/** Puts drained connectors back where they came from (those still where they were drained to). */
export async function restoreDrained(services: Services, node?: unknown): Promise<{ steps: PlanStep[] }> {
  const tenantNode = await pickTenant(services, node as TreeNode | undefined);
  assertCanWrite(tenantNode.tenant, vscode.l10n.t('Restoring drained connectors'));
  const contents = await loadedContents(tenantNode);
  const key = tenantNode.tenant.key;
  // A connector already home (restored, or moved back by hand) or gone needs nothing more.
  const records = services.drained.of(key).filter((d) => contents.groupOfConnector(d.itemId) && contents.groupOfConnector(d.itemId)?.id !== d.homeId);
  await services.drained.set(key, records);
  const waiting = records.filter((d) => contents.group(d.homeId));
  if (waiting.length === 0) {
    services.prompts.info(vscode.l10n.t("No drained connector of '{0}' is waiting to go back.", tenantNode.tenant.displayName));
    throw new Cancelled();
  }
  return previewLayout(services, vscode.l10n.t('Restore drained connectors'),
    withItemsPlaced(contents.groups, tenantOf(tenantNode), 'connectors', new Map(waiting.map((d) => [d.itemId, d.homeId]))));
}

/** Every application of a group to the group a layout file declares for it ("failover": { "to": … }). */
export async function failOver(services: Services, node?: unknown): Promise<{ steps: PlanStep[] }> {
  const { tenantNode, contents, group: source } = await runbookGroup(services, node, vscode.l10n.t('Fail over which group?'), vscode.l10n.t('Failing over'));
  const declarations = await declaredFailovers(tenantNode.tenant.tenantId, contents.groups);
  const pairs = declarations.pairs.filter((p) => p.sourceId === source.id);
  if (pairs.length === 0) {
    const unread = declarations.unread.length
      ? ` ${vscode.l10n.t('These layout files have problems and were not read: {0}.', declarations.unread.join(', '))}`
      : '';
    throw new Error(vscode.l10n.t("No layout file declares where '{0}' fails over to. Add \"failover\": {\"to\": \"<id of its disaster-recovery group>\"} to the group in a layout file of this tenant, then run Fail Over again.", source.name) + unread);
  }
  const targets = new Set(pairs.map((p) => p.targetId));
  const declared = contents.applicationProxyGroups().filter((g) => targets.has(g.id.toLowerCase()));
  if (declared.length === 0) {
    throw new Error(vscode.l10n.t("'{0}' fails over to a group the tenant does not have ({1}, declared in {2}).", source.name, [...targets].join(', '), pairs[0].file));
  }
  if (source.applications.length === 0) throw new Error(vscode.l10n.t("'{0}' has no applications to fail over.", source.name));
  const target = declared.length === 1
    ? declared[0]
    : (await pickGroup(services, tenantNode, vscode.l10n.t('{0} fails over to…', source.name), {
      exclude: (g) => !targets.has(g.id.toLowerCase()),
      refusal: (g) => evacuationRefusal(g, source.applications),
      note: (g) => evacuationRisk(g, source.applications),
    })).group;
  const refusal = evacuationRefusal(target, source.applications);
  if (refusal) throw new Error(vscode.l10n.t('Not failed over: {0}', refusal));
  const risk = evacuationRisk(target, source.applications);
  if (risk) services.prompts.info(vscode.l10n.t("Fail-over group '{0}': {1}.", target.name, risk));
  await services.failedOver.put(tenantNode.tenant.key, source.applications.map((a) => ({ itemId: a.id, homeId: source.id, movedTo: target.id })));
  return previewLayout(services, vscode.l10n.t('Fail over {0} to {1}', source.name, target.name),
    withItemsMoved(contents.groups, tenantOf(tenantNode), 'applications', source.applications.map((a) => a.id), target.id));
}

/** The applications failed over from a group (recorded, or listed under it in a declaring file) back to it. */
export async function failBack(services: Services, node?: unknown): Promise<{ steps: PlanStep[] }> {
  const { tenantNode, contents, group: home } = await runbookGroup(services, node, vscode.l10n.t('Fail back which group?'), vscode.l10n.t('Failing back'));
  const key = tenantNode.tenant.key;
  const { pairs } = await declaredFailovers(tenantNode.tenant.tenantId, contents.groups);
  const ids = failBackItems(home, contents.groups, services.failedOver.of(key), pairs);
  // Records of applications home again (failed back, or moved by hand) or gone are dropped.
  const recorded = services.failedOver.of(key);
  await services.failedOver.set(key, recorded.filter((r) => r.homeId !== home.id || ids.includes(r.itemId.toLowerCase())));
  if (ids.length === 0) {
    services.prompts.info(vscode.l10n.t("No application of '{0}' is waiting to come back.", home.name));
    throw new Cancelled();
  }
  const applications = contents.groups.flatMap((g) => g.applications).filter((a) => ids.includes(a.id.toLowerCase()));
  const refusal = evacuationRefusal(home, applications);
  if (refusal) throw new Error(vscode.l10n.t('Not failed back: {0}', refusal));
  return previewLayout(services, vscode.l10n.t('Fail back {0}', home.name),
    withItemsMoved(contents.groups, tenantOf(tenantNode), 'applications', ids, home.id));
}
