// `npm run sandbox -- --port 8940`: starts the Graph sandbox and prints its URL and a full-permission token.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkFaultRules } from './faults';
import { SANDBOX_CLIENT_ID } from './identityPlatform';
import { demoTenant, scaleTenant } from './seeds';
import { GraphSandbox } from './server';
import { checkStatusScript } from './statusSchedule';

const USAGE = `Usage: npm run sandbox -- [options]
  --port N            port on 127.0.0.1 (default 8940; 0 picks a free one)
  --groups N --connectors N --applications N
                      a generated tenant of that size instead of the demo tenant
  --variant V         'standard' (create 201, update 204, add member 204) or
                      'alternate' (create 200, update 200 + body, add member 201)
  --latency MS        delay every answer
  --read-lag MS       reads may show the state of up to MS ago, as replicas do
  --faults JSON       fault rules, e.g. '[{"status":429,"rate":0.1,"retryAfterSeconds":1}]'
  --fault-seed N      seed for rate-based faults and for the read lag (default 1)
  --read-token        also print GRAPH_SANDBOX_READ_TOKEN, a token with Directory.Read.All only
  --reads-need-read-write
                      reads of connector groups, connectors and an application's group need
                      Directory.ReadWrite.All too (403 with Directory.Read.All), as some tenants answer
  --identity          also serve the identity platform (device code, token) over https, with a
                      certificate made at start; prints GRAPH_SANDBOX_AUTHORITY and
                      GRAPH_SANDBOX_CLIENT_ID (the app registration it knows)
  --cert-out FILE     write that certificate (PEM) to FILE, for NODE_EXTRA_CA_CERTS
  --device-code-interval SECONDS
                      the polling interval /devicecode asks for (default 5, as the service);
                      polls closer together get slow_down
  --device-code-lifetime SECONDS
                      how long a device code lives (default 900)
  --refresh-token-lifetime SECONDS
                      how long a refresh token lives unused (default 90 days)
  --access-token-lifetime SECONDS
                      how long an access token lives (default 3600; under 300 MSAL refreshes each time)
  --identity-faults JSON
                      fault rules for the identity platform, e.g. '[{"path":"/token$","status":429}]';
                      "html":true answers a proxy's HTML page (with status 200, a proxy's sign-in page)
  --status-schedule JSON
                      connectors that stop and start over time, e.g.
                      '[{"afterSeconds":60,"connector":"FRA-APPPROXY-02","status":"inactive"},
                        {"afterSeconds":300,"connector":"FRA-APPPROXY-02","status":"active"}]'
                      or '{"steps":[...],"repeatEverySeconds":600}' to go round again
  --quiet             do not print each request on stderr`;

function parseJson(name: string, raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new Error(`--${name} must be JSON, not '${raw.slice(0, 80)}'.`);
  }
}

function main(): void {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8940' },
      groups: { type: 'string' },
      connectors: { type: 'string' },
      applications: { type: 'string' },
      variant: { type: 'string', default: 'standard' },
      latency: { type: 'string', default: '0' },
      'read-lag': { type: 'string', default: '0' },
      faults: { type: 'string', default: '[]' },
      'fault-seed': { type: 'string', default: '1' },
      'read-token': { type: 'boolean', default: false },
      'reads-need-read-write': { type: 'boolean', default: false },
      identity: { type: 'boolean', default: false },
      'cert-out': { type: 'string' },
      'device-code-interval': { type: 'string' },
      'device-code-lifetime': { type: 'string' },
      'refresh-token-lifetime': { type: 'string' },
      'access-token-lifetime': { type: 'string' },
      'identity-faults': { type: 'string', default: '[]' },
      'status-schedule': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const number = (name: string, raw: string | undefined, fallback = 0): number => {
    const value = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number ≥ 0, not '${raw}'.`);
    return value;
  };
  const optional = (name: 'device-code-interval' | 'device-code-lifetime' | 'refresh-token-lifetime' | 'access-token-lifetime') =>
    values[name] === undefined ? undefined : number(name, values[name]);
  if (values.variant !== 'standard' && values.variant !== 'alternate') throw new Error("--variant must be 'standard' or 'alternate'.");
  const scaled = values.groups !== undefined || values.connectors !== undefined || values.applications !== undefined;
  const tenant = scaled
    ? scaleTenant({
        groups: number('groups', values.groups, 10),
        connectors: number('connectors', values.connectors, 0),
        applications: number('applications', values.applications, 0),
      })
    : demoTenant();
  const quiet = values.quiet;
  void GraphSandbox.start({
    port: number('port', values.port),
    tenant,
    variant: values.variant,
    latencyMs: number('latency', values.latency),
    readLagMs: number('read-lag', values['read-lag']),
    faults: checkFaultRules(parseJson('faults', values.faults)),
    faultSeed: number('fault-seed', values['fault-seed']),
    readsNeedReadWrite: values['reads-need-read-write'],
    identity: values.identity || values['cert-out'] !== undefined,
    identityIntervalSeconds: optional('device-code-interval'),
    identityCodeLifetimeSeconds: optional('device-code-lifetime'),
    identityRefreshTokenLifetimeSeconds: optional('refresh-token-lifetime'),
    identityAccessTokenLifetimeSeconds: optional('access-token-lifetime'),
    identityFaults: checkFaultRules(parseJson('identity-faults', values['identity-faults']), { html: true }),
    statusSchedule: values['status-schedule'] === undefined ? undefined : checkStatusScript(parseJson('status-schedule', values['status-schedule'])),
    onRequest: quiet ? undefined : (e) => process.stderr.write(`${e.method} ${e.url} ${e.status} ${e.ms} ms\n`),
    onStatusStep: (step, connector) => process.stderr.write(connector
      ? `status schedule: ${connector.machineName} is ${step.status}\n`
      : `status schedule: no connector '${step.connector}' any more; step skipped\n`),
  }).then((sandbox) => {
    console.log(`GRAPH_SANDBOX_URL=${sandbox.url}`);
    console.log(`GRAPH_SANDBOX_TOKEN=${sandbox.token}`);
    if (values['read-token']) console.log(`GRAPH_SANDBOX_READ_TOKEN=${sandbox.tokens.issue(['Directory.Read.All'])}`);
    if (sandbox.authority) {
      if (values['cert-out']) writeFileSync(values['cert-out'], sandbox.certificate);
      console.log(`GRAPH_SANDBOX_AUTHORITY=${sandbox.authority}`);
      console.log(`GRAPH_SANDBOX_CLIENT_ID=${SANDBOX_CLIENT_ID}`);
    }
    process.stderr.write(`Graph sandbox for ${sandbox.store.tenant.organization.displayName} on ${sandbox.url}/beta (Ctrl-C stops it)\n`);
    const stop = () => void sandbox.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  }, (error: Error) => {
    process.stderr.write(`The Graph sandbox could not start: ${error.message}\n`);
    process.exit(1);
  });
}

try {
  main();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
  process.exit(2);
}
