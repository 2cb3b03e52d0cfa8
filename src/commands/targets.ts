// Finds what a command acts on: the node it was run on, or — from the palette — what the user picks.
import * as vscode from 'vscode';
import type { TenantContents } from '../tenants/tenantContents';
import { ApplicationNode } from '../tree/applicationNode';
import { tenantOf } from '../tree/connectorGroupTreeProvider';
import { ConnectorNode } from '../tree/connectorNode';
import { FolderNode, type FolderKind } from '../tree/folderNode';
import { GroupNode, groupDescription, groupIcon } from '../tree/groupNode';
import { groupHealth } from '../tree/groupHealth';
import type { TenantNode } from '../tree/tenantNode';
import type { TreeNode } from '../tree/treeNode';
import { withViewProgress } from '../ui/progress';
import type { GroupChoice } from './groupChoice';
import type { Services } from '../services';

/** Thrown when the user dismisses a prompt: the command ends quietly. */
export class Cancelled extends Error {}

export async function pickTenant(services: Services, node?: TreeNode): Promise<TenantNode> {
  const fromNode = tenantOf(node);
  if (fromNode) return fromNode;
  const tenants = services.tree.roots();
  if (tenants.length === 0) throw new Error(vscode.l10n.t('No tenant is open: sign in or open the sandbox tenant first.'));
  if (tenants.length === 1) return tenants[0];
  const picked = await services.prompts.pick(
    tenants.map((t) => ({ label: t.tenant.displayName, description: t.tenant.account, node: t })),
    { title: vscode.l10n.t('Choose a tenant') },
  );
  if (!picked) throw new Cancelled();
  return picked.node;
}

/** The tenant's contents, loaded (with progress) if the tree has not loaded them yet. */
export async function loadedContents(tenant: TenantNode): Promise<TenantContents> {
  const contents = tenant.contents;
  if (contents.state.kind !== 'loaded') {
    await withViewProgress(vscode.l10n.t('Loading connector groups…'), () => contents.load());
  }
  if (contents.state.kind === 'failed') throw contents.state.error;
  return contents;
}

interface GroupPickItem extends vscode.QuickPickItem {
  node?: GroupNode;
  refusal?: string;
}

/**
 * A group picked from the tenant's App Proxy groups: each with its region, counts and health, the
 * likely ones first and the ones that would be refused apart, with the reason (picking one says it).
 */
export async function pickGroup(services: Services, tenant: TenantNode, title: string, choice: GroupChoice = {}): Promise<GroupNode> {
  await loadedContents(tenant);
  const candidates = tenant.groupNodes().filter((g) => g.isApplicationProxy && !choice.exclude?.(g.group));
  if (candidates.length === 0) throw new Error(vscode.l10n.t('There is no other connector group to choose.'));
  const item = (node: GroupNode, refusal?: string): GroupPickItem => {
    const health = groupHealth(node.group);
    return {
      label: node.group.name,
      description: groupDescription(node.group),
      detail: refusal ? choice.refusedDetail?.(node.group) ?? refusal : choice.note?.(node.group),
      iconPath: refusal ? new vscode.ThemeIcon('circle-slash') : groupIcon(node.group, health),
      node,
      refusal,
    };
  };
  const rank = choice.rank ?? (() => 0);
  const withRefusals = candidates.map((node) => ({ node, refusal: choice.refusal?.(node.group) }));
  const allowed = withRefusals.filter((c) => !c.refusal).map((c) => c.node).sort((a, b) => rank(a.group) - rank(b.group));
  const refused = withRefusals.filter((c) => c.refusal);
  const items: GroupPickItem[] = allowed.map((node) => item(node));
  if (refused.length > 0) {
    const heading = choice.refusedHeading;
    items.push({ label: heading ? vscode.l10n.t('Cannot take them: {0}', heading) : vscode.l10n.t('Cannot take them'), kind: vscode.QuickPickItemKind.Separator });
    items.push(...refused.map((c) => item(c.node, c.refusal)));
  }
  const picked = await services.prompts.pick(items, { title, matchOnDescription: true });
  if (!picked?.node) throw new Cancelled();
  // The picker does not let a refused row be taken; should one come back, nothing was sent: say why.
  if (picked.refusal) {
    services.prompts.info(picked.refusal);
    throw new Cancelled();
  }
  return picked.node;
}

