// A tenant: its name, id and account; its children are its App Proxy groups and, apart, other agents' groups.
import type { ConnectorStatusRecord } from '../watch/statusHistory';
import * as vscode from 'vscode';
import { visibleText } from '../shared/plainText';
import type { Tenant } from '../tenants/tenant';
import { GroupNode } from './groupNode';
import { hasProblem } from './groupHealth';
import { EmptyNode, ErrorNode, LoadingNode, ReadRefusedNode, SignInNode, StaleNode } from './stateNodes';
import { SignInRequiredError } from '../auth/signInRequired';
import { GraphRequestError } from '../graph/errors';
import { OtherAgentsNode } from './otherAgentsNode';
import { tooltip } from './tooltip';
import type { TreeContext } from './treeContext';
import { NodeCache, TreeNode } from './treeNode';

export class TenantNode extends TreeNode {
  private readonly groups = new NodeCache<GroupNode>();
  private readonly otherAgents: OtherAgentsNode;

  constructor(public tenant: Tenant, private readonly context: TreeContext) {
    super(`tenant:${tenant.key}`, undefined);
    this.otherAgents = new OtherAgentsNode(this, () => this.groupNodes().filter((g) => !g.isApplicationProxy));
  }

  get contents() {
    return this.context.contents(this.tenant.key);
  }
  /** What the connector watch saw of one of this tenant's connectors. */
  statusRecord(connectorId: string): ConnectorStatusRecord | undefined {
    return this.context.statusRecord?.(this.tenant.key, connectorId);
  }


  treeItem(): vscode.TreeItem {
    const { tenant } = this;
    const item = new vscode.TreeItem(visibleText(tenant.displayName), vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    const state = this.contents.state;
    item.description = [
      tenant.kind === 'sandbox' ? vscode.l10n.t('sandbox') : undefined,
      tenant.account,
      wayInWords(tenant),
      tenant.canWrite() === false ? vscode.l10n.t('read only') : undefined,
      state.kind === 'loaded' && state.refreshing ? vscode.l10n.t('refreshing…') : undefined,
    ].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(tenant.kind === 'sandbox' ? 'beaker' : 'organization');
    item.tooltip = tooltip(tenant.displayName, [
      [vscode.l10n.t('Tenant ID'), tenant.tenantId || vscode.l10n.t('not read yet')],
      [vscode.l10n.t('Account'), tenant.account],
    ]);
    item.contextValue = `tenant;${tenant.kind}${tenant.canWrite() === false ? ';readOnly' : ''}`;
    return item;
  }

  /** Says a node of this tenant changed (its contents arrived). */
  changed(node: TreeNode): void {
    this.context.changed(node);
  }

  /** Group nodes for every loaded group, one instance per group id. */
  groupNodes(): GroupNode[] {
    const groups = [...this.contents.groups].sort((a, b) =>
      Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name));
    return this.groups.reconcile(groups, (g) => `${this.id}/group:${g.id}`,
      (g) => new GroupNode(g.connectorGroupType === 'applicationProxy' ? this : this.otherAgents, this, g),
      (node, g) => { node.group = g; });
  }

  override children(): TreeNode[] {
    const { state } = this.contents;
    switch (state.kind) {
      case 'idle':
        void this.contents.load().then(() => this.context.changed(this));
        return [new LoadingNode(this)];
      case 'failed':
        if (state.error instanceof SignInRequiredError) return [new SignInNode(this, state.error)];
        return [readRefused(this.tenant, state.error) ? new ReadRefusedNode(this, state.error) : new ErrorNode(this, state.error)];
      case 'loading':
        // The groups are shown as soon as their list is in; their contents follow.
        return state.partial?.length ? this.shownGroups() : [new LoadingNode(this)];
      case 'loaded': {
        const nodes = this.shownGroups();
        // A refresh that needs the person again (a revoked or lapsed sign-in) asks for it above the
        // last groups read; any other failure offers Retry.
        if (state.staleError instanceof SignInRequiredError) nodes.unshift(new SignInNode(this, state.staleError));
        else if (state.staleError !== undefined) nodes.unshift(new StaleNode(this, state.staleError));
        return nodes;
      }
    }
  }

  private shownGroups(): TreeNode[] {
    const groups = this.groupNodes();
    const appProxy = groups.filter((g) => g.isApplicationProxy);
    let nodes: TreeNode[] = appProxy;
    if (this.context.problemsOnly()) {
      nodes = appProxy.filter((g) => !this.contents.isPending(g.group.id) && hasProblem(g.group));
      const hidden = appProxy.length - nodes.length;
      if (hidden > 0) nodes.push(new EmptyNode(this, hiddenText(hidden, nodes.length === 0)));
    } else if (this.context.showSyncFabricGroups() && appProxy.length < groups.length) {
      nodes.push(this.otherAgents);
    }
    return nodes;
  }
}

/** A read-only tenant that asked Directory.Read.All and whose read Graph refused for the permission. */
function readRefused(tenant: Tenant, error: unknown): boolean {
  const saved = tenant.signIn?.saved;
  return Boolean(saved?.readOnly && !saved.askReadWrite) && error instanceof GraphRequestError && error.status === 403 && error.request.method === 'GET';
}

function hiddenText(hidden: number, all: boolean): string {
  if (all) return vscode.l10n.t('No group has a problem');
  return hidden === 1 ? vscode.l10n.t('1 group without problems hidden') : vscode.l10n.t('{0} groups without problems hidden', hidden);
}

/** How a tenant signs in and where, when it is not the usual (VS Code's sign-in, global cloud). */
function wayInWords(tenant: Tenant): string | undefined {
  const saved = tenant.signIn?.saved;
  if (!saved) return undefined;
  const way = saved.wayIn === 'deviceCode' ? vscode.l10n.t('device code') : saved.wayIn === 'azureCli' ? vscode.l10n.t('Azure CLI') : undefined;
  const cloud = saved.cloud === 'global' ? undefined : saved.cloud === 'custom' ? new URL(saved.graphOrigin!).host : tenant.signIn!.cloud.label;
  return [way, cloud].filter(Boolean).join(' · ') || undefined;
}
