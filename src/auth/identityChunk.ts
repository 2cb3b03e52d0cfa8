// The ways in that need @azure/identity, bundled apart (dist/identity.js) and loaded only when a
// tenant uses one of them: the extension's own bundle does not carry the identity library.
import { AzureCliCredential, type TokenCredential } from '@azure/identity';

export { deviceCodeCredential } from './deviceCode';

/** The account `az login` signed in to; tokens come from the Azure CLI's own cache, each `az` run bounded in time. */
export function azureCliCredential(tenant: string | undefined, processTimeoutInMs: number): TokenCredential {
  return new AzureCliCredential({ ...(tenant ? { tenantId: tenant } : {}), processTimeoutInMs });
}
