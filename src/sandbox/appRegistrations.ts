// The app registrations the sandbox's identity platform knows: who may sign in where, and the Graph
// permissions each tenant has consented to for each app.

/** As Entra names them: the app serves its own tenant only, or any organisation's. */
export type SignInAudience = 'AzureADMyOrg' | 'AzureADMultipleOrgs';

export interface AppRegistration {
  appId: string;
  displayName: string;
  signInAudience: SignInAudience;
  /** The Graph permissions it is configured to ask for: what `.default` and a consent prompt name. */
  requiredPermissions: readonly string[];
  /** Microsoft's own app: nobody can consent it to directory scopes, only Microsoft pre-authorises (AADSTS65002). */
  firstParty?: boolean;
}

export const DIRECTORY_PERMISSIONS: readonly string[] = ['Directory.Read.All', 'Directory.ReadWrite.All'];

/** Multi-tenant, consented in the sandbox tenant: the app the extension is pointed at. */
export const SANDBOX_CLIENT_ID = '5a4db0c5-0000-4c0d-9e00-00000000c0de';
/** Registered, but nobody consented: a user gets AADSTS65001 on the device-login page, an administrator a consent prompt. */
export const UNCONSENTED_CLIENT_ID = '5a4db0c5-0000-4c0d-9e00-0000000065a1';
/** Consented, but only for its own tenant: at /organizations or /common it gets AADSTS50194. */
export const SINGLE_TENANT_CLIENT_ID = '5a4db0c5-0000-4c0d-9e00-00000000501e';
/** VS Code's own app: Microsoft has not pre-authorised it for directory scopes (AADSTS65002). */
export const VSCODE_CLIENT_ID = 'aebc6443-996d-45c2-90f0-388ff96faa56';

const KNOWN: readonly AppRegistration[] = [
  { appId: SANDBOX_CLIENT_ID, displayName: 'Connector Groups (sandbox)', signInAudience: 'AzureADMultipleOrgs', requiredPermissions: DIRECTORY_PERMISSIONS },
  { appId: UNCONSENTED_CLIENT_ID, displayName: 'Connector Groups (not consented)', signInAudience: 'AzureADMultipleOrgs', requiredPermissions: DIRECTORY_PERMISSIONS },
  { appId: SINGLE_TENANT_CLIENT_ID, displayName: 'Connector Groups (single tenant)', signInAudience: 'AzureADMyOrg', requiredPermissions: DIRECTORY_PERMISSIONS },
  { appId: VSCODE_CLIENT_ID, displayName: 'Visual Studio Code', signInAudience: 'AzureADMultipleOrgs', requiredPermissions: ['User.Read'], firstParty: true },
];

/** The apps an administrator of the sandbox tenant has consented to, and for what. */
const HOME_CONSENTS: ReadonlyMap<string, readonly string[]> = new Map([
  [SANDBOX_CLIENT_ID, DIRECTORY_PERMISSIONS],
  [SINGLE_TENANT_CLIENT_ID, DIRECTORY_PERMISSIONS],
  // Pre-authorised by Microsoft, for the scopes it may have.
  [VSCODE_CLIENT_ID, ['User.Read']],
]);

export class AppRegistrations {
  private readonly apps = new Map(KNOWN.map((app) => [app.appId.toLowerCase(), app]));
  /** `tenantId clientId` → the permissions consented tenant-wide. */
  private consents = new Map<string, Set<string>>();

  /** `homeTenantId`: the sandbox tenant, where every app here is registered. */
  constructor(private readonly homeTenantId: () => string) {
    this.reset();
  }

  get(clientId: string): AppRegistration | undefined {
    return this.apps.get(clientId.toLowerCase());
  }

  /** A single-tenant app serves only the tenant it is registered in. */
  servesTenant(app: AppRegistration, tenantId: string): boolean {
    return app.signInAudience === 'AzureADMultipleOrgs' || tenantId === this.homeTenantId();
  }

  consented(tenantId: string, clientId: string): string[] {
    return [...(this.consents.get(`${tenantId} ${clientId.toLowerCase()}`) ?? [])];
  }

  /** What an administrator's Accept on a consent prompt records: tenant-wide, for every later sign-in. */
  grantConsent(tenantId: string, clientId: string, permissions: readonly string[]): void {
    const key = `${tenantId} ${clientId.toLowerCase()}`;
    const granted = this.consents.get(key) ?? new Set<string>();
    for (const permission of permissions) granted.add(permission);
    this.consents.set(key, granted);
  }

  /** Back to the consents the sandbox tenant starts with (a tenant reset takes them back too). */
  reset(): void {
    this.consents = new Map([...HOME_CONSENTS].map(([appId, permissions]) => [`${this.homeTenantId()} ${appId}`, new Set(permissions)]));
  }
}
