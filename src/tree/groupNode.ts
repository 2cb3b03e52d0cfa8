// A connector group: name; region and counts in the description; default and health marked; facets in contextValue.
import * as vscode from 'vscode';
import { visibleText } from '../shared/plainText';
import { isApplicationProxyGroup } from '../graph/connectorGroupsApi';
import type { ConnectorGroupWithContents } from '../graph/types';
import { appCount, connectorCount } from '../shared/counts';
import { regionFact, regionLabel } from '../shared/regions';
import { FolderNode } from './folderNode';
import { groupHealth, healthNote, healthWords, type GroupHealth } from './groupHealth';
import type { TenantNode } from './tenantNode';
import { tooltip } from './tooltip';
import { TreeNode, readOnlyFacet } from './treeNode';

/**
 * `no redundancy · Asia · 1 connector · 2 apps`: what is wrong first (a narrow side bar cuts the end),
 * then the region by name and the counts. The tree's description, and the group pickers' too.
 */
export function groupDescription(group: ConnectorGroupWithContents): string {
  return [
    isApplicationProxyGroup(group) ? healthWords(groupHealth(group)) : undefined,
    defaultWord(group),
    regionLabel(group.region),
    connectorCount(group.members.length),
    appCount(group.applications.length),
  ].filter(Boolean).join(' · ');
}

/** While its contents are on their way: what is known (default, region), and that the rest follows. */
function pendingDescription(group: ConnectorGroupWithContents): string {
  return [defaultWord(group), regionLabel(group.region), '…'].filter(Boolean).join(' · ');
}

/** "default" for the default group, unless its name already says so ("Default default" says it twice). */
function defaultWord(group: ConnectorGroupWithContents): string | undefined {
  return group.isDefault && group.name.trim().toLowerCase() !== 'default' ? vscode.l10n.t('default') : undefined;
}

/** The group's icon: its health when something is wrong, otherwise what kind of group it is. */
export function groupIcon(group: ConnectorGroupWithContents, health: GroupHealth): vscode.ThemeIcon {
  if (health === 'down') return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  if (health === 'noRedundancy') return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  return new vscode.ThemeIcon(group.isDefault ? 'home' : isApplicationProxyGroup(group) ? 'server-environment' : 'plug');
}

export class GroupNode extends TreeNode {
  private readonly folders: FolderNode[];

  constructor(parent: TreeNode, readonly tenantNode: TenantNode, public group: ConnectorGroupWithContents) {
    // The id does not depend on the folder a group is shown in.
    super(`tenant:${tenantNode.tenant.key}/group:${group.id}`, parent);
    const arriving = { pending: () => this.pending, ensure: () => this.ensureContents() };
    this.folders = [
      new FolderNode(this, 'connectors', () => this.group, arriving),
      new FolderNode(this, 'applications', () => this.group, arriving),
    ];
  }

  get tenantKey(): string {
    return this.tenantNode.tenant.key;
  }

  get isApplicationProxy(): boolean {
    return isApplicationProxyGroup(this.group);
  }

  /** The group is shown, its members and applications are still on their way. */
  get pending(): boolean {
    return this.tenantNode.contents.isPending(this.group.id);
  }

  /** Fetches this group's contents ahead of the rest, then redraws it. */
  private ensureContents(): void {
    void this.tenantNode.contents.ensureGroup(this.group.id).then(() => this.tenantNode.changed(this));
  }

  /** Facets the package.json menus match on, e.g. `group;appProxy;default;connectors`. */
  contextValue(): string {
    const { group } = this;
    if (!this.isApplicationProxy) return 'group;syncFabric';
    const facets = ['group', 'appProxy'];
    if (group.isDefault) facets.push('default');
    if (this.pending) facets.push('pending');
    else {
      if (group.members.length === 0 && group.applications.length === 0) facets.push('empty');
      if (group.members.length > 0) facets.push('connectors');
      if (group.applications.length > 0) facets.push('applications');
    }
    return facets.join(';') + readOnlyFacet(this);
  }

  treeItem(): vscode.TreeItem {
    const { group } = this;
    const item = new vscode.TreeItem(visibleText(group.name || group.id), this.isApplicationProxy
      ? vscode.TreeItemCollapsibleState.Collapsed
      : vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = this.contextValue();
    if (this.pending) {
      item.description = pendingDescription(group);
      item.iconPath = groupIcon(group, 'ok');
      item.tooltip = tooltip(group.name, [[vscode.l10n.t('ID'), group.id], [vscode.l10n.t('Region'), regionFact(group.region)]]);
      return item;
    }
    item.description = groupDescription(group);
    const health = this.isApplicationProxy ? groupHealth(group) : 'ok';
    item.iconPath = groupIcon(group, health);
    item.tooltip = tooltip(group.name, [
      [vscode.l10n.t('ID'), group.id],
      [vscode.l10n.t('Type'), group.connectorGroupType],
      [vscode.l10n.t('Region'), regionFact(group.region)],
      [vscode.l10n.t('Default'), group.isDefault ? vscode.l10n.t('yes') : vscode.l10n.t('no')],
      [vscode.l10n.t('Connectors'), `${group.members.length} (${group.members.filter((c) => c.status === 'active').length} active)`],
      [vscode.l10n.t('Applications'), String(group.applications.length)],
    ], healthNote(health));
    return item;
  }

  override children(): TreeNode[] {
    if (this.pending) this.ensureContents();
    return this.isApplicationProxy ? this.folders : [];
  }

  folder(kind: 'connectors' | 'applications'): FolderNode {
    return this.folders[kind === 'connectors' ? 0 : 1];
  }
}
