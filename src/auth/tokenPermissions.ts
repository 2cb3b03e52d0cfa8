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

/** Wraps a credential and remembers whether the last token it gave allows writes. */
export class PermissionProbe implements TokenCredential {
  canWrite: boolean | undefined;

  constructor(private readonly inner: TokenCredential) {}

  async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
    const token = await this.inner.getToken(scopes, options);
    if (token) this.canWrite = tokenCanWrite(token.token);
    return token;
  }
}
