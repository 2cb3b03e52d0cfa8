// End-to-end: dragging connectors and applications onto a group in the real workbench.
import assert from 'node:assert/strict';
import { openConnectorGroupsView } from '../host/workbench.mjs';
import { useWorkbench } from './workbenchFixture.mjs';

/**
 * Opens a folder ("Connectors" or "Applications") of the one expanded group, as a person would: a
 * click that a redraw swallowed (the tree redraws after a drop) is made again, and an open folder
 * is left open.
 */
async function openFolder(view, folder) {
  const row = view.locator('.monaco-list-row', { hasText: new RegExp(`^${folder}`) }).first();
  await row.waitFor({ timeout: 15_000 });
  for (let attempt = 1; attempt <= 3 && (await row.getAttribute('aria-expanded')) !== 'true'; attempt++) {
    await row.click();
    await view.page().waitForTimeout(500);
  }
}

describe('workbench: drag and drop', function () {
  this.timeout(180_000);
  const fixture = useWorkbench();

  it('moves a dragged connector onto a group, and assigns two applications dragged at once after a warning', async () => {
    const { wb, sandbox } = fixture;
    const view = await openConnectorGroupsView(wb.page);
    await view.locator('.monaco-list-row', { hasText: 'EU Frankfurt' }).waitFor({ timeout: 30_000 });
    await view.locator('.monaco-list-row', { hasText: 'EU Frankfurt' }).click();
    await openFolder(view, 'Connectors');
    const connector = view.locator('.monaco-list-row', { hasText: 'FRA-APPPROXY-01' });
    await connector.waitFor({ timeout: 15_000 });
    await connector.dragTo(view.locator('.monaco-list-row', { hasText: /^Default/ }).first());
    const before = (await sandbox.state()).connectors.find((c) => c.machineName.startsWith('FRA-APPPROXY-01'));
    for (let i = 0; i < 50 && (await sandbox.group('Default')).members.length < 4; i++) await wb.page.waitForTimeout(200);
    assert.ok((await sandbox.group('Default')).members.includes(before.id), 'the connector is in Default');
    await openFolder(view, 'Applications');
    const wiki = view.locator('.monaco-list-row', { hasText: 'Wiki' });
    await wiki.waitFor({ timeout: 15_000 });
    await view.locator('.monaco-list-row', { hasText: 'Payroll EU' }).click();
    await wiki.click({ modifiers: ['Control'] });
    await wiki.dragTo(view.locator('.monaco-list-row', { hasText: 'India Pune' }).first());
    // India Pune has no connector: the drop warns first, with "Choose Another Group" as the default button.
    const dialog = wb.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 15_000 });
    assert.match(await dialog.innerText(), /Payroll EU and Wiki will have no active connector in 'India Pune'\./);
    assert.deepEqual((await dialog.locator('.monaco-button').allInnerTexts()).sort(), ['Assign Anyway', 'Cancel', 'Choose Another Group']);
    // The primary (default) button is the only one not styled secondary.
    assert.deepEqual(await dialog.locator('.monaco-button:not(.secondary)').allInnerTexts(), ['Choose Another Group']);
    await wb.screenshot('impact-warning');
    assert.equal((await sandbox.group('India Pune')).applications.length, 0, 'nothing is sent before the answer');
    await dialog.locator('.monaco-button', { hasText: /^Assign Anyway$/ }).click();
    for (let i = 0; i < 50 && (await sandbox.group('India Pune')).applications.length < 2; i++) await wb.page.waitForTimeout(200);
    const pune = await sandbox.group('India Pune');
    const apps = (await sandbox.state()).applications.filter((a) => pune.applications.includes(a.id)).map((a) => a.displayName).sort();
    assert.deepEqual(apps, ['Payroll EU', 'Wiki']);
    await view.locator('.monaco-list-row', { hasText: 'India Pune' }).filter({ hasText: '2 apps' }).waitFor({ timeout: 15_000 });
    await wb.screenshot('tree-after-drop');
    assert.deepEqual(wb.consoleMessages.filter((m) => /circular structure/i.test(m)), []);
  });
});
