// The device-code way in, through @azure/identity: for remote, locked-down or broker-less hosts,
// with our app registration and the cloud's authority. Loaded only when a tenant uses it.
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { DeviceCodeCredential, type AuthenticationRecord, type GetTokenOptions, type TokenCredential } from '@azure/identity';

export interface DeviceCodeOptions {
  /** The cloud's sign-in authority, e.g. https://login.microsoftonline.us (or a sandbox's). */
  authority: string;
  tenant: string;
  clientId: string;
  /** Shows the code and the page to enter it on; the message is the identity platform's own sentence. */
  onCode(prompt: { message: string; userCode: string; verificationUri: string }): void;
}

/** The identity platform's own refusal (`error`, and the AADSTS description), as it answered. */
export interface IdentityRefusal {
  error: string;
  description: string;
}

export interface DeviceCodeHandle {
  /** Never signs in by itself: `authenticate` does, when the user asks; getToken is silent. */
  credential: TokenCredential & { authenticate(scopes: string | string[], options?: GetTokenOptions): Promise<AuthenticationRecord | undefined> };
  /**
   * The first refusal the identity platform answered since `forgetRefusal`, which the library keeps
   * only as a bare `post_request_failed` (the AADSTS code and its words are lost on the way). The
   * first, because the library goes on polling after a refused /devicecode and meets other refusals.
   */
  refusal(): IdentityRefusal | undefined;
  forgetRefusal(): void;
}

/** The answers that are part of the flow, not refusals. */
const STILL_WAITING = new Set(['authorization_pending', 'slow_down']);

export function deviceCodeCredential(options: DeviceCodeOptions): DeviceCodeHandle {
  let refusal: IdentityRefusal | undefined;
  // Sees every answer of the identity platform as the library receives it, and keeps a refusal.
  const watch: PipelinePolicy = {
    name: 'identityRefusals',
    async sendRequest(request, next) {
      const response = await next(request);
      if (response.status >= 400) {
        const body = parse(response.bodyAsText);
        if (!refusal && typeof body?.error === 'string' && !STILL_WAITING.has(body.error)) {
          refusal = { error: body.error, description: typeof body.error_description === 'string' ? body.error_description : '' };
        }
      }
      return response;
    },
  };
  const credential = new DeviceCodeCredential({
    tenantId: options.tenant,
    clientId: options.clientId,
    authorityHost: options.authority,
    // The authority is named by the cloud table (or the admin), not looked up in Microsoft's list.
    disableInstanceDiscovery: true,
    // A background request never starts a flow of its own: only the user's Sign in does.
    disableAutomaticAuthentication: true,
    additionalPolicies: [{ policy: watch, position: 'perCall' }],
    // A refused /devicecode gives the callback nothing to show: the refusal is said instead.
    userPromptCallback: (info) => {
      if (info.userCode) options.onCode({ message: info.message, userCode: info.userCode, verificationUri: info.verificationUri });
    },
  });
  return { credential, refusal: () => refusal, forgetRefusal: () => { refusal = undefined; } };
}

function parse(text: string | null | undefined): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text ?? '');
    return typeof value === 'object' && value !== null ? value as Record<string, unknown> : undefined;
  } catch {
    return undefined;
  }
}
