// End-to-end: Application Inventory… from the tenant's context menu: the table with its findings,
// sorted by expiry with a click, narrowed by the filter, a group shown in the tree, and exported as CSV
// into an editor tab.
import assert from 'node:assert/strict';
import { openConnectorGroupsView, runContextMenu } from '../host/workbench.mjs';
import { useWorkbench } from './workbenchFixture.mjs';

describe('workbench: application inventory', function () {
  this.timeout(180_000);
  // Wide enough for the table's columns beside the sidebar.
  const fixture = useWorkbench({ colorTheme: 'Default Dark Modern', viewport: { width: 1680, height: 960 } });

  it('shows every published application with its certificate and findings, sorts, filters and exports CSV', async () => {
    const { wb, sandbox } = fixture;
    const view = await openConnectorGroupsView(wb.page);
    const tenantRow = view.locator('.monaco-list-row', { hasText: 'Contoso (sandbox)' }).first();
    await view.locator('.monaco-list-row', { hasText: 'EU Frankfurt' }).waitFor({ timeout: 60_000 });
    await sandbox.call('DELETE', '/_sandbox/requests');
    await runContextMenu(wb.page, tenantRow, 'Application Inventory…');
    const frame = wb.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
    await frame.locator('h1', { hasText: 'Applications of Contoso (sandbox)' }).waitFor({ timeout: 30_000 });
    const rows = frame.locator('#inventory tbody tr');
    await frame.locator('#summary', { hasText: '11 of 11 applications.' }).waitFor({ timeout: 15_000 });
    // The publishing settings came in one $batch, not a request per application.
    assert.deepEqual((await sandbox.settledRequests()).filter((e) => !e.batchRequestId).map((e) => `${e.method} ${e.url}`), ['POST /beta/$batch']);

    // Sorted by expiry: the expired certificate first, then the one that expires in 12 days.
    await frame.locator('button.sort', { hasText: 'Expires' }).click();
    assert.equal(await frame.locator('th[aria-sort="ascending"]').innerText(), 'Expires ↑');
    assert.deepEqual((await rows.locator('td:first-child').allInnerTexts()).slice(0, 3), ['Ticketing', 'Intranet', 'Payroll EU']);
    assert.match(await rows.first().innerText(), /Custom-domain certificate expired in 'Asia Singapore'[\s\S]*2026-\d\d-\d\d \(expired\)/);
    // The click scrolled the wide table to its header; back to the start for the picture.
    await frame.locator('.table').evaluate((table) => { table.scrollLeft = 0; });
    await wb.screenshot('inventory-by-expiry');

    // Only the applications with findings, narrowed to one group.
    await frame.locator('#only-findings').click();
    await frame.locator('#summary', { hasText: '8 of 11 applications.' }).waitFor({ timeout: 10_000 });
    await frame.locator('#filter input').fill('frankfurt');
    await frame.locator('#summary', { hasText: '3 of 11 applications.' }).waitFor({ timeout: 10_000 });
    assert.deepEqual(await rows.locator('td:first-child').allInnerTexts(), ['Payroll EU', 'SAP Fiori', 'Wiki']);
    await wb.screenshot('inventory-filtered');
    // A row's group name shows the group in the tree.
    await frame.locator('button.link', { hasText: 'EU Frankfurt' }).first().click();
    await view.locator('.monaco-list-row.selected', { hasText: 'EU Frankfurt' }).waitFor({ timeout: 15_000 });

    // Export CSV: every application (not only those shown) in a tab of its own.
    await frame.locator('#export-csv').click();
    const tab = wb.page.locator('.tab', { hasText: /Contoso \(sandbox\) – Applications – .*\.csv/ });
    await tab.waitFor({ timeout: 15_000 });
    const editor = wb.page.locator('.editor-group-container .monaco-editor .view-lines').last();
    await editor.getByText('Application,Application ID,Object ID,Kind').waitFor({ timeout: 15_000 });
    await wb.screenshot('inventory-csv');

    // A refresh in which one application cannot be read: the table keeps its row as the tree read it,
    // and says so above the table, not only in a cell the filter may hide.
    const state = (await sandbox.call('GET', '/_sandbox/state')).body;
    const ticketing = state.applications.find((a) => a.displayName === 'Ticketing');
    await sandbox.call('PUT', '/_sandbox/faults', { body: [{ status: 500, path: `/applications/${ticketing.id}` }] });
    await wb.page.locator('.tab', { hasText: 'Applications: Contoso (sandbox)' }).click();
    await frame.locator('#refresh').click();
    const alert = frame.locator('p.error[role="alert"]');
    await alert.waitFor({ timeout: 60_000 });
    assert.equal(await alert.innerText(), '1 of 11 applications could not be read again: it is shown as the tree read it, and its Findings cell says why. Refresh to try again.');
    await wb.screenshot('inventory-unread');
    await sandbox.call('DELETE', '/_sandbox/faults');
    await frame.locator('#refresh').click();
    await alert.waitFor({ state: 'detached', timeout: 60_000 });
  });
});
