// The sandbox's stand-in for the Microsoft identity platform: the endpoints the device-code way in
// uses (metadata, /devicecode, /token with device-code and refresh-token grants), answered as strictly
// as the real service, and the device-login page. It issues the sandbox's own Graph tokens.
import { AppRegistrations, type AppRegistration } from './appRegistrations';
import { DeviceCodes, type DeviceCode, type DeviceSignIn } from './deviceCodes';
import { deviceLoginPage, type DeviceLoginHost, type SignInOutcome, type SignInRequest } from './deviceLoginPage';
import { CONSENT_ROLES, DEFAULT_ROLES } from './directoryRoles';
import { homeTenantOf, isUserName } from './homeTenants';
import { aadstsAnswer, refusals, type Aadsts, type IdentityAnswer } from './identityErrors';
import { instanceDiscovery, openIdConfiguration } from './identityMetadata';
import { nameGuid } from './ids';
import type { Tenant } from './model';
import { REFRESH_TOKEN_LIFETIME_S, RefreshTokens } from './refreshTokens';
import { GLOBAL_GRAPH, permissionName, scopeResource, type TokenIssuer } from './tokens';

export { SANDBOX_CLIENT_ID, SINGLE_TENANT_CLIENT_ID, UNCONSENTED_CLIENT_ID, VSCODE_CLIENT_ID } from './appRegistrations';
export type { IdentityAnswer } from './identityErrors';

export interface IdentitySettings {
  /** The polling interval /devicecode asks for; polls closer together get slow_down. */
  intervalSeconds: number;
  /** How long a device code lives (`expires_in`). */
  codeLifetimeSeconds: number;
  /** How long a refresh token lives unused. */
  refreshTokenLifetimeSeconds: number;
  /** How long an access token lives (`expires_in`); under 5 minutes MSAL refreshes it at every request. */
  accessTokenLifetimeSeconds: number;
}

/** What the real service answers. */
export const DEFAULT_IDENTITY_SETTINGS: Readonly<IdentitySettings> = {
  intervalSeconds: 5, codeLifetimeSeconds: 900, refreshTokenLifetimeSeconds: REFRESH_TOKEN_LIFETIME_S, accessTokenLifetimeSeconds: 3600,
};

const DIRECTORY_SCOPES = new Set(['Directory.Read.All', 'Directory.ReadWrite.All', 'Directory.AccessAsUser.All']);
const OIDC = new Set(['openid', 'profile', 'offline_access', 'email']);
// MSAL sends the short name; RFC 8628 names the URN.
const DEVICE_CODE_GRANTS = new Set(['device_code', 'urn:ietf:params:oauth:grant-type:device_code']);
const MULTI_TENANT_SEGMENTS = new Set(['organizations', 'common']);
const TENANT_ROUTES = /^(v2\.0\/\.well-known\/openid-configuration|oauth2\/v2\.0\/(devicecode|token))$/;

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The resource scopes asked for, as asked (`https://host/Directory.ReadWrite.All`). */
const resourceScopes = (scope: string) => scope.split(/\s+/).filter((s) => s && !OIDC.has(s));

/** Their permission names (`Directory.ReadWrite.All`); `.default` stands for what is consented. */
const permissions = (scopes: readonly string[]) => scopes.map(permissionName).filter((p) => p !== '.default');

export class IdentityPlatform implements DeviceLoginHost {
  readonly apps: AppRegistrations;
  readonly deviceCodes: DeviceCodes;
  readonly refreshTokens: RefreshTokens;
  /** Changeable while running (the control API's options). */
  readonly settings: IdentitySettings;
  /** `https://127.0.0.1:port` once the https listener is up. */
  origin = '';

  constructor(private readonly tenant: () => Tenant, private readonly tokens: TokenIssuer, settings: Partial<IdentitySettings> = {}) {
    this.settings = { ...DEFAULT_IDENTITY_SETTINGS };
    for (const key of Object.keys(DEFAULT_IDENTITY_SETTINGS) as (keyof IdentitySettings)[]) this.settings[key] = settings[key] ?? this.settings[key];
    this.apps = new AppRegistrations(() => this.tenant().organization.id);
    this.deviceCodes = new DeviceCodes(() => ({ intervalSeconds: this.settings.intervalSeconds, lifetimeSeconds: this.settings.codeLifetimeSeconds }));
    this.refreshTokens = new RefreshTokens(() => this.settings.refreshTokenLifetimeSeconds);
  }

  tenantName(): string {
    return this.tenant().organization.displayName;
  }

  /** A tenant segment as the service reads it: this tenant (by id or verified domain), a multi-tenant name, or unknown. */
  private tenantOf(segment: string): 'home' | 'multi' | undefined {
    const { organization } = this.tenant();
    const name = segment.toLowerCase();
    if (MULTI_TENANT_SEGMENTS.has(name)) return 'multi';
    return name === organization.id || (organization.verifiedDomains ?? []).some((d) => d.name.toLowerCase() === name) ? 'home' : undefined;
  }