/** What a keybinding passes (package.json `args`): the command acts on the tree's selection. */
interface FromKeyboard {
  fromKeyboard: true;
}

function isFromKeyboard(value: unknown): value is FromKeyboard {
  return typeof value === 'object' && value !== null && (value as FromKeyboard).fromKeyboard === true;
}

/**
 * The group node a command was run on (a group's folder counts as the group), the selected group
 * for a keybinding, or one picked from the palette.
 */
export async function groupTarget(
  services: Services,
  node: unknown,
  title: string,
  choice?: GroupChoice,
  keyboard: { folderIsGroup: boolean } = { folderIsGroup: true },
): Promise<GroupNode> {
  if (isFromKeyboard(node)) {
    const selection = services.treeView.selection;
    // A key acts on one group: several selected are said, not silently cut to the first.
    if (selection.length > 1) {
      services.prompts.status('info', vscode.l10n.t('{0} rows are selected: this works on one connector group at a time.', selection.length));
      throw new Cancelled();
    }
    node = selection[0];
    if (node instanceof FolderNode && keyboard.folderIsGroup) node = node.parent;
    if (!(node instanceof GroupNode)) {
      services.prompts.status('info', vscode.l10n.t('Select a connector group first.'));
      throw new Cancelled();
    }
  }
  if (node instanceof FolderNode && node.parent instanceof GroupNode) return node.parent;
  if (node instanceof GroupNode) return node;
  return pickGroup(services, await pickTenant(services, node as TreeNode | undefined), title, choice);
}

/** The connector or application nodes of every App Proxy group of the tenant the node is in (or one picked). */
async function itemNodes<T extends TreeNode>(
  services: Services,
  node: unknown,
  kind: FolderKind,
  type: abstract new (...args: never[]) => T,
): Promise<{ node: T; group: GroupNode }[]> {
  const tenant = await pickTenant(services, node as TreeNode | undefined);
  await loadedContents(tenant);
  return tenant.groupNodes().filter((g) => g.isApplicationProxy)
    .flatMap((group) => group.folder(kind).children().filter((c): c is T => c instanceof type).map((item) => ({ node: item, group })));
}

/** Connectors from the tree selection (several when run on a multi-selection), or picked from every group. */
export async function connectorTargets(services: Services, node: unknown, selection: unknown): Promise<ConnectorNode[]> {
  const selected = Array.isArray(selection) ? selection.filter((n): n is ConnectorNode => n instanceof ConnectorNode) : [];
  if (selected.length > 0) return selected;
  if (node instanceof ConnectorNode) return [node];
  const all = (await itemNodes(services, node, 'connectors', ConnectorNode))
    .map(({ node: c, group }) => ({ label: c.connector.machineName, description: `${c.connector.status} · ${group.group.name}`, node: c }));
  const picked = await services.prompts.pickMany(all, { title: vscode.l10n.t('Choose the connectors to move'), matchOnDescription: true });
  if (!picked || picked.length === 0) throw new Cancelled();
  return picked.map((p) => p.node);
}

export async function applicationTarget(services: Services, node: unknown): Promise<ApplicationNode> {
  if (node instanceof ApplicationNode) return node;
  const all = (await itemNodes(services, node, 'applications', ApplicationNode))
    .map(({ node: a, group }) => ({ label: a.application.displayName, description: group.group.name, node: a }));
  const picked = await services.prompts.pick(all, { title: vscode.l10n.t('Choose an application'), matchOnDescription: true });
  if (!picked) throw new Cancelled();
  return picked.node;
}
