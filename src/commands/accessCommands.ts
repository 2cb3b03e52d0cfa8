// Check Access…: who the tenant is signed in as, what the token carries, and what that allows here.
import * as vscode from 'vscode';
import { missingForChange, roleName } from '../auth/directoryRoles';
import { describeError } from '../ui/describeError';
import type { TreeNode } from '../tree/treeNode';
import type { Services } from '../services';
import { pickTenant } from './targets';

/** Reads the tenant once (which fetches a token), then opens what the token says as a JSON tab. */
export async function checkAccess(services: Services, node?: TreeNode): Promise<object> {
  const { tenant } = await pickTenant(services, node);
  let read: string;
  try {
    await tenant.api.organization();
    read = vscode.l10n.t('yes');
  } catch (error) {
    read = vscode.l10n.t('no: {0}', describeError(error));
  }
  const { scopes, roles } = tenant.grants?.() ?? {};
  const saved = tenant.signIn?.saved;
  const report = {
    tenant: tenant.displayName,
    tenantId: tenant.tenantId || undefined,
    account: tenant.account || undefined,
    cloud: tenant.signIn ? tenant.signIn.cloud.label : vscode.l10n.t('Sandbox'),
    wayIn: saved?.wayIn ?? 'sandbox',
    openedAs: saved?.readOnly ? vscode.l10n.t('read only') : vscode.l10n.t('read and change'),
    token: {
      permissions: scopes ?? vscode.l10n.t('not listed in the token'),
      directoryRoles: roles?.map(roleName) ?? vscode.l10n.t('not listed in the token'),
    },
    allows: { read, change: changeAllowed(saved?.readOnly === true, scopes, roles) },
  };
  const uri = services.exports.add([tenant.displayName, vscode.l10n.t('Access')], JSON.stringify(report, null, 2));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.languages.setTextDocumentLanguage(document, 'json');
  await vscode.window.showTextDocument(document, { preview: false });
  return report;
}

/** Whether changes can be made, and if not, which of the three is missing: the choice, the permission or the role. */
function changeAllowed(readOnly: boolean, scopes: string[] | undefined, roles: string[] | undefined): string {
  if (readOnly) return vscode.l10n.t('no: the tenant was opened read only');
  switch (missingForChange(scopes, roles)) {
    case 'permission': return vscode.l10n.t('no: the token lacks Directory.ReadWrite.All');
    case 'role': return vscode.l10n.t('no: the account lacks the Application Administrator or Global Administrator role (Cloud Application Administrator cannot manage Application Proxy)');
    case 'unknown': return vscode.l10n.t('probably: the token does not say everything (Graph decides on the first change)');
    default: return vscode.l10n.t('yes');
  }
}
