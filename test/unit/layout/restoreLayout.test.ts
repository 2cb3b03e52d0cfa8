// Restoring a history snapshot against the sandbox: the tenant saved, then changed in every way a
// plan can (renamed, regions set, items moved, a group deleted and one created), then the snapshot
// made reachable and applied: the sandbox holds what it held when the snapshot was taken.
import * as assert from 'node:assert/strict';
import { applySteps } from '../../../src/layout/applyPlan';
import { planLayout } from '../../../src/layout/planner';
import { restoreLayout } from '../../../src/layout/restoreLayout';
import { tenantLayout } from '../../../src/layout/tenantLayout';
import { useLayoutSandbox } from './layoutSandbox';

const FAST = { settleMs: 0, windowMs: 200, intervalMs: 50 };

describe('tenant history: a snapshot restored', function () {
  this.timeout(60_000);
  const { read, words } = useLayoutSandbox();

  it('brings back a deleted group by name, with its items, and takes out one created since', async () => {
    const saved = await words();
    const snapshot = { ...tenantLayout((await read()).groups, { id: 's' }), prune: true };

    // Changed since: Australia Sydney emptied into Default and deleted, EU renamed, India Pune's
    // region set, a group created holding Wiki.
    const now = await read();
    const changed = tenantLayout(now.groups, { id: 's' });
    changed.prune = true;
    const byName = (name: string) => changed.connectorGroups.find((g) => g.name === name)!;
    const eu = byName('EU Frankfurt');
    eu.name = 'Europe';
    byName('India Pune').region = 'aus';
    const wiki = eu.applications!.splice(eu.applications!.findIndex((a) => a.label === 'Wiki'), 1);
    changed.connectorGroups.push({ name: 'Later', connectors: [], applications: wiki });
    changed.connectorGroups = changed.connectorGroups.filter((g) => g.name !== 'Australia Sydney');
    const change = planLayout(now.groups, changed);
    assert.ok(change.ok);
    assert.ok((await applySteps(now, change.steps, { timing: FAST })).outcomes.every((o) => o.state === 'done'));
    assert.notDeepEqual(await words(), saved);

    const current = await read();
    // As read, the snapshot names a group that no longer exists: the plan would refuse it.
    assert.equal(planLayout(current.groups, snapshot).ok, false);
    const { layout, notes } = restoreLayout(snapshot, current.groups);
    assert.deepEqual(notes, ["'Australia Sydney' was deleted since: it is created again, with a new id."]);
    const restore = planLayout(current.groups, layout);
    assert.ok(restore.ok, restore.ok ? '' : restore.refusals.join(' | '));
    const result = await applySteps(current, restore.steps, { timing: FAST });
    assert.ok(result.outcomes.every((o) => o.state === 'done'), JSON.stringify(result.outcomes));
    assert.deepEqual(await words(), saved);
  });

  it('leaves out what the tenant no longer has, and a region Graph does not take, and says so', () => {
    const groups = [
      { id: 'g1', name: 'Default', isDefault: true, region: 'nam', connectorGroupType: 'applicationProxy', members: [], applications: [] },
    ];
    const { layout, notes } = restoreLayout({
      tenant: { id: 's' }, prune: true,
      connectorGroups: [
        { id: 'g1', name: 'Default', isDefault: true, connectors: [{ id: 'c-gone', label: 'OLD-01' }], applications: [] },
        { id: 'g2', name: 'Tokyo', region: 'japan', connectors: [], applications: [{ id: 'a-gone', label: 'CRM' }] },
      ],
    }, groups);
    assert.deepEqual(layout.connectorGroups, [
      { id: 'g1', name: 'Default', isDefault: true, connectors: [], applications: [] },
      { name: 'Tokyo', connectors: [], applications: [] },
    ]);
    assert.deepEqual(notes, [
      "'Default' had connectors the tenant no longer has (OLD-01): they are left out.",
      "'Tokyo' was deleted since: it is created again, with a new id.",
      "'Tokyo' had the region 'japan', which Graph does not take: it is created in the default region.",
      "'Tokyo' had applications the tenant no longer publishes through Application Proxy (CRM): they are left out.",
    ]);
  });
});
