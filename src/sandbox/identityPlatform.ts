// The sandbox's stand-in for the Microsoft identity platform: the endpoints the device-code way in
// uses (metadata, /devicecode, /token with device-code and refresh-token grants), the AADSTS error
// shape of the real service, and a device-login page. It issues the sandbox's own Graph tokens.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Tenant } from './model';
import { GLOBAL_GRAPH, permissionName, scopeResource, type TokenIssuer } from './tokens';
import { recordSecret } from './secretLedger';

/** App registrations the sandbox knows, with the permissions an administrator consented to. */
export const SANDBOX_CLIENT_ID = '5a4db0c5-0000-4c0d-9e00-00000000c0de';
/** Registered, but nobody consented: sign-in ends in AADSTS65001. */
export const UNCONSENTED_CLIENT_ID = '5a4db0c5-0000-4c0d-9e00-0000000065a1';
/** VS Code's own app: Microsoft has not pre-authorised it for directory scopes (AADSTS65002). */
export const VSCODE_CLIENT_ID = 'aebc6443-996d-45c2-90f0-388ff96faa56';

const DIRECTORY = ['Directory.Read.All', 'Directory.ReadWrite.All'];
const OIDC = new Set(['openid', 'profile', 'offline_access', 'email']);
// MSAL sends the short name; RFC 8628 names the URN.
const DEVICE_CODE_GRANTS = new Set(['device_code', 'urn:ietf:params:oauth:grant-type:device_code']);
const CODE_LIFETIME_S = 900;

export interface IdentityAnswer {
  status: number;
  body: unknown;
  contentType?: string;
}

interface DeviceCode {
  deviceCode: string;
  userCode: string;
  clientId: string;
  tenantSegment: string;
  scopes: string[];
  expiresAt: number;
  /** Set once someone entered the code on the device-login page. */
  user?: string;
  /** The user's directory role template ids; an administrator's when absent. */
  roles?: string[];
}

interface RefreshGrant {
  clientId: string;
  user: string;
  roles?: string[];
  scopes: string[];
}

/** The error body the real token endpoints answer with. */
function aadsts(status: number, error: string, code: number, description: string): IdentityAnswer {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${description}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
  };
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

export class IdentityPlatform {
  private readonly codes = new Map<string, DeviceCode>();
  private readonly refreshTokens = new Map<string, RefreshGrant>();
  /** Client id → consented Graph permissions. */
  readonly clients = new Map<string, string[]>([[SANDBOX_CLIENT_ID, DIRECTORY], [UNCONSENTED_CLIENT_ID, []]]);
  /** `https://127.0.0.1:port` once the https listener is up. */
  origin = '';

  constructor(private readonly tenant: () => Tenant, private readonly tokens: TokenIssuer) {}

  /** The tenant's id, its verified domains, and the multi-tenant names, in a URL's first segment. */
  private knowsTenant(segment: string): boolean {
    const { organization } = this.tenant();
    const name = segment.toLowerCase();
    return name === organization.id || name === 'organizations' || name === 'common'
      || (organization.verifiedDomains ?? []).some((d) => d.name.toLowerCase() === name);
  }

  private userOfTenant(user: string): boolean {
    const domain = user.split('@')[1]?.toLowerCase();
    return (this.tenant().organization.verifiedDomains ?? []).some((d) => d.name.toLowerCase() === domain);
  }

