// Write commands on a read-only tenant say what is missing before anything is asked or sent.
import * as vscode from 'vscode';
import type { Tenant } from '../tenants/tenant';
import { ActionableError } from './actionableError';

export function assertCanWrite(tenant: Tenant, action: string): void {
  if (tenant.canWrite() !== false) return;
  // The way out is to add it again with Read and change: the refusal offers that, not only the log.
  throw new ActionableError(vscode.l10n.t(
    "'{0}' is open read-only (Directory.Read.All). {1} needs the Directory.ReadWrite.All permission and the Application Administrator or Global Administrator role: add the tenant again with Read and change.",
    tenant.displayName, action), vscode.l10n.t('Add Tenant…'), async () => vscode.commands.executeCommand('connectorGroups.addTenant'));
}
