// End-to-end: the Health view as an admin uses it — a finding, its fix as a plan, Apply, and the
// finding gone.
import assert from 'node:assert/strict';
import { openConnectorGroupsView, runContextMenu, widenSidebar } from '../host/workbench.mjs';
import { applyShownPlan } from './layoutFile.mjs';
import { useWorkbench } from './workbenchFixture.mjs';

describe('workbench: health', function () {
  this.timeout(240_000);
  const fixture = useWorkbench({ viewport: { width: 1600, height: 900 } });

  it('shows the findings, applies the fix of one as a plan, and the finding goes away', async () => {
    const { wb, sandbox } = fixture;
    await openConnectorGroupsView(wb.page);
    const health = wb.page.locator('.part.sidebar .pane').filter({ has: wb.page.locator('.pane-header', { hasText: 'Health' }) });
    const unused = health.locator('.monaco-list-row', { hasText: "'India Pune' has no connectors and no applications." });
    // The status bar counts the tenants with problems, and opens the Health view.
    const status = wb.page.locator('.part.statusbar .statusbar-item', { hasText: '1 tenant with problems' });
    await status.waitFor({ timeout: 60_000 });
    await status.click();
    await wb.page.locator('.part.sidebar .pane-header.expanded', { hasText: 'Health' }).waitFor({ timeout: 15_000 });
    const down = health.locator('.monaco-list-row', { hasText: "'Australia Sydney' has no active connector" });
    await down.waitFor({ timeout: 15_000 });
    // Wide enough to read each finding, with one open on its applications at risk and its connectors.
    await widenSidebar(wb.page, 420);
    await down.click();
    // The application under the opened finding (level 3), not the finding about its back-end validation.
    await health.locator('.monaco-list-row[aria-level="3"]', { hasText: 'Field Service' }).filter({ hasText: 'at risk' }).waitFor({ timeout: 15_000 });
    await wb.screenshot('health-view');
    // The hint about the unused group is the last row, below the fold of a tenant with many findings.
    await wb.page.keyboard.press('End');
    await unused.waitFor({ timeout: 15_000 });
    await runContextMenu(wb.page, unused, 'Fix…');
    const { page } = wb;
    await page.locator('.tab', { hasText: 'Fix – delete India Pune' }).first().waitFor({ timeout: 30_000 });
    await page.locator('.editor-group-container', { hasText: '1 step.' }).first().waitFor({ timeout: 15_000 });
    await wb.screenshot('health-fix-plan');
    await applyShownPlan(wb, 1);
    await unused.waitFor({ state: 'detached', timeout: 30_000 });
    assert.ok(!(await sandbox.state()).groups.some((g) => g.name === 'India Pune'), 'the group is gone from the tenant');
    await wb.screenshot('health-after-fix');
  });
});
