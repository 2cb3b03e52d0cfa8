// `npm run bench`: how fast the gateway and the sandbox are at scale, in milliseconds and Graph round trips.
import { gatewayFor } from '../support/gateway';
import { GraphSandbox } from '../../src/sandbox/server';
import { scaleTenant } from '../../src/sandbox/seeds';

interface Figure {
  what: string;
  ms: number;
  roundTrips: number;
  items?: number;
}

async function measure(what: string, trips: unknown[], task: () => Promise<number | undefined>): Promise<Figure> {
  trips.length = 0;
  const started = performance.now();
  const items = await task();
  return { what, ms: performance.now() - started, roundTrips: trips.length, items };
}

/** Requests per second the sandbox answers from several concurrent clients, for a fixed time. */
async function requestsPerSecond(url: string, token: string, path: string, seconds: number, concurrency: number): Promise<number> {
  const until = Date.now() + seconds * 1000;
  let count = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (Date.now() < until) {
      const response = await fetch(`${url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
      await response.arrayBuffer();
      count++;
    }
  }));
  return count / seconds;
}

async function main(): Promise<void> {
  const scale = { groups: 200, connectors: 2000, applications: 5000 };
  const sandbox = await GraphSandbox.start({ tenant: scaleTenant(scale) });
  try {
    const { api, trips } = gatewayFor(sandbox.url, sandbox.token);
    const figures: Figure[] = [];
    figures.push(await measure('list groups', trips, async () => (await api.listGroups()).length));
    figures.push(await measure('list connectors (paged, 100 a page)', trips, async () => (await api.listConnectors()).length));
    figures.push(await measure('list applications (paged)', trips, async () => (await api.listApplications()).length));
    figures.push(await measure('load every group with members and applications ($batch)', trips, async () => (await api.loadGroupsWithContents()).length));
    const groups = await api.listGroups();
    const members = await api.listMembers(groups[1].id);
    figures.push(await measure(`move ${Math.min(20, members.length)} connectors ($batch)`, trips, async () => {
      await api.moveConnectors(members.slice(0, 20).map((c) => c.id), groups[0].id);
      return Math.min(20, members.length);
    }));
    console.log(`Tenant: ${scale.groups} groups, ${scale.connectors} connectors, ${scale.applications} applications`);
    for (const f of figures) {
      console.log(`  ${f.what.padEnd(58)} ${f.ms.toFixed(0).padStart(6)} ms  ${String(f.roundTrips).padStart(4)} round trips${f.items !== undefined ? `  ${f.items} items` : ''}`);
    }
    await sandbox.close();
    const small = await GraphSandbox.start();
    try {
      const groupPath = '/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups';
      const rps = await requestsPerSecond(small.url, small.token, groupPath, 3, 8);
      console.log(`Sandbox throughput (demo tenant, GET connectorGroups, 8 concurrent clients, 3 s): ${rps.toFixed(0)} requests/s`);
    } finally {
      await small.close();
    }
  } finally {
    await sandbox.close().catch(() => undefined);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
