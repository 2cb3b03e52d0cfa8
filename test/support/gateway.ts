// The extension's Graph gateway pointed at a sandbox, with every round trip recorded.
import { StaticTokenCredential } from '../../src/auth/staticTokenCredential';
import { ConnectorGroupsApi } from '../../src/graph/connectorGroupsApi';
import { GraphHttp, type GraphHttpOptions } from '../../src/graph/graphHttp';
import type { RoundTrip } from '../../src/graph/middleware/roundTripMiddleware';
import type { Tenant } from '../../src/tenants/tenant';

export function gatewayFor(
  url: string,
  token: string,
  options: Partial<GraphHttpOptions> = {},
): { api: ConnectorGroupsApi; http: GraphHttp; trips: RoundTrip[] } {
  const trips: RoundTrip[] = [];
  const http = new GraphHttp({
    origin: url,
    credential: new StaticTokenCredential(token),
    scopes: ['https://graph.microsoft.com/Directory.ReadWrite.All'],
    onRoundTrip: (trip) => trips.push(trip),
    ...options,
  });
  return { api: new ConnectorGroupsApi(http), http, trips };
}

/** A tenant around a gateway, as the extension builds one for the tree's model. */
export function tenantAround(api: ConnectorGroupsApi, tenantId = 't'): Tenant {
  return { key: tenantId, kind: 'sandbox', displayName: tenantId, tenantId, account: '', portalOrigin: '', api, canWrite: () => true, dispose: () => undefined } as Tenant;
}

/** A throwaway HTTP server on loopback that answers with `handle`, for the cases no sandbox would produce. */
export async function withServer(
  handle: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, origin: string) => void,
  test: (origin: string) => Promise<void>,
): Promise<void> {
  const { createServer } = await import('node:http');
  let origin = '';
  const server = createServer((req, res) => handle(req, res, origin));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as import('node:net').AddressInfo).port}`;
  try {
    await test(origin);
  } finally {
    server.closeAllConnections();
    server.close();
  }
}
