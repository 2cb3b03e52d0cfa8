// A TokenCredential backed by VS Code's built-in Microsoft account sign-in, for one tenant.
import type { AccessToken, TokenCredential } from '@azure/identity';
import * as vscode from 'vscode';

export class VscodeSessionCredential implements TokenCredential {
  constructor(private readonly tenantId: string | undefined) {}

  /** The session for these scopes; `createIfNone` asks the user to sign in. */
  async session(scopes: string[], createIfNone: boolean): Promise<vscode.AuthenticationSession | undefined> {
    const withTenant = this.tenantId ? [...scopes, `VSCODE_TENANT:${this.tenantId}`] : scopes;
    return vscode.authentication.getSession('microsoft', withTenant, createIfNone ? { createIfNone: true } : { silent: true });
  }

  async getToken(scopes: string | string[]): Promise<AccessToken | null> {
    const list = Array.isArray(scopes) ? scopes : [scopes];
    const session = await this.session(list, false) ?? await this.session(list, true);
    if (!session) return null;
    // VS Code refreshes the session itself; report a short life so callers ask again.
    return { token: session.accessToken, expiresOnTimestamp: Date.now() + 5 * 60_000 };
  }
}
