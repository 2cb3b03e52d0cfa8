// Bearer tokens the sandbox issues and checks: JWT-shaped, signed with a per-server secret, with the
// claims Graph decides on: audience (`aud`), delegated permissions (`scp`) and directory roles (`wids`).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { DEFAULT_ROLES } from './directoryRoles';
import { SandboxError } from './graphError';
import { recordSecret } from './secretLedger';

export const READ_SCOPES = ['Directory.Read.All', 'Directory.ReadWrite.All', 'Directory.AccessAsUser.All'];
export const WRITE_SCOPES = ['Directory.ReadWrite.All', 'Directory.AccessAsUser.All'];
export const FULL_SCOPES = ['Directory.ReadWrite.All'];

/** The Global cloud's Graph, the audience of the sandbox's own tokens; the sandbox plays it. */
export const GLOBAL_GRAPH = 'https://graph.microsoft.com';
/** Microsoft Graph's application id, which v1 tokens may name as their audience instead. */
const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** What a verified token says about its bearer. */
export interface Grant {
  /** Delegated permissions (`scp`). */
  scopes: ReadonlySet<string>;
  /** Directory role template ids (`wids`). */
  roles: ReadonlySet<string>;
}

export interface TokenOptions {
  user?: string;
  /** Role template ids; an administrator's when absent. */
  roles?: readonly string[];
  /** `aud`; when absent, the host of the first scope that names one, else the Global Graph. */
  audience?: string;
  /** `tid`; the sandbox tenant's when absent. Graph refuses a token of another tenant. */
  tenantId?: string;
}

const WWW_AUTHENTICATE =
  'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"';

function unauthorized(message: string): SandboxError {
  return new SandboxError(401, 'InvalidAuthenticationToken', message, { 'WWW-Authenticate': WWW_AUTHENTICATE });
}

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The resource a scope names (`https://graph.microsoft.us/Directory.Read.All` → `https://graph.microsoft.us`), if it names one. */
export function scopeResource(scope: string): string | undefined {
  const slash = scope.lastIndexOf('/');
  if (slash < 0) return undefined;
  try {
    return new URL(scope.slice(0, slash)).origin;
  } catch {
    return undefined;
  }
}

/** A scope's permission name, without its resource. */
export const permissionName = (scope: string) => scope.slice(scope.lastIndexOf('/') + 1);

export class TokenIssuer {
  private readonly secret: Buffer;
  /** The sandbox's own origin (`http://127.0.0.1:port`), accepted as an audience beside the Global Graph. */
  serviceOrigin = '';

  constructor(private readonly tenantId: string, secret?: string) {
    this.secret = secret ? Buffer.from(secret) : randomBytes(32);
  }

  private sign(data: string): string {
    return createHmac('sha256', this.secret).update(data).digest('base64url');
  }

  /** Scopes may be permission names or name a resource (`https://host/Permission`), as sign-in asks for them. */
  issue(scopes: string[], ttlSeconds = 24 * 3600, options: TokenOptions = {}): string {
    const now = Math.floor(Date.now() / 1000);
    const audience = options.audience ?? scopes.map(scopeResource).find((r) => r !== undefined) ?? GLOBAL_GRAPH;
    const tenantId = options.tenantId ?? this.tenantId;
    const data = `${encode({ typ: 'JWT', alg: 'HS256' })}.${encode({
      aud: audience,
      iss: `https://sts.windows.net/${tenantId}/`,
      tid: tenantId,
      upn: options.user ?? 'admin@contoso.com',
      name: 'Sandbox Administrator',
      scp: scopes.map(permissionName).join(' '),
      wids: [...(options.roles ?? DEFAULT_ROLES)],
      iat: now,
      nbf: now,
      exp: now + ttlSeconds,
      // Each token its own, as the service's unique token identifier makes them.
      uti: randomBytes(16).toString('base64url'),
    })}`;
    const token = `${data}.${this.sign(data)}`;
    recordSecret(token);
    return token;
  }

  /**
   * The audiences this Graph accepts: the Global Graph (by URL or application id) and the sandbox's
   * own origin under any loopback name. Another cloud's Graph host is another service.
   */
  private acceptsAudience(aud: unknown): boolean {
    if (aud === GRAPH_APP_ID) return true;
    if (typeof aud !== 'string') return false;
    let url: URL;
    try {
      url = new URL(aud);
    } catch {
      return false;
    }
    if (url.pathname !== '/' || url.search || url.hash) return false;
    if (url.origin === GLOBAL_GRAPH) return true;
    if (!this.serviceOrigin) return false;
    const own = new URL(this.serviceOrigin);
    return url.protocol === own.protocol && url.port === own.port && LOOPBACK_HOSTS.has(url.hostname);
  }

  /** Checks an Authorization header; throws Graph's 401 for a missing, malformed, expired or misaddressed token. */
  verify(authorization: string | undefined): Grant {
    if (!authorization) throw unauthorized('Access token is empty.');
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const parts = match?.[1].split('.');
    if (!parts || parts.length !== 3) throw unauthorized('IDX14100: JWT is not well formed.');
    const expected = Buffer.from(this.sign(`${parts[0]}.${parts[1]}`));
    const actual = Buffer.from(parts[2]);
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
      throw unauthorized('Access token validation failure. Invalid signature.');
    }
    let claims: { tid?: unknown; exp?: unknown; scp?: unknown; aud?: unknown; wids?: unknown };
    try {
      claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    } catch {
      throw unauthorized('IDX14100: JWT is not well formed.');
    }
    if (claims.tid !== this.tenantId) throw unauthorized('Access token validation failure. Invalid tenant.');
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= Date.now()) {
      throw unauthorized('Lifetime validation failed, the token is expired.');
    }
    if (!this.acceptsAudience(claims.aud)) throw unauthorized('Access token validation failure. Invalid audience.');
    const roles = Array.isArray(claims.wids) ? claims.wids.filter((r): r is string => typeof r === 'string').map((r) => r.toLowerCase()) : [];
    return {
      scopes: new Set(typeof claims.scp === 'string' ? claims.scp.split(' ') : []),
      roles: new Set(roles),
    };
  }
}
