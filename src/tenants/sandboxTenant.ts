// The built-in sandbox tenant: a Graph sandbox on loopback, started in-process or named by the environment.
import * as vscode from 'vscode';
import { StaticTokenCredential } from '../auth/staticTokenCredential';
import { sandboxServer } from '../chunks';
import type { Logger } from '../logging/logger';
import { connectGraph } from './graphConnection';
import type { Tenant } from './tenant';

export const SANDBOX_KEY = 'sandbox';

/**
 * `npm start` and the test hosts start a sandbox themselves and pass it in
 * CONNECTOR_GROUPS_SANDBOX_URL / _TOKEN; otherwise one is started inside the extension host.
 */
export async function openSandboxTenant(logger: Logger): Promise<Tenant> {
  let url = process.env.CONNECTOR_GROUPS_SANDBOX_URL;
  let token = process.env.CONNECTOR_GROUPS_SANDBOX_TOKEN;
  let stop: () => Promise<void> = async () => undefined;
  if (!url || !token) {
    const { GraphSandbox } = sandboxServer();
    const sandbox = await GraphSandbox.start();
    url = sandbox.url;
    token = sandbox.token;
    stop = () => sandbox.close();
    logger.info(`Started the Graph sandbox on ${url}`);
  }
  if (!/^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d+\/?$/.test(url)) {
    throw new Error(vscode.l10n.t('The sandbox URL must be a loopback address, not {0}.', url));
  }
  const { api, permissions } = connectGraph(url, new StaticTokenCredential(token), [], logger, () => tenant.displayName);
  const tenant: Tenant = {
    key: SANDBOX_KEY,
    kind: 'sandbox',
    displayName: vscode.l10n.t('Sandbox tenant'),
    tenantId: '',
    account: 'admin@contoso.com',
    portalOrigin: 'https://entra.microsoft.com',
    api,
    canWrite: () => permissions.canWrite,
    grants: () => permissions.grants,
    dispose: stop,
  };
  return tenant;
}
