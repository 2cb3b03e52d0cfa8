// Microsoft Graph endpoints per national cloud; a custom origin (the sandbox) is a cloud of its own.

export type CloudName = 'global' | 'usGovernment' | 'usGovernmentDoD' | 'china';

export interface CloudEndpoints {
  label: string;
  graphOrigin: string;
  authority: string;
  portal: string;
}

export const CLOUDS: Record<CloudName, CloudEndpoints> = {
  global: {
    label: 'Global',
    graphOrigin: 'https://graph.microsoft.com',
    authority: 'https://login.microsoftonline.com',
    portal: 'https://entra.microsoft.com',
  },
  usGovernment: {
    label: 'US Government L4',
    graphOrigin: 'https://graph.microsoft.us',
    authority: 'https://login.microsoftonline.us',
    portal: 'https://entra.microsoft.us',
  },
  usGovernmentDoD: {
    label: 'US Government L5 (DoD)',
    graphOrigin: 'https://dod-graph.microsoft.us',
    authority: 'https://login.microsoftonline.us',
    portal: 'https://entra.microsoft.us',
  },
  china: {
    label: 'China (21Vianet)',
    graphOrigin: 'https://microsoftgraph.chinacloudapi.cn',
    authority: 'https://login.chinacloudapi.cn',
    portal: 'https://entra.microsoftonline.cn',
  },
};

/** Delegated scopes are named on the cloud's own Graph host. */
export function graphScopes(graphOrigin: string): string[] {
  return [`${graphOrigin}/Directory.ReadWrite.All`];
}
