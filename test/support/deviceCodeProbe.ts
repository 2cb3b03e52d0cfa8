// Run as its own process, so NODE_EXTRA_CA_CERTS (read at start) makes it trust the sandbox's
// certificate: signs in by device code through @azure/identity, then reads the groups through the
// gateway. Prints one JSON line per event; the token itself is never printed. With PROBE_AGAIN=1 it
// then asks for a token again at each line 'again' on its stdin, until 'quit' (a mid-session check).
import { createInterface } from 'node:readline';
import { deviceCodeCredential } from '../../src/auth/deviceCode';
import { ConnectorGroupsApi } from '../../src/graph/connectorGroupsApi';
import { GraphHttp } from '../../src/graph/graphHttp';

const say = (event: object) => process.stdout.write(`${JSON.stringify(event)}\n`);

async function main(): Promise<void> {
  const graph = process.env.PROBE_GRAPH!;
  const { credential } = deviceCodeCredential({
    authority: process.env.PROBE_AUTHORITY!,
    tenant: process.env.PROBE_TENANT!,
    clientId: process.env.PROBE_CLIENT_ID!,
    onCode: (prompt) => say({ event: 'code', ...prompt }),
  });
  const scopes = [`${graph}/Directory.ReadWrite.All`];
  try {
    // Signing in is asked for explicitly; every getToken after it is silent.
    await credential.authenticate(scopes);
    const token = await credential.getToken(scopes);
    const again = await credential.getToken(scopes);
    const api = new ConnectorGroupsApi(new GraphHttp({ origin: graph, credential, scopes }));
    const groups = await api.listGroups();
    say({ event: 'done', tokenLength: token?.token.length ?? 0, cached: again?.token === token?.token, groups: groups.length });
    if (process.env.PROBE_AGAIN === '1') {
      let last = again?.token;
      for await (const line of createInterface({ input: process.stdin })) {
        if (line.trim() === 'quit') break;
        try {
          const next = await credential.getToken(scopes);
          say({ event: 'again', changed: next?.token !== last });
          last = next?.token;
        } catch (error) {
          say({ event: 'failed', name: (error as Error).name, message: (error as Error).message });
        }
      }
      process.exit(0);
    }
  } catch (error) {
    say({ event: 'failed', name: (error as Error).name, message: (error as Error).message });
  }
}

void main();
