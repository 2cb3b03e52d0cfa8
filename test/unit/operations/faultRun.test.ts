// A long run of mixed operations through the code the commands use, against a sandbox that throttles,
// fails, drops connections (some after the change was made) and lags reads behind writes. At the end
// the model the tree shows — what the user was told — must equal the sandbox's state.
import * as assert from 'node:assert/strict';
import type { ConnectorGroupWithContents } from '../../../src/graph/types';
import { UncertainOutcomeError } from '../../../src/operations/ambiguity';
import { emptyAndDelete } from '../../../src/operations/emptyAndDelete';
import { createGroup, deleteGroup, groupsNamed, updateGroup } from '../../../src/operations/groupOperations';
import type { ReadBackTiming } from '../../../src/operations/readBack';
import { assignApplications, moveConnectors, unassignApplication, type Relocated } from '../../../src/operations/relocation';
import { seededRandom } from '../../../src/sandbox/ids';
import { REGIONS } from '../../../src/shared/regions';
import { TenantContents } from '../../../src/tenants/tenantContents';
import type { Tenant } from '../../../src/tenants/tenant';
import { gatewayFor } from '../../support/gateway';
import { useSandbox, type SandboxState } from '../../support/sandboxClient';

const OPERATIONS = 200;
const READ_LAG_MS = 200;
const TIMING: ReadBackTiming = { settleMs: READ_LAG_MS + 100, windowMs: 3000, intervalMs: 150 };
const FAULTS = [
  { status: 503, rate: 0.05 },
  { status: 503, rate: 0.05, after: true },
  { status: 429, rate: 0.05, retryAfterSeconds: 1 },
  { drop: true, rate: 0.015 },
  { drop: true, rate: 0.015, after: true },
];

/** Every difference between what the model says and what the sandbox holds. */
function divergences(model: ConnectorGroupWithContents[], state: SandboxState): string[] {
  const found: string[] = [];
  const truth = new Map(state.groups.map((g) => [g.id, g]));
  for (const group of model) {
    const real = truth.get(group.id);
    if (!real) { found.push(`group ${group.name} is shown but does not exist`); continue; }
    if (real.name !== group.name) found.push(`group ${group.id} is shown as '${group.name}' but is '${real.name}'`);
    if (real.region !== group.region) found.push(`group ${group.name} is shown in ${group.region} but is in ${real.region}`);
    const same = (a: string[], b: string[]) => [...a].sort().join() === [...b].sort().join();
    if (!same(group.members.map((c) => c.id), real.members)) found.push(`connectors of ${group.name} differ`);
    if (!same(group.applications.map((a) => a.id), real.applications)) found.push(`applications of ${group.name} differ`);
  }
  for (const real of state.groups) if (!model.some((g) => g.id === real.id)) found.push(`group ${real.name} exists but is not shown`);
  return found;
}

