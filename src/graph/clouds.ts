// One table of the national clouds: Graph host, sign-in authority, admin center and VS Code's
// sign-in provider for each. A custom Graph endpoint (a sandbox) is a cloud of its own.

export type CloudName = 'global' | 'usGovernment' | 'usGovernmentDoD' | 'china';

export interface CloudEndpoints {
  label: string;
  graphOrigin: string;
  authority: string;
  portal: string;
  /** VS Code's authentication provider for the cloud. */
  vscodeProvider: 'microsoft' | 'microsoft-sovereign-cloud';
  /** The `microsoft-sovereign-cloud.environment` setting the sovereign provider needs. */
  sovereignEnvironment?: 'USGovernment' | 'ChinaCloud';
  /** The Azure CLI's name for the cloud (`az cloud show --query name`). */
  azureCliCloud?: 'AzureCloud' | 'AzureUSGovernment' | 'AzureChinaCloud';
}

export const CLOUDS: Record<CloudName, CloudEndpoints> = {
  global: {
    label: 'Global',
    graphOrigin: 'https://graph.microsoft.com',
    authority: 'https://login.microsoftonline.com',
    portal: 'https://entra.microsoft.com',
    vscodeProvider: 'microsoft',
    azureCliCloud: 'AzureCloud',
  },
  usGovernment: {
    label: 'US Government L4',
    graphOrigin: 'https://graph.microsoft.us',
    authority: 'https://login.microsoftonline.us',
    portal: 'https://entra.microsoft.us',
    vscodeProvider: 'microsoft-sovereign-cloud',
    sovereignEnvironment: 'USGovernment',
    azureCliCloud: 'AzureUSGovernment',
  },
  usGovernmentDoD: {
    label: 'US Government L5 (DoD)',
    graphOrigin: 'https://dod-graph.microsoft.us',
    authority: 'https://login.microsoftonline.us',
    portal: 'https://entra.microsoft.us',
    vscodeProvider: 'microsoft-sovereign-cloud',
    sovereignEnvironment: 'USGovernment',
    azureCliCloud: 'AzureUSGovernment',
  },
  china: {
    label: 'China (21Vianet)',
    graphOrigin: 'https://microsoftgraph.chinacloudapi.cn',
    authority: 'https://login.chinacloudapi.cn',
    portal: 'https://entra.microsoftonline.cn',
    vscodeProvider: 'microsoft-sovereign-cloud',
    sovereignEnvironment: 'ChinaCloud',
    azureCliCloud: 'AzureChinaCloud',
  },
};

export function isCloudName(value: unknown): value is CloudName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(CLOUDS, value);
}

export const READ_WRITE = 'Directory.ReadWrite.All';
export const READ_ONLY = 'Directory.Read.All';

/** Delegated scopes are named on the cloud's own Graph host. */
export function graphScopes(graphOrigin: string, permission: string = READ_WRITE): string[] {
  return [`${new URL(graphOrigin).origin}/${permission}`];
}

/**
 * What VS Code's Microsoft sign-in is asked for: our app registration and the tenant as its special
 * scopes (each its own item), then the Graph permission on the cloud's host.
 */
export function vscodeSignInScopes(graphOrigin: string, options: { clientId?: string; tenant?: string; permission?: string }): string[] {
  return [
    ...(options.clientId ? [`VSCODE_CLIENT_ID:${options.clientId}`] : []),
    ...(options.tenant ? [`VSCODE_TENANT:${options.tenant}`] : []),
    ...graphScopes(graphOrigin, options.permission),
  ];
}

/** The page where an administrator consents, for the whole tenant, to the permission our app asks for. */
export function adminConsentUrl(cloud: CloudEndpoints, tenant: string, clientId: string, graphOrigin = cloud.graphOrigin): string {
  const url = new URL(`${cloud.authority}/${encodeURIComponent(tenant || 'organizations')}/v2.0/adminconsent`);
  url.searchParams.set('client_id', clientId);
  url.searchParams.set('scope', graphScopes(graphOrigin)[0]);
  // The redirect URI VS Code's sign-in uses, which the registration has anyway.
  url.searchParams.set('redirect_uri', 'https://vscode.dev/redirect');
  return url.href;
}
