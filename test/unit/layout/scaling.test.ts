// The whole-tenant layout loop (tenant as a layout, write, read, plan, warnings, text, the tenant's
// side of the diff) does work in proportion to the tenant: counted in items scanned by array searches
// and map look-ups, not in milliseconds, so a slow machine cannot fail it and a quadratic step
// (one index built per group, a search per item) cannot pass it.
import * as assert from 'node:assert/strict';
import type { ConnectorGroupWithContents } from '../../../src/graph/types';
import { readLayout, writeLayout } from '../../../src/layout/layoutFile';
import { planNotes } from '../../../src/layout/planImpact';
import { planLayout } from '../../../src/layout/planner';
import { planText } from '../../../src/layout/planText';
import { tenantLayout } from '../../../src/layout/tenantLayout';

const SCANS = ['find', 'findIndex', 'filter', 'some', 'every', 'includes', 'indexOf', 'map', 'forEach', 'reduce', 'flatMap'] as const;

/** Runs `work` with every array scan counted by its length and every Map and Set look-up or insert as one. */
function countWork(work: () => void): number {
  let count = 0;
  const originals: [object, string, unknown][] = [];
  const wrap = (target: object, name: string, cost: (self: unknown) => number) => {
    const original = (target as Record<string, (...args: unknown[]) => unknown>)[name];
    originals.push([target, name, original]);
    (target as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
      count += cost(this);
      return original.apply(this, args);
    };
  };
  for (const name of SCANS) wrap(Array.prototype, name, (self) => (self as unknown[]).length);
  for (const name of ['get', 'set', 'has']) wrap(Map.prototype, name, () => 1);
  for (const name of ['add', 'has']) wrap(Set.prototype, name, () => 1);
  try {
    work();
  } finally {
    for (const [target, name, original] of originals) (target as Record<string, unknown>)[name] = original;
  }
  return count;
}

/** A tenant of `n` groups with three connectors and four applications each, and its default group. */
function tenant(n: number): ConnectorGroupWithContents[] {
  const guid = (kind: number, i: number) => `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
  return Array.from({ length: n }, (_, g) => ({
    id: guid(1, g),
    name: g === 0 ? 'Default' : `Group ${g}`,
    connectorGroupType: 'applicationProxy',
    isDefault: g === 0,
    region: 'nam',
    members: Array.from({ length: 3 }, (_, c) => ({ id: guid(2, g * 3 + c), machineName: `C${g}-${c}`, externalIp: '', status: 'active', version: '1.5.3417.0' })),
    applications: Array.from({ length: 4 }, (_, a) => ({ id: guid(3, g * 4 + a), appId: guid(4, g * 4 + a), displayName: `App ${g}-${a}` })),
  }));
}

/** Every group renamed and every connector moved on to the next group: the largest plan a layout makes. */
function wholeTenantLoop(groups: ConnectorGroupWithContents[]): void {
  const layout = tenantLayout(groups, { id: '00000000-0000-4000-8000-000000000be0' });
  layout.connectorGroups.forEach((g, i) => {
    g.name = `${g.name} (renamed)`;
    g.connectors = groups[(i + 1) % groups.length].members.map((c) => ({ id: c.id, label: c.machineName }));
  });
  const read = readLayout(writeLayout(layout));
  if (!read.ok) throw new Error(read.problems[0].message);
  const plan = planLayout(groups, read.layout);
  if (!plan.ok) throw new Error(plan.refusals[0]);
  planNotes(groups, plan.steps);
  planText(plan.steps, []);
  tenantLayout(groups, read.layout.tenant, read.layout);
}

describe('layouts at scale: work in proportion to the tenant', () => {
  it('does about four times the work for four times the groups (a quadratic step would do sixteen)', () => {
    const small = tenant(150);
    const large = tenant(600);
    // Warm up once, so the first run's one-time work is not counted against the small tenant.
    wholeTenantLoop(tenant(10));
    const smallWork = countWork(() => wholeTenantLoop(small));
    const largeWork = countWork(() => wholeTenantLoop(large));
    const ratio = largeWork / smallWork;
    assert.ok(smallWork > 10_000, `the counter saw the work (${smallWork})`);
    assert.ok(ratio < 6, `150 groups: ${smallWork} items scanned or looked up; 600 groups: ${largeWork} (${ratio.toFixed(1)}×)`);
  });
});
