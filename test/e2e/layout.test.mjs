// End-to-end: the layout loop as a person runs it: Export Layout from the tenant's context menu,
// the file edited, Preview Plan from the editor title (the diff and the numbered steps), then
// Apply Plan with its confirmation and progress, and the sandbox holding what the file says.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openConnectorGroupsView, runContextMenu } from '../host/workbench.mjs';
import { useWorkbench } from './workbenchFixture.mjs';

describe('workbench: layout as code', function () {
  this.timeout(240_000);
  const fixture = useWorkbench({ viewport: { width: 1600, height: 900 } });

  it('exports a layout, previews the plan beside a diff, and applies it with progress', async () => {
    const { wb, sandbox } = fixture;
    const { page } = wb;
    const view = await openConnectorGroupsView(page);
    await view.locator('.monaco-list-row', { hasText: 'EU Frankfurt' }).waitFor({ timeout: 30_000 });
    await runContextMenu(page, view.locator('.monaco-list-row', { hasText: 'Contoso (sandbox)' }).first(), 'Export Layout…');
    // The save dialog proposes the tenant's name in the open folder; Enter takes it.
    const file = path.join(wb.workspace, 'Contoso (sandbox).connectorgroups.json');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 15_000 });
    await page.waitForFunction(() => /\.connectorgroups\.json$/.test(document.querySelector('.quick-input-widget input')?.value ?? ''), undefined, { timeout: 15_000 })
      .catch(async (error) => { await wb.screenshot('layout-save-dialog'); throw error; });
    assert.match(await input.inputValue(), /Contoso \(sandbox\)\.connectorgroups\.json$/);
    await page.keyboard.press('Enter');
    await page.locator('.tab', { hasText: 'Contoso (sandbox).connectorgroups.json' }).waitFor({ timeout: 15_000 });

    // The edit a reviewer would make: two connectors to Default, a rename, a new group holding Wiki.
    const layout = JSON.parse(readFileSync(file, 'utf8'));
    const group = (name) => layout.connectorGroups.find((g) => g.name === name);
    const eu = group('EU Frankfurt');
    group('Default').connectors.push(...eu.connectors.splice(0, 2));
    eu.name = 'Europe Frankfurt';
    const wiki = eu.applications.splice(eu.applications.findIndex((a) => a.displayName === 'Wiki'), 1);
    layout.connectorGroups.push({ name: 'Helsinki', region: 'eur', connectors: [], applications: wiki });
    writeFileSync(file, `${JSON.stringify(layout, null, 2)}\n`);
    // The editor reads the file again from disk. Its watcher may take a while to notice, and a
    // revert chosen while the palette still filters can miss: try again until the edit shows.
    for (let attempt = 1; ; attempt++) {
      await wb.runCommand('File: Revert File');
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+End');
      const shown = await page.locator('.view-lines', { hasText: 'Helsinki' }).first().waitFor({ timeout: 10_000 }).then(() => true, () => false);
      if (shown) break;
      if (attempt === 3) {
        await wb.screenshot('layout-revert-missing');
        assert.fail('the editor never showed the file as edited on disk');
      }
    }

    // Slow answers, so the progress of the run can be seen.
    await sandbox.options({ latencyMs: 600 });
    await page.locator('.editor-actions .action-label[aria-label="Preview Plan"]').first().click();
    await page.locator('.tab', { hasText: 'Plan – Contoso (sandbox).txt' }).waitFor({ timeout: 30_000 });
    await page.locator('.tab', { hasText: '↔' }).waitFor({ timeout: 15_000 });
    const plan = page.locator('.editor-group-container', { hasText: '4 steps.' }).locator('.view-lines');
    await plan.locator('.view-line', { hasText: "1. Create 'Helsinki' in Europe (eur)" }).waitFor({ timeout: 15_000 });
    // The diff marks what the file changes. Beside the plan it may be drawn inline, with hidden
    // zones of the same classes: only a mark that is shown counts, whichever is drawn first.
    const marks = '.line-insert, .char-insert, .line-delete, .char-delete'.split(', ').map((c) => `.monaco-diff-editor ${c}`).join(', ');
    await page.locator(marks).filter({ visible: true }).first().waitFor({ timeout: 15_000 })
      .catch(async (error) => { await wb.screenshot('layout-diff-missing'); throw error; });
    await wb.screenshot('layout-plan');

    await page.locator('.editor-actions .action-label[aria-label="Apply Plan…"]').first().click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 15_000 });
    assert.match(await dialog.innerText(), /Apply 4 steps to 'Contoso \(sandbox\)'\?/);
    await dialog.locator('.monaco-button', { hasText: /^Apply$/ }).click();
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
    assert.deepEqual(helsinki.applications, [wiki[0].id]);
    assert.ok(state.groups.some((g) => g.name === 'Europe Frankfurt'));
    const home = state.groups.find((g) => g.isDefault);
    for (const connector of group('Default').connectors) assert.ok(home.members.includes(connector.id));
    await view.locator('.monaco-list-row', { hasText: 'Helsinki' }).waitFor({ timeout: 15_000 });
  });
});
