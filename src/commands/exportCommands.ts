// Export a node as JSON in Graph's own shape, copy its id, or open it in the Entra admin center.
import * as vscode from 'vscode';
import type { Tenant } from '../tenants/tenant';
import { ApplicationNode } from '../tree/applicationNode';
import { ConnectorNode } from '../tree/connectorNode';
import { GroupNode } from '../tree/groupNode';
import { TenantNode } from '../tree/tenantNode';
import type { TreeNode } from '../tree/treeNode';
import type { Services } from '../services';
import { Cancelled, loadedContents } from './targets';

type Exportable = TenantNode | GroupNode | ConnectorNode | ApplicationNode;

function exportable(node: unknown): Exportable {
  if (node instanceof TenantNode || node instanceof GroupNode || node instanceof ConnectorNode || node instanceof ApplicationNode) return node;
  throw new Error(vscode.l10n.t('Choose a tenant, group, connector or application in the Connector Groups view first.'));
}

function selectionOr(services: Services, node: unknown): Exportable {
  return exportable(node ?? services.treeView.selection[0]);
}

/** Graph's own shape, with the relationships the tree knows; nothing else (no token ever reaches here). */
async function asGraphJson(node: Exportable): Promise<object> {
  if (node instanceof TenantNode) {
    const contents = await loadedContents(node);
    return {
      organization: { id: node.tenant.tenantId, displayName: node.tenant.displayName },
      connectorGroups: contents.groups,
    };
  }
  if (node instanceof GroupNode) return node.group;
  if (node instanceof ConnectorNode) {
    const group = node.tenantNode.contents.group(node.groupId);
    return { ...node.connector, memberOf: group ? [withoutContents(group)] : [] };
  }
  const group = node.tenantNode.contents.group(node.groupId);
  return { ...node.application, connectorGroup: group ? withoutContents(group) : null };
}

function withoutContents<T extends { members?: unknown; applications?: unknown }>(group: T): Omit<T, 'members' | 'applications'> {
  const { members, applications, ...rest } = group;
  return rest;
}

export async function exportJson(services: Services, node?: TreeNode): Promise<string> {
  const target = selectionOr(services, node);
  const json = JSON.stringify(await asGraphJson(target), null, 2);
  await showExport(services, nameParts(target), json);
  return json;
}

/** An export in a read-only tab named after `parts` and the day: JSON, or CSV (its language is whatever VS Code has for .csv). */
export async function showExport(services: Services, parts: string[], text: string, format: 'json' | 'csv' = 'json'): Promise<void> {
  const document = await vscode.workspace.openTextDocument(services.exports.add(parts, text, format));
  if (format === 'json') await vscode.languages.setTextDocumentLanguage(document, 'json');
  await vscode.window.showTextDocument(document, { preview: false });
}

/** Tenant, then the item: what the export's tab is called. */
function nameParts(node: Exportable): string[] {
  if (node instanceof TenantNode) return [node.tenant.displayName];
  const tenant = node.tenantNode.tenant.displayName;
  if (node instanceof GroupNode) return [tenant, node.group.name];
  if (node instanceof ConnectorNode) return [tenant, node.connector.machineName];
  return [tenant, node.application.displayName];
}

/** Save As… on an export's tab: writes it where the user says and opens the file. */
export async function saveExport(services: Services, uri?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const source = uri ?? vscode.window.activeTextEditor?.document.uri;
  const text = source && services.exports.text(source);
  if (!source || text === undefined) throw new Error(vscode.l10n.t("Open an export's tab first."));
  return saveTextAs(services, source.path.split('/').pop()!, text);
}

/** Asks where to save `text` (`name` in the open folder proposed), writes it there and opens it. */
export async function saveTextAs(services: Services, name: string, text: string, adjust: (picked: vscode.Uri) => vscode.Uri = (picked) => picked): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const picked = await services.prompts.saveAs(folder ? vscode.Uri.joinPath(folder, name) : vscode.Uri.file(name));
  if (!picked) throw new Cancelled();
  const target = adjust(picked);
  await confirmReplace(services, picked, target);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  await vscode.window.showTextDocument(target, { preview: false });
  return target;
}

/**
 * The save dialog asked about replacing the file it was given; a file the name was adjusted to (a
 * suffix added), or one open with unsaved changes, is asked about here.
 */
async function confirmReplace(services: Services, picked: vscode.Uri, target: vscode.Uri): Promise<void> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
  const exists = await vscode.workspace.fs.stat(target).then(() => true, () => false);
  const unsaved = open?.isDirty === true;
  if (!unsaved && (!exists || target.toString() === picked.toString())) return;
  const name = target.path.split('/').pop() ?? target.path;
  const detail = unsaved
    ? vscode.l10n.t('It is open with changes that are not saved; they would be lost.')
    : vscode.l10n.t('The name chosen was completed to this file, which already exists.');
  if (!(await services.prompts.confirm(vscode.l10n.t("'{0}' already exists. Replace it?", name), detail, vscode.l10n.t('Replace')))) throw new Cancelled();
}

function idOf(node: Exportable): string {
  if (node instanceof TenantNode) return node.tenant.tenantId;
  if (node instanceof GroupNode) return node.group.id;
  if (node instanceof ConnectorNode) return node.connector.id;
  return node.application.id;
}

export async function copyId(services: Services, node?: TreeNode): Promise<string> {
  const id = idOf(selectionOr(services, node));
  await vscode.env.clipboard.writeText(id);
  services.prompts.status('check', vscode.l10n.t('Copied {0}', id));
  return id;
}

/**
 * The deepest page of the Entra admin center for each kind; the tenant id in the path opens the
 * right directory. An application opens its enterprise application on the Application Proxy page,
 * where its connector group is chosen (by app id: the page finds the service principal). The admin
 * center has no page of its own for one connector group or connector: both open the Application
 * Proxy page that lists the connector groups and their connectors.
 */
export function portalUrl(tenant: Tenant, node: Exportable): string {
  const base = `${tenant.portalOrigin}/${encodeURIComponent(tenant.tenantId)}#view`;
  if (node instanceof ApplicationNode) {
    return `${base}/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/AppProxy/appId/${encodeURIComponent(node.application.appId)}`;
  }
  if (node instanceof TenantNode) return `${base}/Microsoft_AAD_IAM/TenantOverview.ReactView`;
  return `${base}/Microsoft_AAD_IAM/AppProxyOverviewBlade`;
}

export async function openInPortal(services: Services, node?: TreeNode): Promise<string> {
  const target = selectionOr(services, node);
  const tenant = target instanceof TenantNode ? target.tenant : target.tenantNode.tenant;
  const url = portalUrl(tenant, target);
  await services.prompts.openExternal(vscode.Uri.parse(url));
  return url;
}
