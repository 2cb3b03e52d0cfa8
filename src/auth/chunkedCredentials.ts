// Credentials for the ways in other than VS Code's sign-in. Device code signs in only when asked
// (a reload does not pop up a code; the tenant shows "Sign in…"); the Azure CLI never asks.
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';
import { identity } from '../chunks';
import { SignInRequiredError } from './sessions';

export interface CodePrompt {
  message: string;
  userCode: string;
  verificationUri: string;
}

export class DeviceCodeSignIn implements TokenCredential {
  private inner: TokenCredential | undefined;

  constructor(
    private readonly options: { authority: string; tenant: string; clientId: string; scopes: string[] },
    private readonly label: () => string,
    private readonly onCode: (prompt: CodePrompt) => void,
  ) {}

  /** Shows a code to enter on another device and waits for it; resolves once a token came. */
  async signIn(): Promise<boolean> {
    const credential = identity().deviceCodeCredential({ ...this.options, onCode: this.onCode });
    await credential.getToken(this.options.scopes);
    this.inner = credential;
    return true;
  }

  async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
    if (!this.inner) throw new SignInRequiredError(this.label());
    return this.inner.getToken(scopes, options);
  }
}

export class AzureCliSignIn implements TokenCredential {
  private inner: TokenCredential | undefined;

  constructor(private readonly tenant: string | undefined, private readonly graphOrigin: string) {}

  async getToken(_scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
    this.inner ??= identity().azureCliCredential(this.tenant);
    // The CLI gives tokens per resource: the Graph host's `.default`.
    return this.inner.getToken(`${this.graphOrigin}/.default`, options);
  }
}
