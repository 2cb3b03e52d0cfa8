// End-to-end: the layout loop as a person runs it: Export Layout from the tenant's context menu,
// the file edited, Preview Plan from the editor title (the diff and the numbered steps), then
// Apply Plan with its confirmation and progress, and the sandbox holding what the file says.
import assert from 'node:assert/strict';
import { openConnectorGroupsView } from '../host/workbench.mjs';
import { applyShownPlan, editLayout, exportLayout } from './layoutFile.mjs';
import { useWorkbench } from './workbenchFixture.mjs';

describe('workbench: layout as code', function () {
  this.timeout(240_000);
  const fixture = useWorkbench({ viewport: { width: 1600, height: 900 } });

  it('exports a layout, previews the plan beside a diff, and applies it with progress', async () => {
    const { wb, sandbox } = fixture;
    const { page } = wb;
    const view = await openConnectorGroupsView(page);
    await view.locator('.monaco-list-row', { hasText: 'EU Frankfurt' }).waitFor({ timeout: 30_000 });
    const file = await exportLayout(wb, view);
    // The edit a reviewer would make: two connectors to Default, a rename, a new group holding Wiki.
    const { layout, wiki } = await editLayout(wb, file);
    const group = (name) => layout.connectorGroups.find((g) => g.name === name);

    // Slow answers, so the progress of the run can be seen.
    await sandbox.options({ latencyMs: 600 });
    await page.locator('.editor-actions .action-label[aria-label="Preview Plan"]').first().click();
    await page.locator('.tab', { hasText: 'Plan – contoso-sandbox.txt' }).waitFor({ timeout: 30_000 });
    await page.locator('.tab', { hasText: '↔' }).waitFor({ timeout: 15_000 });
    const plan = page.locator('.editor-group-container', { hasText: '4 steps.' }).locator('.view-lines');
    await plan.locator('.view-line', { hasText: "1. Create 'Helsinki' in Europe (eur)" }).waitFor({ timeout: 15_000 });
    // The diff marks what the file changes. Beside the plan it may be drawn inline, with hidden
    // zones of the same classes: only a mark that is shown counts, whichever is drawn first.
    const marks = '.line-insert, .char-insert, .line-delete, .char-delete'.split(', ').map((c) => `.monaco-diff-editor ${c}`).join(', ');
    await page.locator(marks).filter({ visible: true }).first().waitFor({ timeout: 15_000 })
      .catch(async (error) => { await wb.screenshot('layout-diff-missing'); throw error; });
    await wb.screenshot('layout-plan');

    await applyShownPlan(wb, 4);
    await page.locator('.notification-toast', { hasText: "Applying the plan to 'Contoso (sandbox)'" }).waitFor({ timeout: 15_000 });
    await page.waitForTimeout(400);
    await wb.screenshot('layout-applying');
    await page.locator('.notification-toast', { hasText: 'Applied 4 steps' }).waitFor({ timeout: 60_000 });
    await page.locator('.view-line', { hasText: "[done] Create 'Helsinki'" }).first().waitFor({ timeout: 15_000 });
    await wb.screenshot('layout-applied');
    await sandbox.options({ latencyMs: 0 });

    const state = await sandbox.state();
    const helsinki = state.groups.find((g) => g.name === 'Helsinki');
    assert.ok(helsinki, 'the new group exists');
    assert.deepEqual(helsinki.applications, [wiki.id]);
    assert.ok(state.groups.some((g) => g.name === 'Europe Frankfurt'));
    const home = state.groups.find((g) => g.isDefault);
    for (const connector of group('Default').connectors) assert.ok(home.members.includes(connector.id));
    await view.locator('.monaco-list-row', { hasText: 'Helsinki' }).waitFor({ timeout: 15_000 });
  });
});