describe('operations under faults: 200 mixed operations, and what the user was told', function () {
  this.timeout(600_000);
  const fx = useSandbox({ faultSeed: 20261201 });

  it('ends with the tree equal to the service: no divergence, no duplicate, no unhandled rejection', async () => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      await fx.client.options({ readLagMs: READ_LAG_MS });
      await fx.client.faults(FAULTS);
      const { api, trips } = gatewayFor(fx.client.url, fx.client.token, { retryDelaySeconds: 0, timeoutMs: 5000 });
      const tenant: Tenant = {
        key: 'sandbox', kind: 'sandbox', displayName: 'Sandbox', tenantId: '', account: 'admin', portalOrigin: '', api, canWrite: () => true, dispose: () => undefined,
      };
      const contents = new TenantContents(tenant);
      for (let tries = 0; contents.state.kind !== 'loaded' && tries < 5; tries++) {
        contents.invalidate();
        await contents.load();
      }
      assert.equal(contents.state.kind, 'loaded', 'the tree loads under the fault mix');

      const random = seededRandom(42);
      const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
      const counts = { operations: 0, failuresShown: 0, uncertain: 0, recovered: 0 };
      const kinds: Record<string, number> = {};
      const noteRelocation = (result: Relocated) => {
        if (result.failed.length > 0) counts.failuresShown++;
        counts.uncertain += result.failed.filter((f) => f.uncertain).length;
      };

      for (let i = 0; i < OPERATIONS; i++) {
        const groups = contents.applicationProxyGroups();
        const home = contents.defaultGroup()!;
        const others = groups.filter((g) => !g.isDefault);
        const empty = others.filter((g) => g.members.length === 0 && g.applications.length === 0);
        const connectors = groups.flatMap((g) => g.members.map((c) => ({ id: c.id, group: g })));
        const applications = groups.flatMap((g) => g.applications.map((a) => ({ id: a.id, group: g })));
        const roll = random();
        const kind = others.length < 3 || roll < 0.1 ? 'create'
          : roll < 0.22 ? 'rename'
            : roll < 0.3 && empty.length > 0 ? 'region'
              : roll < 0.5 ? 'move'
                : roll < 0.68 ? 'assign'
                  : roll < 0.78 ? 'unassign'
                    : roll < 0.88 && empty.length > 0 ? 'delete'
                      : 'emptyAndDelete';
        kinds[kind] = (kinds[kind] ?? 0) + 1;
        counts.operations++;
        try {
          switch (kind) {
            case 'create': {
              const name = `Run group ${i}`;
              const existing = await groupsNamed(contents, name);
              const region = random() < 0.5 ? undefined : pick([...REGIONS]);
              const { foundAfterLostAnswer } = await createGroup(contents, { name, region }, new Set(existing.map((g) => g.id)), TIMING);
              if (foundAfterLostAnswer) counts.recovered++;
              break;
            }
            case 'rename': {
              const group = pick(groups);
              await updateGroup(contents, group, { name: `${group.name.replace(/ r\d+$/, '')} r${i}` }, TIMING);
              break;
            }
            case 'region': {
              const group = pick(empty);
              await updateGroup(contents, group, { region: pick(REGIONS.filter((r) => r !== group.region)) }, TIMING);
              break;
            }
            case 'move': {
              const from = pick(connectors).group;
              // The region rule: into a region-optimised group only from the default region.
              const targets = groups.filter((g) => g.id !== from.id && (from.region === home.region || g.region === home.region));
              const ids = from.members.slice(0, 1 + Math.floor(random() * 3)).map((c) => c.id);
              noteRelocation(await moveConnectors(contents, ids, pick(targets).id, TIMING));
              break;
            }
            case 'assign': {
              const target = pick(groups);
              const ids = [...new Set([pick(applications), pick(applications), pick(applications)].slice(0, 1 + Math.floor(random() * 3)).map((a) => a.id))];
              noteRelocation(await assignApplications(contents, ids, target.id, TIMING));
              break;
            }
            case 'unassign': {
              const away = applications.filter((a) => !a.group.isDefault);
              if (away.length > 0) await unassignApplication(contents, pick(away).id, 'an application', TIMING);
              break;
            }
            case 'delete':
              await deleteGroup(contents, pick(empty), TIMING);
              break;
            case 'emptyAndDelete': {
              const group = pick(others);
              const report = await emptyAndDelete(contents, group, home.id, TIMING);
              if (!report.deleted) counts.failuresShown++;
              break;
            }
          }
        } catch (error) {
          // What the command would show; the model was left as it was.
          counts.failuresShown++;
          if (error instanceof UncertainOutcomeError && error.found === 'unknown') counts.uncertain++;
        }
      }

      await fx.client.faults([]);
      await fx.client.options({ readLagMs: 0 });
      const state = await fx.client.state();
      const requests = await fx.client.requests();
      const faultsInjected = requests.filter((r) => r.status === 0 || r.status === 429 || r.status === 503).length;
      const retries = trips.length - new Set(trips.map((t) => t.clientRequestId)).size;
      const names = state.groups.map((g) => g.name.replace(/ r\d+$/, ''));
      const duplicates = names.length - new Set(names).size;
      const found = divergences(contents.groups, state);
      console.log(`      fault run: operations ${counts.operations} (${Object.entries(kinds).map(([k, n]) => `${k} ${n}`).join(', ')}), `
        + `faults injected ${faultsInjected}, retries ${retries}, failures shown ${counts.failuresShown}, `
        + `found after a lost answer ${counts.recovered}, uncertain ${counts.uncertain}, divergences ${found.length}, `
        + `duplicates ${duplicates}, unhandled rejections ${rejections.length}`);
      assert.deepEqual(found, []);
      assert.equal(duplicates, 0);
      assert.deepEqual(rejections, []);
      assert.ok(faultsInjected >= 20, `the run met faults (${faultsInjected})`);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });
});
