// The extension's settings, all under `connectorGroups.`, read where they are used so a change counts at once.
import * as vscode from 'vscode';

const section = () => vscode.workspace.getConfiguration('connectorGroups');

export const settings = {
  /** One attempt of a request, and a whole load of a tenant, must finish within this. */
  requestTimeoutMs: () => section().get<number>('requestTimeoutSeconds', 60) * 1000,
  showSyncFabricGroups: () => section().get<boolean>('showSyncFabricGroups', true),
};
