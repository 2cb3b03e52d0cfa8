// Write commands on a read-only tenant say what is missing before anything is asked or sent.
import * as vscode from 'vscode';
import type { Tenant } from '../tenants/tenant';

export function assertCanWrite(tenant: Tenant, action: string): void {
  if (tenant.canWrite() !== false) return;
  throw new Error(vscode.l10n.t(
    "'{0}' is open read-only (Directory.Read.All). {1} needs the Directory.ReadWrite.All permission and the Application Administrator or Global Administrator role: add the tenant again with Read and change.",
    tenant.displayName, action));
}
