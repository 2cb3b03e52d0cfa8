// The extension's Graph gateway pointed at a sandbox, with every round trip recorded.
import { StaticTokenCredential } from '../../src/auth/staticTokenCredential';
import { ConnectorGroupsApi } from '../../src/graph/connectorGroupsApi';
import { GraphHttp } from '../../src/graph/graphHttp';
import type { RoundTrip } from '../../src/graph/middleware/roundTripMiddleware';

export function gatewayFor(url: string, token: string): { api: ConnectorGroupsApi; http: GraphHttp; trips: RoundTrip[] } {
  const trips: RoundTrip[] = [];
  const http = new GraphHttp({
    origin: url,
    credential: new StaticTokenCredential(token),
    scopes: ['https://graph.microsoft.com/Directory.ReadWrite.All'],
    onRoundTrip: (trip) => trips.push(trip),
  });
  return { api: new ConnectorGroupsApi(http), http, trips };
}
