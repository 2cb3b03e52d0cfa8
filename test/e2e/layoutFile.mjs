// The first half of the layout loop as a person runs it in the workbench: Export Layout from the
// tenant's context menu into the open folder, the file edited on disk, and the editor showing it.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runContextMenu } from '../host/workbench.mjs';

/** Exports the sandbox tenant's layout (the save dialog's proposal taken with Enter); returns the file. */
export async function exportLayout(wb, view) {
  const { page } = wb;
  await runContextMenu(page, view.locator('.monaco-list-row', { hasText: 'Contoso (sandbox)' }).first(), 'Export Layout…');
  const file = path.join(wb.workspace, 'contoso-sandbox.connectorgroups.json');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 15_000 });
  await page.waitForFunction(() => /\.connectorgroups\.json$/.test(document.querySelector('.quick-input-widget input')?.value ?? ''), undefined, { timeout: 15_000 })
    .catch(async (error) => { await wb.screenshot('layout-save-dialog'); throw error; });
  assert.match(await input.inputValue(), /\/contoso-sandbox\.connectorgroups\.json$/);
  await page.keyboard.press('Enter');
  await page.locator('.tab', { hasText: 'contoso-sandbox.connectorgroups.json' }).waitFor({ timeout: 15_000 });
  return file;
}

/**
 * The edit a reviewer would make: two connectors of EU Frankfurt to Default, a rename, and a new
 * group (Helsinki) holding Wiki. Written on disk, then shown in the editor. Returns the layout written.
 */
export async function editLayout(wb, file, newGroup = 'Helsinki') {
  const { page } = wb;
  const layout = JSON.parse(readFileSync(file, 'utf8'));
  const group = (name) => layout.connectorGroups.find((g) => g.name === name);
  const eu = group('EU Frankfurt');
  group('Default').connectors.push(...eu.connectors.splice(0, 2));
  eu.name = 'Europe Frankfurt';
  const wiki = eu.applications.splice(eu.applications.findIndex((a) => a.displayName === 'Wiki'), 1);
  layout.connectorGroups.push({ name: newGroup, region: 'eur', connectors: [], applications: wiki });
  writeFileSync(file, `${JSON.stringify(layout, null, 2)}\n`);
  // The editor reads the file again from disk. Its watcher may take a while to notice, and a
  // revert chosen while the palette still filters can miss: try again until the edit shows.
  for (let attempt = 1; ; attempt++) {
    await wb.runCommand('File: Revert File');
    // Find brings the line into view wherever the editor was scrolled to.
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+f');
    await page.keyboard.type(newGroup);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    const shown = await page.locator('.view-lines', { hasText: newGroup }).first().waitFor({ timeout: 10_000 }).then(() => true, () => false);
    if (shown) return { layout, wiki: wiki[0] };
    if (attempt === 3) {
      await wb.screenshot('layout-revert-missing');
      assert.fail('the editor never showed the file as edited on disk');
    }
  }
}

/** Preview Plan from the editor title, then Apply Plan… from the plan's title, confirmed. */
export async function previewAndApply(wb, steps) {
  const { page } = wb;
  await page.locator('.editor-actions .action-label[aria-label="Preview Plan"]').first().click();
  await page.locator('.tab', { hasText: 'Plan – contoso-sandbox.txt' }).waitFor({ timeout: 30_000 });
  await page.locator('.editor-group-container', { hasText: `${steps} steps.` }).first().waitFor({ timeout: 15_000 });
  await applyShownPlan(wb, steps);
}

/** Apply Plan… from the title of the plan shown, and the confirmation's Apply, after checking what it asks. */
export async function applyShownPlan(wb, steps) {
  const { page } = wb;
  await page.locator('.editor-actions .action-label[aria-label="Apply Plan…"]').first().click();
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: 15_000 });
  assert.match(await dialog.innerText(), new RegExp(`Apply ${steps} ${steps === 1 ? 'step' : 'steps'} to 'Contoso \\(sandbox\\)'\\?`));
  await dialog.locator('.monaco-button', { hasText: /^Apply$/ }).click();
  return dialog;
}
