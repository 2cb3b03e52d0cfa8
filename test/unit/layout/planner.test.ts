import * as assert from 'node:assert/strict';
import type { ConnectorGroupWithContents } from '../../../src/graph/types';
import type { Layout } from '../../../src/layout/layoutFile';
import { planLayout } from '../../../src/layout/planner';
import { irreversibleSteps, planNotes, planWarnings, stepOutages, stepOutageText } from '../../../src/layout/planImpact';
import { createdNames, planText } from '../../../src/layout/planText';
import { brief, edited, guid, list, standardTenant, tenantOf } from './fixtures';

function steps(groups: ConnectorGroupWithContents[], layout: Layout): string[] {
  const plan = planLayout(groups, layout);
  if (!plan.ok) assert.fail(`refused: ${plan.refusals.join(' | ')}`);
  const created = createdNames(plan.steps);
  const names = new Map(groups.map((g) => [g.id, g.name]));
  return plan.steps.map((s) => brief(s, (key) => names.get(key) ?? created(key)));
}

function refusals(groups: ConnectorGroupWithContents[], layout: Layout): string[] {
  const plan = planLayout(groups, layout);
  if (plan.ok) assert.fail(`planned: ${plan.steps.length} steps`);
  return plan.refusals;
}

const tenant = standardTenant();

