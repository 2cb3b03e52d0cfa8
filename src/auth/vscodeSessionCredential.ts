// A TokenCredential backed by VS Code's Microsoft sign-in, for one tenant: silent when tokens are
// asked for (a load never pops up a sign-in), interactive only when the user asks to sign in.
import type { AccessToken, TokenCredential } from '@azure/identity';
import type * as vscode from 'vscode';
import type { Authentication } from './sessions';
import { SignInRequiredError } from './signInRequired';

export class VscodeSessionCredential implements TokenCredential {
  /** The account of the last session, once there is one. */
  account: vscode.AuthenticationSessionAccountInformation | undefined;

  constructor(
    private readonly auth: Authentication,
    readonly providerId: string,
    /** Every scope, VS Code's special ones included (see vscodeSignInScopes). */
    readonly scopes: readonly string[],
    private readonly label: () => string,
  ) {}

  /** Asks the user to sign in (or to pick another account, with `newAccount`). */
  async signIn(newAccount = false): Promise<vscode.AuthenticationSession | undefined> {
    const session = await this.auth.getSession(this.providerId, this.scopes, newAccount
      ? { forceNewSession: true, clearSessionPreference: true }
      : { createIfNone: true });
    this.account = session?.account ?? this.account;
    return session;
  }

  async session(): Promise<vscode.AuthenticationSession | undefined> {
    const session = await this.auth.getSession(this.providerId, this.scopes, { silent: true });
    this.account = session?.account ?? this.account;
    return session;
  }

  async getToken(): Promise<AccessToken | null> {
    const session = await this.session();
    if (!session) throw new SignInRequiredError(this.label());
    // VS Code refreshes the session itself; report a short life so callers ask again.
    return { token: session.accessToken, expiresOnTimestamp: Date.now() + 5 * 60_000 };
  }
}
