// End-to-end: the demo workspace's layout file declares where Asia Singapore fails over to; Fail
// Over… and Fail Back… on the group open their plans, and Apply moves its applications there and back.
import assert from 'node:assert/strict';
import { openConnectorGroupsView, runContextMenu } from '../host/workbench.mjs';
import { applyShownPlan } from './layoutFile.mjs';
import { useWorkbench } from './workbenchFixture.mjs';

const APPS = ['Warehouse Dashboard', 'Ticketing'];

describe('workbench: fail over and fail back', function () {
  this.timeout(240_000);
  const fixture = useWorkbench({ viewport: { width: 1600, height: 900 }, demoLayout: true });

  async function applyFrom(tabTitle) {
    const { page } = fixture.wb;
    await page.locator('.tab', { hasText: tabTitle }).first().waitFor({ timeout: 30_000 });
    await page.locator('.editor-group-container', { hasText: '1 step.' }).first().waitFor({ timeout: 15_000 });
    await fixture.wb.screenshot(tabTitle.toLowerCase().replace(/[^a-z]+/g, '-'));
    const dialog = await applyShownPlan(fixture.wb, 1);
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });
  }

  async function groupOf(app) {
    const state = await fixture.sandbox.state();
    const groupId = state.applications.find((a) => a.displayName === app).groupId;
    return state.groups.find((g) => g.id === groupId).name;
  }

  async function waitForGroups(expected) {
    for (let tries = 0; tries < 150; tries++) {
      if ((await Promise.all(APPS.map(groupOf))).every((g) => g === expected)) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.fail(`${APPS.join(', ')} are not all in '${expected}'`);
  }

  it('moves the group\'s applications to its declared fail-over group, and back', async () => {
    const view = await openConnectorGroupsView(fixture.wb.page);
    const singapore = view.locator('.monaco-list-row', { hasText: 'Asia Singapore' }).first();
    await runContextMenu(fixture.wb.page, singapore, 'Fail Over…');
    await applyFrom('Fail over Asia Singapore to EU Frankfurt');
    await waitForGroups('EU Frankfurt');
    await view.locator('.monaco-list-row', { hasText: 'Asia Singapore' }).filter({ hasText: '0 apps' }).waitFor({ timeout: 30_000 });
    await fixture.wb.screenshot('failed-over');
    await runContextMenu(fixture.wb.page, view.locator('.monaco-list-row', { hasText: 'Asia Singapore' }).first(), 'Fail Back…');
    await applyFrom('Fail back Asia Singapore');
    await waitForGroups('Asia Singapore');
  });
});