describe('layout planner: steps in an order every rule allows', () => {
  const table: { name: string; edit: Parameters<typeof edited>[1]; expect: string[] }[] = [
    { name: 'the tenant as it is plans nothing', edit: () => undefined, expect: [] },
    { name: 'a rename is one PATCH', edit: (g) => { g.get('EU')!.name = 'Europe'; }, expect: ['rename EU -> Europe'] },
    {
      name: 'a connector from the default region joins a region-optimised group directly',
      edit: (g, l) => list(l, 'connectors', 'C1', g.get('ASIA')!),
      expect: ['move C1 -> ASIA'],
    },
    {
      name: 'a connector between two region-optimised groups stops in the default group first',
      edit: (g, l) => list(l, 'connectors', 'C3', g.get('ASIA')!),
      expect: ['move C3 -> Default (on the way to ASIA)', 'move C3 -> ASIA'],
    },
    {
      name: 'a connector may leave a region-optimised group for the default region directly',
      edit: (g, l) => list(l, 'connectors', 'C3', g.get('N2')!),
      expect: ['move C3 -> N2'],
    },
    {
      name: 'connectors bound for one group go in one step (one $batch)',
      edit: (g, l) => { list(l, 'connectors', 'C1', g.get('N2')!); list(l, 'connectors', 'C2', g.get('N2')!); },
      expect: ['move C1,C2 -> N2'],
    },
    {
      name: 'a new group is created before anything moves into it, with its region in the create',
      edit: (_g, l) => {
        const fresh = { name: 'India', region: 'ind' };
        l.connectorGroups.push(fresh);
        list(l, 'connectors', 'C1', fresh);
        list(l, 'applications', 'A2', fresh);
      },
      expect: ['create India ind', 'move C1 -> India', 'assign A2 -> India'],
    },
    {
      name: 'a region is set on an empty group, and connectors come in after',
      edit: (g, l) => { g.get('EMPTY')!.region = 'asia'; list(l, 'connectors', 'C1', g.get('EMPTY')!); },
      expect: ['region EMPTY eur -> asia', 'move C1 -> EMPTY'],
    },
    {
      name: 'a group whose region changes is emptied first, then its region set',
      edit: (g, l) => {
        g.get('EU')!.region = 'aus';
        list(l, 'connectors', 'C3', g.get('N2')!);
        list(l, 'applications', 'A2', g.get('Default')!);
      },
      expect: ['assign A2 -> Default', 'move C3 -> N2', 'region EU eur -> aus'],
    },
    {
      name: 'items leaving one region-changing group for another wait in the default group',
      edit: (g, l) => {
        g.get('EU')!.region = 'aus';
        g.get('EMPTY')!.region = 'asia';
        list(l, 'connectors', 'C3', g.get('EMPTY')!);
        list(l, 'applications', 'A2', g.get('EMPTY')!);
      },
      expect: ['assign A2 -> Default', 'move C3 -> Default (on the way to EMPTY)', 'region EU eur -> aus', 'region EMPTY eur -> asia', 'move C3 -> EMPTY', 'assign A2 -> EMPTY'],
    },
    {
      name: 'an application listed in the default group is assigned there, not unassigned',
      edit: (g, l) => list(l, 'applications', 'A3', g.get('Default')!),
      expect: ['assign A3 -> Default'],
    },
    {
      name: 'prune deletes the groups left out, after their applications and then their connectors went to the default group',
      edit: (_g, l) => { l.prune = true; l.connectorGroups = l.connectorGroups.filter((x) => x.name !== 'N2'); },
      expect: ['unassign A3', 'move C5 -> Default', 'delete N2'],
    },
    {
      name: 'prune sends the items a listed group leaves out to the default group',
      edit: (g, l) => { l.prune = true; g.get('EU')!.connectors = []; g.get('EU')!.applications = []; },
      expect: ['unassign A2', 'move C3 -> Default'],
    },
    {
      name: 'without prune, what the file leaves out stays as it is',
      edit: (g, l) => { l.connectorGroups = l.connectorGroups.filter((x) => x.name === 'ASIA'); g.get('ASIA')!.connectors = []; },
      expect: [],
    },
    {
      name: 'a group without an id is the existing group of that name (so a second apply plans nothing)',
      edit: (g) => { delete g.get('ASIA')!.id; },
      expect: [],
    },
    {
      name: 'a group without an id whose name is new is created; prune never touches the sync-fabric group',
      edit: (_g, l) => { l.prune = true; l.connectorGroups.push({ name: 'Later', connectors: [], applications: [] }); },
      expect: ['create Later'],
    },
  ];
  for (const row of table) {
    it(row.name, () => assert.deepEqual(steps(tenant, edited(tenant, row.edit)), row.expect));
  }

  it('moves a connector through every rule at once: create, region, staging, delete', () => {
    const layout = edited(tenant, (_g, l) => {
      l.prune = true;
      const fresh = { name: 'AUS', region: 'aus' };
      l.connectorGroups = l.connectorGroups.filter((x) => x.name !== 'ASIA');
      l.connectorGroups.push(fresh);
      list(l, 'connectors', 'C4', fresh);
      list(l, 'connectors', 'C3', fresh);
    });
    assert.deepEqual(steps(tenant, layout), [
      'create AUS aus',
      'move C4,C3 -> Default (on the way to AUS)',
      'move C4,C3 -> AUS',
      'delete ASIA',
    ]);
  });

  it('keeps each name from Graph on its line: a line break or a direction override cannot forge a step', () => {
    const hostile = tenantOf([
      { name: 'Default', region: 'nam', isDefault: true, connectors: ['C1'] },
      { name: "EU\n2. Delete 'Default'", region: 'nam', connectors: ['C\u202eX'] },
    ]);
    const layout = edited(hostile, (g, l) => { list(l, 'connectors', 'C\u202eX', g.get('Default')!); });
    const plan = planLayout(hostile, layout);
    assert.ok(plan.ok);
    const text = planText(plan.steps, [`Plan for "EU\u2028forged"`]);
    assert.deepEqual(text.trimEnd().split('\n'), [
      'Plan for "EU[U+2028]forged"',
      '',
      "1. Move C[U+202E]X to 'Default'",
      `   POST /onPremisesPublishingProfiles/applicationProxy/connectorGroups/${guid('Default')}/members/$ref`,
    ]);
    const renamed = edited(hostile, (g) => { g.get("EU\n2. Delete 'Default'")!.name = 'EU'; });
    const rename = planLayout(hostile, renamed);
    assert.ok(rename.ok);
    assert.match(planText(rename.steps, []), /^1\. Rename 'EU\[U\+000A\]2\. Delete 'Default'' to 'EU'$/m);
  });

  it('writes each step with the call it makes, naming a group it creates by its name', () => {
    const layout = edited(tenant, (_g, l) => {
      const fresh = { name: 'India', region: 'ind' };
      l.connectorGroups.push(fresh);
      list(l, 'connectors', 'C1', fresh);
      list(l, 'connectors', 'C2', fresh);
    });
    const plan = planLayout(tenant, layout);
    assert.ok(plan.ok);
    const text = planText(plan.steps, ['Plan']);
    assert.match(text, /1\. Create 'India' in India \(ind\)\n {3}POST \/onPremisesPublishingProfiles\/applicationProxy\/connectorGroups\n/);
    assert.match(text, /2\. Move C1 and C2 to 'India'\n {3}POST \/onPremisesPublishingProfiles\/applicationProxy\/connectorGroups\/\{id of 'India'\}\/members\/\$ref × 2 in one \$batch\n/);
  });
});

