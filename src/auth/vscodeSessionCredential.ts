// A TokenCredential backed by VS Code's Microsoft sign-in, for one tenant: silent when tokens are
// asked for (a load never pops up a sign-in), interactive only when the user asks to sign in.
import type { AccessToken, TokenCredential } from '@azure/identity';
import type * as vscode from 'vscode';
import type { Authentication } from './sessions';
import { SignInRequiredError } from './signInRequired';

export class VscodeSessionCredential implements TokenCredential {
  constructor(
    private readonly auth: Authentication,
    readonly providerId: string,
    /**
     * Every scope, VS Code's special ones included (see vscodeSignInScopes), asked anew each time:
     * the tenant is named by its id once it is known, since VS Code refreshes the token on every
     * request whose tenant (a domain) is not the session's (a GUID).
     */
    readonly scopes: () => readonly string[],
    private readonly label: () => string,
    /** The account this tenant belongs to, kept with the tenant, and told when it changes. */
    public account: vscode.AuthenticationSessionAccountInformation | undefined,
    private readonly accountChanged: (account: vscode.AuthenticationSessionAccountInformation) => void = () => undefined,
  ) {}

  /** Asks the user to sign in (or to pick another account, with `newAccount`). */
  async signIn(newAccount = false): Promise<vscode.AuthenticationSession | undefined> {
    const session = await this.auth.getSession(this.providerId, this.scopes(), newAccount
      ? { forceNewSession: true, clearSessionPreference: true }
      : { createIfNone: true, ...(this.account ? { account: this.account } : {}) });
    this.keep(session);
    return session;
  }

  /** The tenant's own account's session, never another tenant's preferred one. */
  async session(): Promise<vscode.AuthenticationSession | undefined> {
    const session = await this.auth.getSession(this.providerId, this.scopes(), { silent: true, ...(this.account ? { account: this.account } : {}) });
    this.keep(session);
    return session;
  }

  private keep(session: vscode.AuthenticationSession | undefined): void {
    if (!session || (session.account.id === this.account?.id && session.account.label === this.account.label)) return;
    this.account = { id: session.account.id, label: session.account.label };
    this.accountChanged(this.account);
  }

  async getToken(): Promise<AccessToken | null> {
    const session = await this.session();
    if (!session) throw new SignInRequiredError(this.label());
    // VS Code refreshes the session itself; report a short life so callers ask again.
    return { token: session.accessToken, expiresOnTimestamp: Date.now() + 5 * 60_000 };
  }
}
