// One sandbox for a suite of layout tests (reset before each), the tenant read from it as the
// extension reads it, and its groups in words for comparing before and after.
import { TenantContents } from '../../../src/tenants/tenantContents';
import { gatewayFor, tenantAround } from '../../support/gateway';
import { stateWords, useSandbox } from '../../support/sandboxClient';

export function useLayoutSandbox() {
  const fixture = useSandbox();
  return {
    get client() {
      return fixture.client;
    },
    /** The tenant loaded through the gateway, with no retries (a fault shows at once). */
    async read(): Promise<TenantContents> {
      const { api } = gatewayFor(fixture.sandbox.url, fixture.sandbox.token, { maxRetries: 0 });
      const contents = new TenantContents(tenantAround(api, 's'));
      await contents.load();
      return contents;
    },
    words: async () => stateWords(await fixture.client.state()),
  };
}