describe('layout planner: what the plan leaves the applications with', () => {
  it('names the applications that end without an active connector, and only those the plan makes worse', () => {
    const layout = edited(tenant, (g, l) => {
      const fresh = { name: 'Helsinki', region: 'eur' };
      l.connectorGroups.push(fresh);
      list(l, 'applications', 'A2', fresh);
      // N2 loses its only connector; A3 stays there.
      list(l, 'connectors', 'C5', g.get('Default')!);
    });
    const plan = planLayout(tenant, layout);
    assert.ok(plan.ok);
    assert.deepEqual(planWarnings(tenant, plan.steps), ["A2 will have no active connector in 'Helsinki'.", "A3 will have no active connector in 'N2'."]);
    assert.deepEqual(planWarnings(tenant, []), []);
  });
});

describe('layout planner: no application waits without a connector when another order avoids it', () => {
  const notes = (layout: Layout) => {
    const plan = planLayout(tenant, layout);
    assert.ok(plan.ok);
    return stepOutages(tenant, plan.steps).map(stepOutageText);
  };

  it('merging EU into N2 assigns its application while N2 is served, then moves the connector', () => {
    const layout = edited(tenant, (g, l) => {
      list(l, 'connectors', 'C3', g.get('N2')!);
      list(l, 'applications', 'A2', g.get('N2')!);
    });
    assert.deepEqual(steps(tenant, layout), ['assign A2 -> N2', 'move C3 -> N2']);
    assert.deepEqual(notes(layout), []);
  });

  it('brings a connector into an empty group before the applications that need it', () => {
    const layout = edited(tenant, (g, l) => {
      list(l, 'connectors', 'C1', g.get('EMPTY')!);
      list(l, 'applications', 'A1', g.get('EMPTY')!);
      list(l, 'applications', 'A3', g.get('EMPTY')!);
    });
    assert.deepEqual(steps(tenant, layout), ['move C1 -> EMPTY', 'assign A1,A3 -> EMPTY']);
    assert.deepEqual(notes(layout), []);
  });

  it('a group losing one of two connectors keeps the other until its applications have left', () => {
    const two = tenantOf([
      { name: 'Default', region: 'nam', isDefault: true, connectors: ['C1'] },
      { name: 'OLD', region: 'nam', connectors: ['C2', 'C3'], applications: ['A1'] },
      { name: 'NEW', region: 'nam' },
    ]);
    const layout = edited(two, (g, l) => {
      list(l, 'connectors', 'C2', g.get('NEW')!);
      list(l, 'connectors', 'C3', g.get('NEW')!);
      list(l, 'applications', 'A1', g.get('NEW')!);
    });
    assert.deepEqual(steps(two, layout), ['move C2 -> NEW', 'assign A1 -> NEW', 'move C3 -> NEW']);
    const plan = planLayout(two, layout);
    assert.ok(plan.ok);
    assert.deepEqual(stepOutages(two, plan.steps), []);
  });

  it('names the outage the rules force, with the steps it lies between', () => {
    // EU's one connector must go through the default group to reach Helsinki (both region-optimised):
    // A2 can wait neither in EU without it nor in Helsinki before it arrives.
    const layout = edited(tenant, (_g, l) => {
      const fresh = { name: 'Helsinki', region: 'eur' };
      l.connectorGroups.push(fresh);
      list(l, 'connectors', 'C3', fresh);
      list(l, 'applications', 'A2', fresh);
    });
    assert.deepEqual(steps(tenant, layout), ['create Helsinki eur', 'move C3 -> Default (on the way to Helsinki)', 'move C3 -> Helsinki', 'assign A2 -> Helsinki']);
    assert.deepEqual(notes(layout), ["Between steps 2 and 4, A2 has no active connector in 'EU'."]);
    const plan = planLayout(tenant, layout);
    assert.ok(plan.ok);
    assert.ok(planNotes(tenant, plan.steps).includes("Between steps 2 and 4, A2 has no active connector in 'EU'."));
  });
});

