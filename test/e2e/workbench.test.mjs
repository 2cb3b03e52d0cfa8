// End-to-end: the real workbench in Chromium, clicked through as a person would.
import assert from 'node:assert/strict';
import { openConnectorGroupsView, openWorkbench } from '../host/workbench.mjs';

describe('workbench: the Connector Groups view', function () {
  this.timeout(180_000);
  let wb;

  before(async () => {
    wb = await openWorkbench();
  });

  after(async () => {
    await wb?.close();
  });

  it('shows the sandbox tenant with its connector groups', async () => {
    const view = await openConnectorGroupsView(wb.page);
    const tenant = view.locator('.monaco-list-row', { hasText: 'Contoso (sandbox)' });
    await tenant.waitFor({ timeout: 30_000 });
    await view.locator('.monaco-list-row', { hasText: 'EU Frankfurt' }).waitFor({ timeout: 30_000 });
    const rows = await view.locator('.monaco-list-row').allInnerTexts();
    assert.ok(rows.some((r) => r.includes('Default') && r.includes('default')), rows.join(' | '));
    assert.ok(rows.some((r) => r.includes('Asia Singapore') && r.includes('asia')), rows.join(' | '));
    await wb.screenshot('tree-groups');
  });

  it('expands a group to its connectors', async () => {
    const view = await openConnectorGroupsView(wb.page);
    await view.locator('.monaco-list-row', { hasText: 'EU Frankfurt' }).click();
    await view.locator('.monaco-list-row', { hasText: /^Connectors/ }).first().click();
    await view.locator('.monaco-list-row', { hasText: 'FRA-APPPROXY-01' }).waitFor({ timeout: 15_000 });
    await wb.screenshot('tree-expanded');
  });
});
