// Bearer tokens the sandbox issues and checks: JWT-shaped, signed with a per-server secret.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { SandboxError } from './graphError';

export const READ_SCOPES = ['Directory.Read.All', 'Directory.ReadWrite.All', 'Directory.AccessAsUser.All'];
export const WRITE_SCOPES = ['Directory.ReadWrite.All', 'Directory.AccessAsUser.All'];
export const FULL_SCOPES = ['Directory.ReadWrite.All'];

export interface Grant {
  canRead: boolean;
  canWrite: boolean;
}

const WWW_AUTHENTICATE =
  'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"';

function unauthorized(message: string): SandboxError {
  return new SandboxError(401, 'InvalidAuthenticationToken', message, { 'WWW-Authenticate': WWW_AUTHENTICATE });
}

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

export class TokenIssuer {
  private readonly secret: Buffer;

  constructor(private readonly tenantId: string, secret?: string) {
    this.secret = secret ? Buffer.from(secret) : randomBytes(32);
  }

  private sign(data: string): string {
    return createHmac('sha256', this.secret).update(data).digest('base64url');
  }

  issue(scopes: string[], ttlSeconds = 24 * 3600, user = 'admin@contoso.com'): string {
    const now = Math.floor(Date.now() / 1000);
    const data = `${encode({ typ: 'JWT', alg: 'HS256' })}.${encode({
      aud: 'https://graph.microsoft.com',
      iss: `https://sts.windows.net/${this.tenantId}/`,
      tid: this.tenantId,
      upn: user,
      name: 'Sandbox Administrator',
      scp: scopes.join(' '),
      iat: now,
      nbf: now,
      exp: now + ttlSeconds,
    })}`;
    return `${data}.${this.sign(data)}`;
  }

  /** Checks an Authorization header; throws Graph's 401 for a missing, malformed or expired token. */
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
    let claims: { tid?: unknown; exp?: unknown; scp?: unknown };
    try {
      claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    } catch {
      throw unauthorized('IDX14100: JWT is not well formed.');
    }
    if (claims.tid !== this.tenantId) throw unauthorized('Access token validation failure. Invalid tenant.');
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= Date.now()) {
      throw unauthorized('Lifetime validation failed, the token is expired.');
    }
    const scopes = new Set(typeof claims.scp === 'string' ? claims.scp.split(' ') : []);
    return {
      canRead: READ_SCOPES.some((s) => scopes.has(s)),
      canWrite: WRITE_SCOPES.some((s) => scopes.has(s)),
    };
  }
}
