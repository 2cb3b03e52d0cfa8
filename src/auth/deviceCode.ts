// The device-code way in, through @azure/identity: for remote, locked-down or broker-less hosts,
// with our app registration and the cloud's authority. Loaded only when a tenant uses it.
import { DeviceCodeCredential, type TokenCredential } from '@azure/identity';

export interface DeviceCodeOptions {
  /** The cloud's sign-in authority, e.g. https://login.microsoftonline.us (or a sandbox's). */
  authority: string;
  tenant: string;
  clientId: string;
  /** Shows the code and the page to enter it on; the message is the identity platform's own sentence. */
  onCode(prompt: { message: string; userCode: string; verificationUri: string }): void;
}

export function deviceCodeCredential(options: DeviceCodeOptions): TokenCredential {
  return new DeviceCodeCredential({
    tenantId: options.tenant,
    clientId: options.clientId,
    authorityHost: options.authority,
    // The authority is named by the cloud table (or the admin), not looked up in Microsoft's list.
    disableInstanceDiscovery: true,
    userPromptCallback: (info) => options.onCode({ message: info.message, userCode: info.userCode, verificationUri: info.verificationUri }),
  });
}
