// End-to-end: Refresh keeps what a person opened and selected.
import assert from 'node:assert/strict';
import { openConnectorGroupsView } from '../host/workbench.mjs';
import { useWorkbench } from './workbenchFixture.mjs';

describe('workbench: refresh', function () {
  this.timeout(180_000);
  const fixture = useWorkbench();

  it('keeps expanded groups expanded and the selection where it was', async () => {
    const { wb } = fixture;
    const view = await openConnectorGroupsView(wb.page);
    await view.locator('.monaco-list-row', { hasText: 'EU Frankfurt' }).click();
    await view.locator('.monaco-list-row', { hasText: /^Connectors/ }).first().click();
    const connector = view.locator('.monaco-list-row', { hasText: 'FRA-APPPROXY-02' });
    await connector.click();
    await view.locator('.pane-header .action-label[aria-label="Refresh"], .title-actions .action-label[aria-label="Refresh"]').first().click();
    // Let the reload land, then look again.
    await wb.page.waitForTimeout(1500);
    await view.locator('.monaco-list-row', { hasText: 'FRA-APPPROXY-01' }).waitFor({ timeout: 15_000 });
    assert.equal(await connector.getAttribute('aria-selected'), 'true', 'the selection stays');
    await wb.screenshot('tree-after-refresh');
  });
});
