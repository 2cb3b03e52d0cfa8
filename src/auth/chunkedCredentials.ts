// Credentials for the ways in other than VS Code's sign-in. Device code signs in only when asked
// (a reload does not pop up a code; the tenant shows "Sign in…"); the Azure CLI never asks.
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';
import { identity } from '../chunks';
import type { DeviceCodeHandle, DeviceCodeOptions } from './deviceCode';
import { IdentityRefusalError, SignInCancelledError } from './identityRefusal';
import { SignInRequiredError } from './signInRequired';

export interface CodePrompt {
  message: string;
  userCode: string;
  verificationUri: string;
}

/** What became of a shown code: closed without going to the page means the person gave up. */
export type CodeAnswer = 'dismissed' | void;

/**
 * The device-code way in. Signs in only when the user asks (`signIn`); every other request is
 * silent and, when the sign-in has lapsed (a revoked or expired refresh token, sign-in frequency),
 * says "sign in" instead of starting a flow of its own. One flow at a time: a second Sign in while a
 * code is out shows that code again.
 */
export class DeviceCodeSignIn implements TokenCredential {
  private handle: DeviceCodeHandle | undefined;
  private signedIn = false;
  private pending: { done: Promise<boolean>; prompt?: CodePrompt; controller: AbortController } | undefined;

  constructor(
    private readonly options: { authority: string; tenant: string; clientId: string; scopes: string[] },
    private readonly label: () => string,
    private readonly onCode: (prompt: CodePrompt) => CodeAnswer | Promise<CodeAnswer>,
    private readonly make: (options: DeviceCodeOptions) => DeviceCodeHandle = (o) => identity().deviceCodeCredential(o),
  ) {}

  /** Shows a code to enter on another device and waits for it; resolves once signed in. */
  signIn(): Promise<boolean> {
    if (this.pending) {
      if (this.pending.prompt) this.show(this.pending.prompt);
      return this.pending.done;
    }
    const controller = new AbortController();
    const pending: NonNullable<DeviceCodeSignIn['pending']> = { controller, done: Promise.resolve(false) };
    this.pending = pending;
    this.handle ??= this.make({
      ...this.options,
      onCode: (prompt) => {
        if (this.pending) this.pending.prompt = prompt;
        this.show(prompt);
      },
    });
    const handle = this.handle;
    handle.forgetRefusal();
    pending.done = handle.credential.authenticate(this.options.scopes, { abortSignal: controller.signal }).then(
      () => {
        this.signedIn = true;
        return true;
      },
      (error: unknown) => {
        if (controller.signal.aborted) throw new SignInCancelledError();
        const refusal = handle.refusal();
        throw refusal ? new IdentityRefusalError(refusal) : error;
      },
    ).finally(() => {
      if (this.pending === pending) this.pending = undefined;
    });
    return pending.done;
  }

  /** Shows the code; closing it without going to the page stops the polling. */
  private show(prompt: CodePrompt): void {
    void Promise.resolve(this.onCode(prompt)).then((answer) => {
      if (answer === 'dismissed') this.pending?.controller.abort();
    });
  }

  async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
    if (!this.signedIn || !this.handle) throw new SignInRequiredError(this.label());
    try {
      return await this.handle.credential.getToken(scopes, options);
    } catch (error) {
      // The library's word for "a silent sign-in was not enough", under disableAutomaticAuthentication.
      if ((error as Error)?.name === 'AuthenticationRequiredError') {
        this.signedIn = false;
        throw new SignInRequiredError(this.label());
      }
      throw error;
    }
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
