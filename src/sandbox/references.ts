// Reads the target of an `@odata.id` reference body: any Graph host or the sandbox's own, by trailing path.
import { badRequest } from './graphError';

const GRAPH_HOSTS = new Set([
  'graph.microsoft.com',
  'graph.microsoft.us',
  'dod-graph.microsoft.us',
  'microsoftgraph.chinacloudapi.cn',
]);

export type ReferenceCollection = 'connectors' | 'connectorGroups' | 'applications';

/**
 * Returns the raw id the reference names. `acceptIdProperty` allows `{ "id": "…" }`, which the
 * seed-002 draft page uses beside `@odata.id`.
 */
export function referencedId(
  body: unknown,
  collection: ReferenceCollection,
  ownHost: string,
  acceptIdProperty = false,
): string {
  const record = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const ref = record['@odata.id'];
  if (ref === undefined && acceptIdProperty && typeof record.id === 'string') return record.id;
  if (typeof ref !== 'string') {
    throw badRequest("The request body must be a reference: { \"@odata.id\": \"<url of the object>\" }.");
  }
  let url: URL;
  try {
    url = new URL(ref);
  } catch {
    throw badRequest(`Invalid reference '${ref}': '@odata.id' must be an absolute URL.`);
  }
  if (!GRAPH_HOSTS.has(url.hostname.toLowerCase()) && url.host !== ownHost) {
    throw badRequest(`Invalid reference '${ref}': '${url.host}' is not a Microsoft Graph host.`);
  }
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    throw badRequest(`Invalid reference '${ref}': the URL has a malformed escape.`);
  }
  const match = new RegExp(`/${collection}/([^/]+)/?$`, 'i').exec(path);
  if (!match) {
    throw badRequest(`Invalid reference '${ref}': expected a URL that ends in /${collection}/{id}.`);
  }
  return match[1];
}
