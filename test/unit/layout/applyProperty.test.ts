// For random tenants and random layouts every order can reach: applying the plan to the sandbox
// over HTTP yields exactly the layout, and planning again finds nothing to do.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { applySteps } from '../../../src/layout/applyPlan';
import type { Layout, LayoutGroup } from '../../../src/layout/layoutFile';
import { planLayout } from '../../../src/layout/planner';
import type { ApplicationRecord, ConnectorRecord, GroupRecord, Tenant as SandboxTenant } from '../../../src/sandbox/model';
import { demoTenant } from '../../../src/sandbox/seeds';
import { GraphSandbox } from '../../../src/sandbox/server';
import { TenantContents } from '../../../src/tenants/tenantContents';
import { gatewayFor, tenantAround } from '../../support/gateway';
import { guid } from './fixtures';

const REGIONS = ['nam', 'eur', 'aus', 'asia', 'ind'] as const;
const GROUPS = 5;
const ITEMS = 7;

const scenarios = fc.record({
  // The first is the default group's, sometimes a value outside the enum as the live service sends.
  regions: fc.tuple(fc.constantFrom(...REGIONS, 'japan'), fc.array(fc.constantFrom(...REGIONS), { minLength: GROUPS - 1, maxLength: GROUPS - 1 })),
  connectorsAt: fc.array(fc.nat(GROUPS - 1), { maxLength: ITEMS }),
  applicationsAt: fc.array(fc.nat(GROUPS - 1), { maxLength: ITEMS }),
  prune: fc.boolean(),
  groups: fc.array(fc.record({ drop: fc.boolean(), rename: fc.boolean(), region: fc.option(fc.constantFrom(...REGIONS), { nil: undefined }) }), { minLength: GROUPS, maxLength: GROUPS }),
  created: fc.array(fc.option(fc.constantFrom(...REGIONS), { nil: undefined }), { maxLength: 2 }),
  connectorsTo: fc.array(fc.option(fc.nat(GROUPS + 1), { nil: undefined }), { minLength: ITEMS, maxLength: ITEMS }),
  applicationsTo: fc.array(fc.option(fc.nat(GROUPS + 1), { nil: undefined }), { minLength: ITEMS, maxLength: ITEMS }),
});
type Scenario = typeof scenarios extends fc.Arbitrary<infer T> ? T : never;

function sandboxTenant(s: Scenario): SandboxTenant {
  const tenant = demoTenant();
  tenant.groups = new Map();
  tenant.connectors = new Map();
  tenant.applications = new Map();
  const regions = [s.regions[0], ...s.regions[1]];
  for (let i = 0; i < GROUPS; i++) {
    const group: GroupRecord = { id: guid(`g${i}`), name: `G${i}`, connectorGroupType: 'applicationProxy', isDefault: i === 0, region: regions[i] };
    tenant.groups.set(group.id, group);
  }
  s.connectorsAt.forEach((at, i) => {
    const connector: ConnectorRecord = { id: guid(`c${i}`), machineName: `C${i}`, externalIp: '10.0.0.1', status: 'active', version: '1.5', groupId: guid(`g${at}`) };
    tenant.connectors.set(connector.id, connector);
  });
  s.applicationsAt.forEach((at, i) => {
    const application: ApplicationRecord = {
      id: guid(`a${i}`), appId: guid(`p${i}`), displayName: `A${i}`, groupId: guid(`g${at}`),
      onPremisesPublishing: { externalUrl: `https://a${i}.msappproxy.net/`, internalUrl: `http://a${i}/`, externalAuthenticationType: 'passthru', applicationServerTimeout: 'default', isOnPremPublishingEnabled: true, isTranslateHostHeaderEnabled: true },
    };
    tenant.applications.set(application.id, application);
  });
  return tenant;
}

interface Expected {
  layout: Layout;
  /** Each group's final name and region, by the name it ends with. */
  groups: Map<string, string>;
  /** Each item's final group, by name. */
  connectors: Map<string, string>;
  applications: Map<string, string>;
}

