// For random tenants (active and inactive connectors) and random layouts: walking the plan step by
// step, every application left without an active connector in between (that had one, or has moved)
// is named by the plan's warnings, with steps that cover the moment. The walk here is the test's own.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ConnectorGroupWithContents } from '../../../src/graph/types';
import type { Layout } from '../../../src/layout/layoutFile';
import { planWarnings, stepOutages } from '../../../src/layout/planImpact';
import { planLayout, type PlanStep } from '../../../src/layout/planner';
import { tenantLayout } from '../../../src/layout/tenantLayout';
import { guid, list, tenantOf } from './fixtures';

const REGIONS = ['nam', 'eur', 'aus', 'asia'] as const;
const GROUPS = 5;

const scenarios = fc.record({
  regions: fc.array(fc.constantFrom(...REGIONS), { minLength: GROUPS, maxLength: GROUPS }),
  connectors: fc.array(fc.record({ at: fc.nat(GROUPS - 1), active: fc.boolean(), to: fc.option(fc.nat(GROUPS + 1), { nil: undefined }) }), { maxLength: 7 }),
  // At most five, so a warning lists every name (longer lists end in "and N more").
  applications: fc.array(fc.record({ at: fc.nat(GROUPS - 1), to: fc.option(fc.nat(GROUPS + 1), { nil: undefined }) }), { maxLength: 5 }),
  prune: fc.boolean(),
  dropped: fc.array(fc.boolean(), { minLength: GROUPS, maxLength: GROUPS }),
  regionChanges: fc.array(fc.option(fc.constantFrom(...REGIONS), { nil: undefined }), { minLength: GROUPS, maxLength: GROUPS }),
  created: fc.array(fc.option(fc.constantFrom(...REGIONS), { nil: undefined }), { maxLength: 2 }),
});
type Scenario = typeof scenarios extends fc.Arbitrary<infer T> ? T : never;

const connectorName = (i: number) => `conn${i}`;
const applicationName = (i: number) => `app0${i}`;

function tenantFrom(s: Scenario): ConnectorGroupWithContents[] {
  const groups = tenantOf(s.regions.map((region, g) => ({
    name: `G${g}`, region, isDefault: g === 0,
    connectors: s.connectors.flatMap((c, i) => (c.at === g ? [connectorName(i)] : [])),
    applications: s.applications.flatMap((a, i) => (a.at === g ? [applicationName(i)] : [])),
  })));
  const inactive = new Set(s.connectors.flatMap((c, i) => (c.active ? [] : [guid(connectorName(i))])));
  for (const g of groups) for (const c of g.members) if (inactive.has(c.id)) c.status = 'inactive';
  return groups;
}

function layoutFrom(s: Scenario, groups: ConnectorGroupWithContents[]): Layout {
  const layout = tenantLayout(groups, { id: guid('tenant') });
  layout.prune = s.prune;
  s.regionChanges.forEach((region, g) => { if (region && g > 0) layout.connectorGroups[g].region = region; });
  s.created.forEach((region, n) => layout.connectorGroups.push({ name: `New${n}`, ...(region ? { region } : {}), connectors: [], applications: [] }));
  const entries = [...layout.connectorGroups];
  s.connectors.forEach((c, i) => { if (c.to !== undefined) list(layout, 'connectors', connectorName(i), entries[c.to % entries.length]); });
  s.applications.forEach((a, i) => { if (a.to !== undefined) list(layout, 'applications', applicationName(i), entries[a.to % entries.length]); });
  layout.connectorGroups = layout.connectorGroups.filter((_entry, g) => g === 0 || g >= GROUPS || !(s.prune && s.dropped[g]));
  return layout;
}

/** After each step, the applications in a group without an active connector that were not so at the start. */
function walk(groups: ConnectorGroupWithContents[], steps: PlanStep[]): { step: number; application: string }[] {
  const home = groups.find((g) => g.isDefault)!.id;
  const active = new Set(groups.flatMap((g) => g.members.filter((c) => c.status === 'active').map((c) => c.id)));
  const connectors = new Map(groups.flatMap((g) => g.members.map((c) => [c.id, g.id])));
  const applications = new Map(groups.flatMap((g) => g.applications.map((a) => [a.id, g.id])));
  const names = new Map(groups.flatMap((g) => g.applications.map((a) => [a.id, a.displayName])));
  const served = (group: string) => [...connectors].some(([id, at]) => at === group && active.has(id));
  const downAtStart = new Set([...applications].filter(([, at]) => !served(at)).map(([id]) => id));
  const start = new Map(applications);
  const found: { step: number; application: string }[] = [];
  steps.forEach((step, index) => {
    if (step.kind === 'moveConnectors') for (const c of step.connectors) connectors.set(c.id, step.to);
    if (step.kind === 'assignApplications') for (const a of step.applications) applications.set(a.id, step.to);
    if (step.kind === 'unassignApplications') for (const a of step.applications) applications.set(a.id, home);
    for (const [id, at] of applications) {
      if (served(at) || (downAtStart.has(id) && start.get(id) === at)) continue;
      found.push({ step: index + 1, application: names.get(id)! });
    }
  });
  return found;
}

describe('layout plan: outages between steps are named', function () {
  this.timeout(60_000);

  it('names every application without an active connector between two steps, with the steps', () => {
    let planned = 0;
    let withOutage = 0;
    fc.assert(fc.property(scenarios, (s) => {
      const groups = tenantFrom(s);
      const plan = planLayout(groups, layoutFrom(s, groups));
      if (!plan.ok) return;
      planned++;
      const atEnd = planWarnings(groups, plan.steps).join(' ');
      const between = stepOutages(groups, plan.steps);
      const down = walk(groups, plan.steps);
      if (down.length > 0) withOutage++;
      for (const { step, application } of down) {
        if (step === plan.steps.length || between.some((o) => o.from <= step && step < o.to && o.applications.includes(application))) continue;
        // Down now and to the end: the end-state warning names it.
        const toTheEnd = down.filter((d) => d.application === application && d.step >= step).length === plan.steps.length - step + 1;
        if (toTheEnd && atEnd.includes(application)) continue;
        assert.fail(`${application} has no active connector after step ${step} of ${plan.steps.length}, and no warning names it: ${JSON.stringify(between)} | ${atEnd}`);
      }
      for (const d of down.filter((x) => x.step === plan.steps.length)) assert.ok(atEnd.includes(d.application), `${d.application} ends without an active connector, unnamed`);
    }), { numRuns: 400, seed: Number(process.env.PROPERTY_SEED ?? 20261202) });
    // The property says something only if plans are made and some of them cut applications off.
    assert.ok(planned >= 100, `only ${planned} of 400 layouts were planned`);
    assert.ok(withOutage >= 10, `only ${withOutage} plans cut an application off`);
  });
});
