// "Find Connector Group…": every loaded group of every tenant in one picker, found by name, id,
// region, a connector's machine name or an application's name, answered from the model (no round trip).
import * as vscode from 'vscode';
import { regionLabel } from '../shared/regions';
import type { GroupNode } from '../tree/groupNode';
import { groupDescription } from '../tree/groupNode';
import type { Services } from '../services';
import { Cancelled } from './targets';

/** How much of a group's contents goes into the searchable detail line. */
const DETAIL_NAMES = 40;

export async function findGroup(services: Services): Promise<GroupNode> {
  const tenants = services.tree.roots();
  const items = tenants.flatMap((tenant) => tenant.groupNodes().filter((g) => g.isApplicationProxy).map((node) => {
    const { group } = node;
    const names = [...group.members.map((c) => c.machineName), ...group.applications.map((a) => a.displayName)];
    const shown = names.slice(0, DETAIL_NAMES).join(', ') + (names.length > DETAIL_NAMES ? ' …' : '');
    return {
      label: group.name,
      description: [tenants.length > 1 ? tenant.tenant.displayName : undefined, groupDescription(group)].filter(Boolean).join(' · '),
      detail: [group.id, group.region ? `${regionLabel(group.region)} ${group.region}` : undefined, shown].filter(Boolean).join(' · '),
      node,
    };
  }));
  if (items.length === 0) throw new Error(vscode.l10n.t('No connector groups are loaded yet: open a tenant in the Connector Groups view first.'));
  const picked = await services.prompts.pick(items, {
    title: vscode.l10n.t('Find Connector Group'),
    placeHolder: vscode.l10n.t('Name, ID, region, connector or application'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked) throw new Cancelled();
  await services.treeView.reveal(picked.node, { select: true, focus: true, expand: true });
  return picked.node;
}