  handle(method: string, path: string, form: URLSearchParams): IdentityAnswer {
    const segments = path.split('/').filter(Boolean);
    if (method === 'GET' && segments[0] === 'common' && segments[1] === 'discovery' && segments[2] === 'instance') return this.instanceDiscovery();
    if (method === 'GET' && path === '/devicelogin') return this.deviceLoginPage();
    if (method === 'POST' && path === '/devicelogin') return this.deviceLoginSubmit(form);
    const [tenant, ...rest] = segments;
    const route = rest.join('/');
    if (tenant && !this.knowsTenant(tenant) && /^(v2\.0\/\.well-known\/openid-configuration|oauth2\/v2\.0\/(devicecode|token))$/.test(route)) {
      return aadsts(400, 'invalid_tenant', 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`);
    }
    if (method === 'GET' && route === 'v2.0/.well-known/openid-configuration') return this.metadata(tenant);
    if (method === 'POST' && route === 'oauth2/v2.0/devicecode') return this.deviceCode(tenant, form);
    if (method === 'POST' && route === 'oauth2/v2.0/token') return this.token(form);
    return { status: 404, body: { error: 'not_found', error_description: `No identity endpoint '${method} ${path}'.` } };
  }

  private instanceDiscovery(): IdentityAnswer {
    const host = new URL(this.origin).host;
    return {
      status: 200,
      body: {
        tenant_discovery_endpoint: `${this.origin}/{tenant}/v2.0/.well-known/openid-configuration`,
        'api-version': '1.1',
        metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
      },
    };
  }

  private metadata(tenant: string): IdentityAnswer {
    const base = `${this.origin}/${tenant}`;
    const tid = this.tenant().organization.id;
    return {
      status: 200,
      body: {
        issuer: `${this.origin}/${tid}/v2.0`,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        token_endpoint: `${base}/oauth2/v2.0/token`,
        device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        jwks_uri: `${base}/discovery/v2.0/keys`,
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
        tenant_region_scope: 'NA',
        cloud_instance_name: new URL(this.origin).host,
      },
    };
  }

  /** The resource scopes asked for, as asked (`https://host/Directory.ReadWrite.All`). */
  private static resourceScopes(scope: string): string[] {
    return scope.split(/\s+/).filter((s) => s && !OIDC.has(s));
  }

  /** Their permission names (`Directory.ReadWrite.All`); `.default` asks for every consented one. */
  private static permissions(scopes: string[]): string[] {
    return scopes.map(permissionName).filter((p) => p !== '.default');
  }

  /** The client checks the real service makes before a code or a token is issued. */
  private refusal(clientId: string, scopes: string[]): IdentityAnswer | undefined {
    if (clientId === VSCODE_CLIENT_ID && scopes.some((s) => DIRECTORY.includes(s))) {
      return aadsts(400, 'invalid_request', 65002, `Consent between first party application '${clientId}' and first party resource '00000003-0000-0000-c000-000000000000' must be configured via preauthorization - applications owned and operated by Microsoft must get approval from the API owner before requesting tokens for that API.`);
    }
    const consented = this.clients.get(clientId);
    if (!consented) {
      return aadsts(400, 'unauthorized_client', 700016, `Application with identifier '${clientId}' was not found in the directory '${this.tenant().organization.displayName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`);
    }
    return undefined;
  }

  private deviceCode(tenantSegment: string, form: URLSearchParams): IdentityAnswer {
    const clientId = form.get('client_id') ?? '';
    const scopes = IdentityPlatform.resourceScopes(form.get('scope') ?? '');
    const refused = this.refusal(clientId, IdentityPlatform.permissions(scopes));
    if (refused) return refused;
    const code: DeviceCode = {
      deviceCode: randomBytes(24).toString('base64url'),
      userCode: randomBytes(5).toString('hex').toUpperCase().slice(0, 9),
      clientId,
      tenantSegment,
      scopes,
      expiresAt: Date.now() + CODE_LIFETIME_S * 1000,
    };
    // The device code is the poller's secret; the user code is meant to be shown.
    recordSecret(code.deviceCode);
    this.codes.set(code.deviceCode, code);
    const verificationUri = `${this.origin}/devicelogin`;
    return {
      status: 200,
      body: {
        user_code: code.userCode,
        device_code: code.deviceCode,
        verification_uri: verificationUri,
        expires_in: CODE_LIFETIME_S,
        interval: 1,
        message: `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${code.userCode} to authenticate.`,
      },
    };
  }

  /** What the device-login page (or the control API) does: the user with this code, and these directory roles, signs in. */
  approve(userCode: string, user = 'admin@contoso.com', roles?: string[]): boolean {
    const code = [...this.codes.values()].find((c) => c.userCode === userCode.trim().toUpperCase() && c.expiresAt > Date.now());
    if (!code) return false;
    code.user = user;
    code.roles = roles;
    return true;
  }

  /** The codes waiting for a user, newest last (the control API shows them to tests). */
  pendingCodes(): string[] {
    return [...this.codes.values()].filter((c) => !c.user && c.expiresAt > Date.now()).map((c) => c.userCode);
  }

  private token(form: URLSearchParams): IdentityAnswer {
    const clientId = form.get('client_id') ?? '';
    const grantType = form.get('grant_type');
    if (grantType && DEVICE_CODE_GRANTS.has(grantType)) {
      const code = this.codes.get(form.get('device_code') ?? '');
      if (!code || code.clientId !== clientId) return aadsts(400, 'invalid_grant', 70000, 'Provided grant is invalid or malformed.');
      if (code.expiresAt <= Date.now()) return aadsts(400, 'expired_token', 70020, 'The provided value for the input parameter \'device_code\' is not valid. This device code has expired.');
      if (!code.user) return aadsts(400, 'authorization_pending', 70016, 'OAuth 2.0 device flow error. Authorization is pending. Continue polling.');
      this.codes.delete(code.deviceCode);
      return this.grant(clientId, code.user, code.roles, code.scopes);
    }
    if (grantType === 'refresh_token') {
      const grant = this.refreshTokens.get(form.get('refresh_token') ?? '');
      if (!grant || grant.clientId !== clientId) return aadsts(400, 'invalid_grant', 9002313, 'Invalid request. Request is malformed or invalid.');
      const scopes = IdentityPlatform.resourceScopes(form.get('scope') ?? '');
      return this.grant(clientId, grant.user, grant.roles, scopes.length > 0 ? scopes : grant.scopes);
    }
    return aadsts(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grantType ?? ''}'.`);
  }

  private grant(clientId: string, user: string, roles: string[] | undefined, requested: string[]): IdentityAnswer {
    const scopes = IdentityPlatform.permissions(requested);
    const refused = this.refusal(clientId, scopes);
    if (refused) return refused;
    if (!this.userOfTenant(user)) {
      return aadsts(400, 'invalid_grant', 50020, `User account '${user}' from identity provider 'live.com' does not exist in tenant '${this.tenant().organization.displayName}' and cannot access the application '${clientId}' in that tenant. The account needs to be added as an external user in the tenant first.`);
    }
    const missing = scopes.filter((s) => !(this.clients.get(clientId) ?? []).includes(s));
    if (missing.length > 0) {
      return aadsts(400, 'invalid_grant', 65001, `The user or administrator has not consented to use the application with ID '${clientId}'. Send an interactive authorization request for this user and resource.`);
    }
    const tid = this.tenant().organization.id;
    const oid = randomUUID();
    const now = Math.floor(Date.now() / 1000);
    const refreshToken = randomBytes(32).toString('base64url');
    recordSecret(refreshToken);
    this.refreshTokens.set(refreshToken, { clientId, user, roles, scopes: requested });
    // As the real service does: the audience is the resource asked for, and `scp` every permission
    // consented for the app, not only the one asked for.
    const audience = requested.map(scopeResource).find((r) => r !== undefined) ?? GLOBAL_GRAPH;
    const consented = this.clients.get(clientId) ?? [];
    // An id token the client reads for the account; it is not signed (nothing here checks it).
    const idToken = `${b64({ typ: 'JWT', alg: 'none' })}.${b64({
      aud: clientId, iss: `${this.origin}/${tid}/v2.0`, tid, oid, sub: oid, preferred_username: user, name: 'Sandbox Administrator',
      iat: now, nbf: now, exp: now + 3600, ver: '2.0',
    })}.`;
    return {
      status: 200,
      body: {
        token_type: 'Bearer',
        scope: [...requested, 'openid', 'profile', 'offline_access'].join(' '),
        expires_in: 3600,
        ext_expires_in: 3600,
        access_token: this.tokens.issue(consented, 3600, { user, roles, audience }),
        refresh_token: refreshToken,
        id_token: idToken,
        client_info: b64({ uid: oid, utid: tid }),
      },
    };
  }

  private deviceLoginPage(message = ''): IdentityAnswer {
    const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    return {
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sandbox sign-in</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; form-action 'self'"></head>
<body><h1>Sign in to ${escape(this.tenant().organization.displayName)}</h1><p>${escape(message)}</p>
<form method="post" action="/devicelogin"><label>Code <input name="user_code" autofocus></label>
<label>Account <input name="user" value="admin@contoso.com"></label><button type="submit">Next</button></form></body></html>`,
    };
  }

  private deviceLoginSubmit(form: URLSearchParams): IdentityAnswer {
    const approved = this.approve(form.get('user_code') ?? '', form.get('user') || undefined);
    return this.deviceLoginPage(approved ? 'You have signed in. You can close this window.' : 'That code is not valid or has expired.');
  }
}
