// Credentials for the ways in other than VS Code's sign-in. Device code signs in only when asked
// (a reload does not pop up a code; the tenant shows "Sign in…"); the Azure CLI never asks.
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';
import { execFile } from 'node:child_process';
import type { CloudEndpoints } from '../graph/clouds';
import { l10n } from '../shared/l10n';
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

  /** The code waiting to be entered, if a sign-in is under way and the service gave one. */
  get code(): CodePrompt | undefined {
    return this.pending?.prompt;
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

/** How long one `az` run may take; the CLI can hang on a prompt or a network it cannot reach. */
const AZ_TIMEOUT_MS = 30_000;
/** A token kept until this long before it expires, so a large tenant's load runs `az` once, not per request. */
const REFRESH_BEFORE_MS = 5 * 60_000;

/** Runs `az` with arguments, without a shell; resolves with its output. */
export type RunAz = (args: string[], timeoutMs: number) => Promise<string>;

const runAz: RunAz = (args, timeoutMs) => new Promise((resolve, reject) => {
  execFile('az', args, { timeout: timeoutMs, windowsHide: true }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
});

/**
 * The Azure CLI way in: the account and the cloud of `az login`. The CLI's cloud is checked once
 * against the tenant's (a token of another cloud would be refused as an invalid audience); a token
 * is kept until shortly before it expires, and requests that arrive together share one `az` run.
 */
export class AzureCliSignIn implements TokenCredential {
  private inner: TokenCredential | undefined;
  private token: AccessToken | undefined;
  private fetching: Promise<AccessToken | null> | undefined;
  private cloudChecked: Promise<void> | undefined;

  constructor(
    private readonly tenant: string | undefined,
    private readonly graphOrigin: string,
    private readonly cloud: CloudEndpoints,
    private readonly make: (tenant: string | undefined, timeoutMs: number) => TokenCredential = (t, ms) => identity().azureCliCredential(t, ms),
    private readonly az: RunAz = runAz,
  ) {}

  async getToken(_scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
    if (this.token && this.token.expiresOnTimestamp - Date.now() > REFRESH_BEFORE_MS) return this.token;
    this.fetching ??= this.fetch(options).finally(() => { this.fetching = undefined; });
    return this.fetching;
  }

  private async fetch(options?: GetTokenOptions): Promise<AccessToken | null> {
    this.cloudChecked ??= this.checkCloud().catch((error: unknown) => {
      this.cloudChecked = undefined;
      throw error;
    });
    await this.cloudChecked;
    this.inner ??= this.make(this.tenant, AZ_TIMEOUT_MS);
    // The CLI gives tokens per resource: the Graph host's `.default`.
    const token = await this.inner.getToken(`${this.graphOrigin}/.default`, options);
    this.token = token ?? undefined;
    return token;
  }

  private async checkCloud(): Promise<void> {
    const expected = this.cloud.azureCliCloud;
    if (!expected) return;
    let active: string;
    try {
      active = (await this.az(['cloud', 'show', '--query', 'name', '--output', 'tsv'], AZ_TIMEOUT_MS)).trim();
    } catch (error) {
      // Not installed, or not answering: the token request says so in the library's words.
      if ((error as { code?: unknown })?.code === 'ENOENT') return;
      if ((error as { killed?: boolean })?.killed) throw new Error(l10n.t('The Azure CLI did not answer within {0} s (az cloud show).', AZ_TIMEOUT_MS / 1000));
      return;
    }
    if (active && active !== expected) {
      throw new Error(l10n.t("The Azure CLI is set to the cloud '{0}', and this tenant is in '{1}': run az cloud set --name {1}, then az login.", active, expected));
    }
  }
}