  handle(method: string, path: string, form: URLSearchParams): IdentityAnswer {
    const segments = path.split('/').filter(Boolean);
    if (method === 'GET' && segments[0] === 'common' && segments[1] === 'discovery' && segments[2] === 'instance') return instanceDiscovery(this.origin);
    if ((method === 'GET' || method === 'POST') && path === '/devicelogin') return deviceLoginPage(this, method, form);
    const [tenant, ...rest] = segments;
    const route = rest.join('/');
    if (tenant && TENANT_ROUTES.test(route)) {
      const kind = this.tenantOf(tenant);
      if (!kind) return aadstsAnswer(refusals.unknownTenant(tenant));
      if (method === 'GET' && route === 'v2.0/.well-known/openid-configuration') {
        // As the service writes it: a multi-tenant authority's issuer names no tenant.
        return openIdConfiguration(this.origin, tenant, kind === 'multi' ? '{tenantid}' : this.tenant().organization.id);
      }
      if (method === 'POST' && route === 'oauth2/v2.0/devicecode') return this.deviceCode(tenant, kind, form);
      if (method === 'POST' && route === 'oauth2/v2.0/token') return this.token(tenant, kind, form);
    }
    return { status: 404, body: { error: 'not_found', error_description: `No identity endpoint '${method} ${path}'.` } };
  }

  /** The app named by `client_id`, or the refusal the service answers before anything else happens. */
  private appFor(kind: 'home' | 'multi', tenant: string, form: URLSearchParams): AppRegistration | IdentityAnswer {
    const clientId = form.get('client_id');
    if (!clientId) return aadstsAnswer(refusals.missingParameter('client_id'));
    const app = this.apps.get(clientId);
    if (!app) return aadstsAnswer(refusals.unknownApp(clientId, kind === 'home' ? this.tenantName() : tenant));
    if (kind === 'multi' && app.signInAudience === 'AzureADMyOrg') return aadstsAnswer(refusals.notMultiTenant(app.appId, app.displayName));
    return app;
  }

  private deviceCode(tenant: string, kind: 'home' | 'multi', form: URLSearchParams): IdentityAnswer {
    const app = this.appFor(kind, tenant, form);
    if ('status' in app) return app;
    const scope = form.get('scope');
    if (!scope?.trim()) return aadstsAnswer(refusals.missingParameter('scope'));
    const code = this.deviceCodes.issue(app.appId, tenant, resourceScopes(scope));
    if (!code) return aadstsAnswer(refusals.tooManyCodes(), { 'Retry-After': '60' });
    const verificationUri = `${this.origin}/devicelogin`;
    return {
      status: 200,
      body: {
        user_code: code.userCode,
        device_code: code.deviceCode,
        verification_uri: verificationUri,
        expires_in: this.settings.codeLifetimeSeconds,
        interval: this.settings.intervalSeconds,
        message: `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${code.userCode} to authenticate.`,
      },
    };
  }

  private token(tenant: string, kind: 'home' | 'multi', form: URLSearchParams): IdentityAnswer {
    const grantType = form.get('grant_type');
    if (!grantType) return aadstsAnswer(refusals.missingParameter('grant_type'));
    const app = this.appFor(kind, tenant, form);
    if ('status' in app) return app;
    if (DEVICE_CODE_GRANTS.has(grantType)) {
      const deviceCode = form.get('device_code');
      if (!deviceCode) return aadstsAnswer(refusals.missingParameter('device_code'));
      const outcome = this.deviceCodes.poll(deviceCode, app.appId);
      if ('refused' in outcome) return aadstsAnswer(outcome.refused);
      return this.issueTokens(app, outcome.granted.signIn!, outcome.granted.scopes);
    }
    if (grantType === 'refresh_token') {
      const refreshToken = form.get('refresh_token');
      if (!refreshToken) return aadstsAnswer(refusals.missingParameter('refresh_token'));
      const outcome = this.refreshTokens.redeem(refreshToken, app.appId);
      if ('refused' in outcome) return aadstsAnswer(outcome.refused);
      const { grant } = outcome;
      // A grant of another organisation's user is no good at this tenant's authority.
      if (kind === 'home' && grant.tenantId !== this.tenant().organization.id) {
        return aadstsAnswer(refusals.userOfAnotherTenant(grant.user, `https://sts.windows.net/${grant.tenantId}/`, this.tenantName(), app.appId));
      }
      const asked = resourceScopes(form.get('scope') ?? '');
      const scopes = asked.length > 0 ? asked : grant.scopes;
      // No page to show a problem on: the token endpoint refuses outright.
      if (app.firstParty && permissions(scopes).some((p) => DIRECTORY_SCOPES.has(p))) return aadstsAnswer(refusals.firstPartyDirectoryScopes(app.appId));
      if (this.missingConsent(app, grant.tenantId, scopes).length > 0) return aadstsAnswer(refusals.noConsent(app.appId, app.displayName));
      return this.issueTokens(app, grant, scopes);
    }
    return aadstsAnswer(refusals.unsupportedGrant(grantType));
  }

