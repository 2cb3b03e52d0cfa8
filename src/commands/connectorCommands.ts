// Move connectors to another group (from the tree, a multi-selection, or the palette).
import * as vscode from 'vscode';
import { connectorsChoice } from './groupChoice';
import type { Services } from '../services';
import { Cancelled, connectorTargets, groupTarget, pickGroup } from './targets';
import { moveConnectorsTo } from './moveOperations';
import { connectorMoveRefusal, regionRuleInBrief } from '../tenants/moveRules';
import { regionLabel } from '../shared/regions';

export async function moveConnector(services: Services, node?: unknown, selection?: unknown): Promise<number> {
  const connectors = await connectorTargets(services, node, selection);
  const tenant = connectors[0].tenantNode;
  const contents = tenant.contents;
  const sources = [...new Set(connectors.map((c) => contents.groupOfConnector(c.connector.id)))].filter((g) => g !== undefined);
  const target = await pickGroup(services, tenant,
    connectors.length === 1
      ? vscode.l10n.t('Move {0} to…', connectors[0].connector.machineName)
      : vscode.l10n.t('Move {0} connectors to…', connectors.length),
    connectorsChoice(contents, sources));
  return moveConnectorsTo(services, connectors.map((c) => c.connector), target);
}

/**
 * "Move Connectors Here…" on a group's Connectors folder: connectors picked from the other groups,
 * those the region rule keeps out listed apart with the reason.
 */
export async function moveConnectorsHere(services: Services, node?: unknown): Promise<number> {
  const target = await groupTarget(services, node, vscode.l10n.t('Move connectors into which group?'));
  const contents = target.tenantNode.contents;
  const defaultGroup = contents.defaultGroup();
  const candidates = contents.applicationProxyGroups()
    .filter((g) => g.id !== target.group.id)
    .flatMap((g) => g.members.map((c) => ({
      label: c.machineName,
      description: `${c.status} · ${g.name}`,
      connector: c,
      refusal: connectorMoveRefusal(g, target.group, defaultGroup),
      region: g.region,
    })))
    .sort((a, b) => a.label.localeCompare(b.label));
  if (candidates.length === 0) throw new Error(vscode.l10n.t("Every connector is already in '{0}'.", target.group.name));
  const allowed = candidates.filter((c) => !c.refusal);
  const refused = candidates.filter((c) => c.refusal)
    .map((c) => ({ ...c, detail: vscode.l10n.t('from {0}, not the default region', regionLabel(c.region)), iconPath: new vscode.ThemeIcon('circle-slash') }));
  const picked = await services.prompts.pickMany([
    ...allowed,
    ...(refused.length ? [{ label: vscode.l10n.t('Cannot move here: {0}', regionRuleInBrief(defaultGroup)), kind: vscode.QuickPickItemKind.Separator } as const, ...refused] : []),
  ], {
    title: vscode.l10n.t('Move connectors to {0}', target.group.name),
    placeHolder: vscode.l10n.t('Connectors in other groups'),
    matchOnDescription: true,
  });
  const connectors = picked?.flatMap((p) => ('connector' in p ? [p.connector] : [])) ?? [];
  if (connectors.length === 0) throw new Cancelled();
  return moveConnectorsTo(services, connectors, target);
}