/** A layout every order can reach, and the state it describes. */
function target(s: Scenario, tenantId: string): Expected {
  const regions = [s.regions[0], ...s.regions[1]];
  const entries: { entry: LayoutGroup; index: number; region: string }[] = [];
  for (let i = 0; i < GROUPS; i++) {
    const plan = s.groups[i];
    if (i > 0 && s.prune && plan.drop) continue;
    const entry: LayoutGroup = { id: guid(`g${i}`), name: plan.rename ? `G${i} renamed` : `G${i}`, connectors: [], applications: [] };
    if (i === 0) entry.isDefault = true;
    let region = regions[i];
    if (i > 0 && plan.region !== undefined) { entry.region = plan.region; region = plan.region; }
    entries.push({ entry, index: i, region });
  }
  s.created.forEach((region, n) => {
    entries.push({ entry: { name: `New ${n}`, ...(region ? { region } : {}), connectors: [], applications: [] }, index: GROUPS + n, region: region ?? regions[0] });
  });
  const changing = (e: (typeof entries)[number]) => e.index > 0 && e.index < GROUPS && e.entry.region !== undefined && e.entry.region !== regions[e.index];
  const final = { connectors: new Map<string, string>(), applications: new Map<string, string>() };
  const place = (kind: 'connectors' | 'applications', at: number[], to: (number | undefined)[], prefix: string, label: string) => {
    at.forEach((from, i) => {
      const current = entries.find((e) => e.index === from);
      let chosen = to[i] === undefined ? undefined : entries[to[i]! % entries.length];
      // What a region-changing group holds must leave it; and without prune an item left out stays.
      if (chosen && chosen.index === from && changing(chosen)) chosen = entries[0];
      if (!chosen && !s.prune && (!current || changing(current))) chosen = entries[0];
      if (chosen) chosen.entry[kind]!.push({ id: guid(`${prefix}${i}`), label: `${label}${i}` });
      const home = chosen ?? (s.prune ? entries[0] : current!);
      final[kind].set(`${label}${i}`, home.entry.name);
    });
  };
  place('connectors', s.connectorsAt, s.connectorsTo, 'c', 'C');
  place('applications', s.applicationsAt, s.applicationsTo, 'a', 'A');
  return {
    layout: { tenant: { id: tenantId }, prune: s.prune, connectorGroups: entries.map((e) => e.entry) },
    groups: new Map(entries.map((e) => [e.entry.name, e.region])),
    ...final,
  };
}

describe('layout apply: random tenants reach random layouts', function () {
  this.timeout(120_000);
  let sandbox: GraphSandbox;
  before(async () => { sandbox = await GraphSandbox.start(); });
  after(async () => sandbox.close());

  function contentsOf(): TenantContents {
    const { api } = gatewayFor(sandbox.url, sandbox.token);
    const tenant = tenantAround(api, 'p');
    return new TenantContents(tenant);
  }

  it('applies the plan, ends in exactly the layout, and a second plan is empty', async () => {
    await fc.assert(fc.asyncProperty(scenarios, async (s) => {
      sandbox.reset(sandboxTenant(s));
      const expected = target(s, 'p');
      const before = contentsOf();
      await before.load();
      const plan = planLayout(before.groups, expected.layout);
      if (!plan.ok) throw new Error(`refused a reachable layout: ${plan.refusals.join(' | ')}`);
      const result = await applySteps(before, plan.steps);
      const failed = result.outcomes.find((o) => o.state !== 'done');
      if (failed) throw new Error(`a step did not succeed: ${failed.message}`);

      const after = contentsOf();
      await after.load();
      const groups = after.applicationProxyGroups();
      assert.deepEqual(new Map(groups.map((g) => [g.name, g.region])), expected.groups);
      assert.deepEqual(new Map(groups.flatMap((g) => g.members.map((c) => [c.machineName, g.name]))), expected.connectors);
      assert.deepEqual(new Map(groups.flatMap((g) => g.applications.map((a) => [a.displayName, g.name]))), expected.applications);
      const again = planLayout(after.groups, expected.layout);
      assert.ok(again.ok);
      assert.deepEqual(again.steps, []);
    }), { numRuns: 60 });
  });
});