  /** The permissions asked for that the tenant has not consented to; `.default` asks for the app's configured ones until some are. */
  private missingConsent(app: AppRegistration, tenantId: string, scopes: readonly string[]): string[] {
    const consented = this.apps.consented(tenantId, app.appId);
    const wanted = new Set(permissions(scopes));
    if (scopes.some((s) => permissionName(s) === '.default') && consented.length === 0) for (const p of app.requiredPermissions) wanted.add(p);
    return [...wanted].filter((p) => !consented.includes(p));
  }

  private issueTokens(app: AppRegistration, signIn: DeviceSignIn, requested: string[]): IdentityAnswer {
    const { user, roles, tenantId } = signIn;
    const oid = nameGuid(`user:${tenantId}:${user.toLowerCase()}`);
    const now = Math.floor(Date.now() / 1000);
    const lifetime = this.settings.accessTokenLifetimeSeconds;
    const refreshToken = this.refreshTokens.issue({ clientId: app.appId, user, roles, tenantId, scopes: requested });
    // As the real service does: the audience is the resource asked for, and `scp` every permission
    // consented for the app, not only the one asked for.
    const audience = requested.map(scopeResource).find((r) => r !== undefined) ?? GLOBAL_GRAPH;
    const consented = this.apps.consented(tenantId, app.appId);
    // An id token the client reads for the account; it is not signed (nothing here checks it).
    const idToken = `${b64({ typ: 'JWT', alg: 'none' })}.${b64({
      aud: app.appId, iss: `${this.origin}/${tenantId}/v2.0`, tid: tenantId, oid, sub: oid, preferred_username: user, name: user.split('@')[0],
      iat: now, nbf: now, exp: now + lifetime, ver: '2.0',
    })}.`;
    return {
      status: 200,
      body: {
        token_type: 'Bearer',
        scope: [...requested, 'openid', 'profile', 'offline_access'].join(' '),
        expires_in: lifetime,
        ext_expires_in: lifetime,
        access_token: this.tokens.issue(consented, lifetime, { user, roles, audience, tenantId }),
        refresh_token: refreshToken,
        id_token: idToken,
        client_info: b64({ uid: oid, utid: tenantId }),
      },
    };
  }

  codeFor(userCode: string): DeviceCode | undefined {
    return this.deviceCodes.byUserCode(userCode, Date.now(), true);
  }

  /**
   * What signing in on the device-login page does with a code: the checks the service makes once it
   * knows the user (tenant, consent, Microsoft's pre-authorisation), shown on the page while the
   * poller keeps hearing authorization_pending.
   */
  signIn(code: DeviceCode, request: SignInRequest): SignInOutcome {
    const app = this.apps.get(code.clientId)!;
    const appName = app.displayName;
    if (request.action === 'decline') {
      this.deviceCodes.decline(code);
      return { kind: 'declined', appName };
    }
    const { user } = request;
    const refused = (refusal: Aadsts): SignInOutcome => ({ kind: 'refused', appName, refusal });
    const here = this.tenantOf(code.tenantSegment) === 'home';
    const directory = here ? this.tenantName() : 'Microsoft Services';
    if (!isUserName(user)) return refused(refusals.noSuchUser(user, directory));
    const home = homeTenantOf(user, this.tenant());
    // Personal accounts are not for these apps; at a tenant's authority only its own users sign in.
    if (!home || (here && !home.sandbox)) {
      return refused(refusals.userOfAnotherTenant(user, home?.identityProvider ?? 'live.com', directory, app.appId));
    }
    if (app.firstParty && permissions(code.scopes).some((p) => DIRECTORY_SCOPES.has(p))) {
      return refused(refusals.firstPartyDirectoryScopes(app.appId));
    }
    // At /organizations or /common the user signs into their home tenant.
    const tenantId = home.id;
    const missing = this.missingConsent(app, tenantId, code.scopes);
    if (missing.length > 0) {
      const roles = request.roles ?? DEFAULT_ROLES;
      if (!roles.some((r) => CONSENT_ROLES.includes(r))) return refused(refusals.noConsent(app.appId, appName));
      if (request.action !== 'consent') return { kind: 'consentAsked', appName, permissions: missing };
      this.apps.grantConsent(tenantId, app.appId, missing);
    }
    this.deviceCodes.approve(code, { user, roles: request.roles, tenantId });
    return { kind: 'signedIn', appName };
  }

  /** The page's sign-in for in-process tests: true once signed in, false when the page would show a refusal or a prompt. */
  approve(userCode: string, user = 'admin@contoso.com', roles?: readonly string[]): boolean {
    const code = this.deviceCodes.byUserCode(userCode);
    return code?.state === 'pending' && this.signIn(code, { user, roles, action: 'continue' }).kind === 'signedIn';
  }

  /** The user codes waiting for a user, oldest first. */
  pendingCodes(): string[] {
    return this.deviceCodes.pending().map((c) => c.userCode);
  }

  /** Back to the start for what a tenant reset covers: the consents granted since. */
  reset(): void {
    this.apps.reset();
  }
}
