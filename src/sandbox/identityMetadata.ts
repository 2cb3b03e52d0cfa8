// The identity platform's discovery documents: instance discovery and a tenant's OpenID configuration,
// naming the sandbox's own https origin wherever the service names login.microsoftonline.com.
import type { IdentityAnswer } from './identityErrors';

export function instanceDiscovery(origin: string): IdentityAnswer {
  const host = new URL(origin).host;
  return {
    status: 200,
    body: {
      tenant_discovery_endpoint: `${origin}/{tenant}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    },
  };
}

/** `tenant` as the authority names it; `issuerTenant` the tenant id, or `{tenantid}` for a multi-tenant authority. */
export function openIdConfiguration(origin: string, tenant: string, issuerTenant: string): IdentityAnswer {
  const base = `${origin}/${tenant}`;
  return {
    status: 200,
    body: {
      issuer: `${origin}/${issuerTenant}/v2.0`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      token_endpoint: `${base}/oauth2/v2.0/token`,
      device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      jwks_uri: `${base}/discovery/v2.0/keys`,
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      tenant_region_scope: 'NA',
      cloud_instance_name: new URL(origin).host,
    },
  };
}
