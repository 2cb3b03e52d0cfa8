// What the tenant's token allows, read from its `scp` claim (not verified: Graph does that). Known
// once a token was fetched, so write commands can say up front what is missing.
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';

/** true / false when the token says; undefined when it is not a JWT or has no `scp`. */
export function tokenCanWrite(token: string): boolean | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { scp?: unknown };
    if (typeof claims.scp !== 'string') return undefined;
    const scopes = claims.scp.split(' ');
    return scopes.includes('Directory.ReadWrite.All') || scopes.includes('Directory.AccessAsUser.All');
  } catch {
    return undefined;
  }
}

/** The signed-in user a token names (`upn`, `preferred_username` or `unique_name`), if it is a JWT. */
export function tokenAccount(token: string): string | undefined {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    const name = claims.upn ?? claims.preferred_username ?? claims.unique_name;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

/** The delegated permissions (`scp`) and directory role template ids (`wids`) a token names, where it is a JWT that says. */
export function tokenGrants(token: string): { scopes?: string[]; roles?: string[] } {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { scp?: unknown; wids?: unknown };
    return {
      ...(typeof claims.scp === 'string' ? { scopes: claims.scp.split(' ').filter(Boolean) } : {}),
      ...(Array.isArray(claims.wids) ? { roles: claims.wids.filter((w): w is string => typeof w === 'string') } : {}),
    };
  } catch {
    return {};
  }
}

/** Wraps a credential and remembers what the last token it gave allows, and whose it is (never the token). */
export class PermissionProbe implements TokenCredential {
  canWrite: boolean | undefined;
  account: string | undefined;
  /** The permissions and directory roles of the last token, for Check Access. */
  grants: { scopes?: string[]; roles?: string[] } = {};

  constructor(private readonly inner: TokenCredential) {}

  async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
    const token = await this.inner.getToken(scopes, options);
    if (token) {
      this.canWrite = tokenCanWrite(token.token);
      this.account = tokenAccount(token.token) ?? this.account;
      this.grants = tokenGrants(token.token);
    }
    return token;
  }
}