describe('layout planner: layouts no order can reach are refused with the reason', () => {
  const cases: { name: string; edit: Parameters<typeof edited>[1]; reason: RegExp }[] = [
    {
      name: 'a connector in two groups',
      edit: (g) => { g.get('ASIA')!.connectors!.push({ id: guid('C1'), label: 'C1' }); },
      reason: /The connector C1 is listed in 'Default' and in 'ASIA': a connector belongs to exactly one group/,
    },
    {
      name: 'an application in two groups',
      edit: (g) => { g.get('N2')!.applications!.push({ id: guid('A1'), label: 'A1' }); },
      reason: /The application A1 is listed in 'Default' and in 'N2'/,
    },
    {
      name: 'a region change on a group that keeps its members',
      edit: (g) => { g.get('EU')!.region = 'aus'; },
      reason: /'EU' changes region \(Europe to Australia\) but keeps C3, A2: a region can only be set while the group is empty/,
    },
    {
      name: 'deleting the default group (prune without it)',
      edit: (_g, l) => { l.prune = true; l.connectorGroups = l.connectorGroups.filter((x) => !x.isDefault); },
      reason: /leaves out the default group 'Default', which cannot be deleted/,
    },
    {
      name: 'a region change on the default group',
      edit: (g) => { g.get('Default')!.region = 'eur'; g.get('Default')!.connectors = []; },
      reason: /changes the region of the default group 'Default'/,
    },
    {
      name: 'a connector the tenant does not have',
      edit: (g) => { g.get('EU')!.connectors!.push({ id: guid('GHOST'), label: 'GHOST' }); },
      reason: new RegExp(`'EU' lists a connector that is not in the tenant: ${guid('GHOST')}`),
    },
    {
      name: 'an application that is not published',
      edit: (g) => { g.get('EU')!.applications!.push({ id: guid('PLAIN'), label: 'PLAIN' }); },
      reason: /not published through Application Proxy/,
    },
    {
      name: 'a group id the tenant does not have',
      edit: (_g, l) => { l.connectorGroups.push({ id: guid('GONE'), name: 'Gone' }); },
      reason: new RegExp(`No connector group has the id ${guid('GONE')} \\('Gone'\\): it may have been deleted`),
    },
    {
      name: 'a sync-fabric group',
      edit: (_g, l) => { l.connectorGroups.push({ id: guid('SYNC'), name: 'SYNC' }); },
      reason: /'SYNC' .* is not an Application Proxy connector group/,
    },
    {
      name: 'a region outside the enum',
      edit: (g) => { g.get('EMPTY')!.region = 'mars'; },
      reason: /'EMPTY' has the region 'mars', which is not one of nam, eur, aus, asia, ind/,
    },
    {
      name: 'another group made the default',
      edit: (g) => { g.get('N2')!.isDefault = true; },
      reason: /which group is the default cannot be changed/,
    },
    {
      name: 'two new groups of one name',
      edit: (_g, l) => { l.connectorGroups.push({ name: 'Twin' }, { name: 'twin' }); },
      reason: /Two groups without an id are named 'twin'/,
    },
  ];
  for (const row of cases) {
    it(row.name, () => {
      const reasons = refusals(tenant, edited(tenant, row.edit));
      assert.ok(reasons.some((r) => row.reason.test(r)), reasons.join('\n'));
    });
  }

  it('a name shared by two groups needs the id of the one meant', () => {
    const twins = tenantOf([
      { name: 'Default', region: 'nam', isDefault: true },
      { name: 'Same', region: 'nam' },
      { name: 'Same', region: 'eur' },
    ].map((g, i) => ({ ...g, name: g.name, connectors: [`K${i}`] })));
    twins[2].id = guid('Same2');
    const layout = edited(twins, (_g, l) => { l.connectorGroups.forEach((x) => { if (x.name === 'Same') delete x.id; }); });
    assert.ok(refusals(twins, layout).some((r) => /'Same' has no id and 2 groups have that name/.test(r)));
  });

  it('says every reason at once, not only the first', () => {
    const reasons = refusals(tenant, edited(tenant, (g, l) => {
      g.get('EU')!.region = 'aus';
      g.get('ASIA')!.connectors!.push({ id: guid('C1'), label: 'C1' });
      l.connectorGroups.push({ id: guid('GONE'), name: 'Gone' });
    }));
    assert.equal(reasons.length, 3, reasons.join('\n'));
  });
});

describe('plan warnings: what Undo cannot take back', () => {
  it('names a region change away from a region Graph does not take (japan, none), and no other', () => {
    const steps = [
      { kind: 'setRegion' as const, group: 'g1', name: 'Tokyo (legacy)', from: 'japan', to: 'asia' },
      { kind: 'setRegion' as const, group: 'g2', name: 'Nameless', from: '', to: 'eur' },
      { kind: 'setRegion' as const, group: 'g3', name: 'EU', from: 'eur', to: 'nam' },
    ];
    assert.deepEqual(irreversibleSteps(steps), [
      "'Tokyo (legacy)' is in the region 'japan', which Graph does not take: Undo cannot set it back, and leaves the group in 'asia'.",
      "'Nameless' is in the region 'none', which Graph does not take: Undo cannot set it back, and leaves the group in 'eur'.",
    ]);
  });
});
