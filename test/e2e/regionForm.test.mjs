// End-to-end: the region form, from the tree's context menu to Graph and back, in a dark workbench.
import assert from 'node:assert/strict';
import { openConnectorGroupsView, openWorkbench } from '../host/workbench.mjs';
import supportModule from '../../out/test/support/sandboxClient.js';

const { SandboxClient } = supportModule;

describe('workbench: the region form', function () {
  this.timeout(180_000);
  let wb;
  let sandbox;

  before(async () => {
    wb = await openWorkbench({ colorTheme: 'Default Dark Modern' });
    sandbox = new SandboxClient(wb.sandbox.url, wb.sandbox.token);
  });

  after(async () => {
    await wb?.close();
  });

  async function openForm(groupName) {
    const view = await openConnectorGroupsView(wb.page);
    const row = view.locator('.monaco-list-row', { hasText: groupName }).first();
    await row.waitFor({ timeout: 30_000 });
    await row.click({ button: 'right' });
    const item = wb.page.locator('.monaco-menu .action-label', { hasText: 'Edit Region…' });
    // VS Code's menus ignore a click that comes right after they open.
    await item.hover();
    await wb.page.waitForTimeout(300);
    await item.click();
    const frame = wb.page.frameLocator(`iframe.webview.ready`).last().frameLocator('#active-frame');
    await frame.locator('h1', { hasText: `Region of ${groupName}` }).waitFor({ timeout: 30_000 });
    return { view, frame };
  }

  it('changes the region of an empty group: Graph has it, and the tree shows it', async () => {
    const { view, frame } = await openForm('India Pune');
    await wb.screenshot('region-form-open');
    await frame.locator('#region').click();
    // The select draws its list in its shadow root; that list is what a person clicks.
    await frame.locator('#region li[role="option"]', { hasText: 'Europe' }).click();
    await frame.locator('#save').click();
    await frame.locator('#status', { hasText: 'Saved.' }).waitFor({ timeout: 15_000 });
    assert.equal((await sandbox.group('India Pune')).region, 'eur');
    await view.locator('.monaco-list-row', { hasText: 'India Pune' }).filter({ hasText: 'eur ·' }).waitFor({ timeout: 15_000 });
    assert.equal(await frame.locator('#fact-region').innerText(), 'Europe (eur)');
    await wb.screenshot('region-form-saved');
  });

  it('explains why the region of a group with connectors cannot change', async () => {
    const { frame } = await openForm('EU Frankfurt');
    const select = frame.locator('#region');
    assert.equal(await select.getAttribute('disabled'), '');
    await frame.locator('#region-help', { hasText: 'move them to another group first' }).waitFor();
    await wb.screenshot('region-form-locked');
    assert.equal((await sandbox.group('EU Frankfurt')).region, 'eur');
  });

  it('refuses an invalid name in the form, before anything is sent', async () => {
    const { frame } = await openForm('EU Frankfurt');
    await sandbox.call('DELETE', '/_sandbox/requests');
    const name = frame.locator('#name');
    await name.click();
    await wb.page.keyboard.press('Control+A');
    await wb.page.keyboard.press('Backspace');
    await frame.locator('#name-help', { hasText: 'needs a name' }).waitFor({ timeout: 10_000 });
    await frame.locator('#save').click();
    await frame.locator('#status', { hasText: 'Fix the highlighted field first.' }).waitFor({ timeout: 10_000 });
    await wb.screenshot('region-form-invalid-name');
    assert.deepEqual((await sandbox.requests()).filter((e) => e.method !== 'GET'), []);
    assert.equal((await sandbox.group('EU Frankfurt')).name, 'EU Frankfurt');
  });
});
