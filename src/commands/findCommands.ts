// "Find Connector Group…": every loaded group, connector and application of every tenant in one
// picker, found by name, id or region, answered from the model (no round trip); the row found is
// revealed itself, not only its group.
import * as vscode from 'vscode';
import { regionLabel } from '../shared/regions';
import { ApplicationNode } from '../tree/applicationNode';
import { ConnectorNode } from '../tree/connectorNode';
import { hasProblem } from '../tree/groupHealth';
import type { GroupNode } from '../tree/groupNode';
import { groupDescription } from '../tree/groupNode';
import type { TreeNode } from '../tree/treeNode';
import type { Services } from '../services';
import { Cancelled } from './targets';

interface Found extends vscode.QuickPickItem {
  node?: GroupNode;
  /** A connector's or an application's id within the group, when the row is one of them. */
  item?: { kind: 'connectors' | 'applications'; id: string };
}

function separator(label: string): Found {
  return { label, kind: vscode.QuickPickItemKind.Separator };
}

export async function findGroup(services: Services): Promise<TreeNode> {
  const tenants = services.tree.roots();
  const groups = tenants.flatMap((tenant) => tenant.groupNodes().filter((g) => g.isApplicationProxy));
  if (groups.length === 0) throw new Error(vscode.l10n.t('No connector groups are loaded yet: open a tenant in the Connector Groups view first.'));
  const within = (node: GroupNode) => [tenants.length > 1 ? node.tenantNode.tenant.displayName : undefined, vscode.l10n.t("in '{0}'", node.group.name)]
    .filter(Boolean).join(' · ');
  const groupRows: Found[] = groups.map((node) => ({
    label: node.group.name,
    description: [tenants.length > 1 ? node.tenantNode.tenant.displayName : undefined, groupDescription(node.group)].filter(Boolean).join(' · '),
    detail: [node.group.id, node.group.region ? `${regionLabel(node.group.region)} ${node.group.region}` : undefined].filter(Boolean).join(' · '),
    node,
  }));
  const connectorRows: Found[] = groups.flatMap((node) => node.group.members.map((c) => ({
    label: c.machineName || c.id,
    description: [c.status, within(node)].join(' · '),
    detail: c.id,
    node,
    item: { kind: 'connectors' as const, id: c.id },
  })));
  const applicationRows: Found[] = groups.flatMap((node) => node.group.applications.map((a) => ({
    label: a.displayName || a.id,
    description: within(node),
    detail: a.id,
    node,
    item: { kind: 'applications' as const, id: a.id },
  })));
  const picked = await services.prompts.pick([
    separator(vscode.l10n.t('Connector groups')), ...groupRows,
    ...(connectorRows.length ? [separator(vscode.l10n.t('Connectors')), ...connectorRows] : []),
    ...(applicationRows.length ? [separator(vscode.l10n.t('Applications')), ...applicationRows] : []),
  ], {
    title: vscode.l10n.t('Find Connector Group'),
    placeHolder: vscode.l10n.t('Name, ID or region of a group, a connector or an application'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked?.node) throw new Cancelled();
  const { node } = picked;
  // A group the problems-only filter hides cannot be revealed: show every group again, and say so.
  if (services.tree.problemsOnly && !hasProblem(node.group)) {
    await vscode.commands.executeCommand('connectorGroups.showAllGroups');
    services.prompts.status('filter', vscode.l10n.t("Showing every group: '{0}' has no problem, so the filter hid it.", node.group.name));
  }
  const target = picked.item ? itemNode(node, picked.item.kind, picked.item.id) ?? node : node;
  await services.treeView.reveal(target, { select: true, focus: true, expand: target === node });
  return target;
}

/** The row of a connector or an application under its group's folder. */
function itemNode(group: GroupNode, kind: 'connectors' | 'applications', id: string): TreeNode | undefined {
  return group.folder(kind).children().find((child) =>
    (child instanceof ConnectorNode && child.connector.id === id) || (child instanceof ApplicationNode && child.application.id === id));
}
