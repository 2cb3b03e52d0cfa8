// Builds a tenant's Graph gateway: one code path for every cloud and the sandbox, only origin and credential differ.
import type { TokenCredential } from '@azure/identity';
import * as vscode from 'vscode';
import { PermissionProbe } from '../auth/tokenPermissions';
import { ConnectorGroupsApi } from '../graph/connectorGroupsApi';
import { GraphHttp } from '../graph/graphHttp';
import { logRoundTrip, logWait, type Logger } from '../logging/logger';
import { settings } from '../settings';

export function connectGraph(origin: string, credential: TokenCredential, scopes: string[], logger: Logger, label: () => string): { api: ConnectorGroupsApi; permissions: PermissionProbe } {
  const permissions = new PermissionProbe(credential);
  const http = new GraphHttp({
    origin,
    credential: permissions,
    scopes,
    language: vscode.env.language,
    timeoutMs: settings.requestTimeoutMs(),
    maxConcurrency: settings.maxConcurrentRequests(),
    onRoundTrip: (trip) => logRoundTrip(logger, label(), trip),
    onWait: (wait) => logWait(logger, label(), wait),
    grants: () => permissions.grants,
  });
  return { api: new ConnectorGroupsApi(http), permissions };
}
