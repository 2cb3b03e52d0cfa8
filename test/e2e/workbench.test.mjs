// End-to-end: the real workbench in Chromium, clicked through as a person would.
import assert from 'node:assert/strict';
import { openConnectorGroupsView, widenSidebar } from '../host/workbench.mjs';
import { useWorkbench } from './workbenchFixture.mjs';

describe('workbench: the Connector Groups view', function () {
  this.timeout(180_000);
  const fixture = useWorkbench();

  it('shows the sandbox tenant with its connector groups', async () => {
    const view = await openConnectorGroupsView(fixture.wb.page);
    const tenant = view.locator('.monaco-list-row', { hasText: 'Contoso (sandbox)' });
    await tenant.waitFor({ timeout: 30_000 });
    await view.locator('.monaco-list-row', { hasText: 'EU Frankfurt' }).waitFor({ timeout: 30_000 });
    const rows = await view.locator('.monaco-list-row').allInnerTexts();
    // The default group comes first; named Default, it is not called "default" again.
    assert.match(rows[1] ?? '', /^Default\s*North America · /, rows.join(' | '));
    assert.ok(rows.some((r) => r.includes('Asia Singapore') && r.includes('no redundancy · Asia')), rows.join(' | '));
    await fixture.wb.screenshot('tree-groups');
  });

  it('expands a group to its connectors', async () => {
    const view = await openConnectorGroupsView(fixture.wb.page);
    await view.locator('.monaco-list-row', { hasText: 'EU Frankfurt' }).click();
    await view.locator('.monaco-list-row', { hasText: /^Connectors/ }).first().click();
    await view.locator('.monaco-list-row', { hasText: 'FRA-APPPROXY-01' }).waitFor({ timeout: 15_000 });
    await fixture.wb.screenshot('tree-expanded');
    // Wide enough for every description, as the README shows it.
    await widenSidebar(fixture.wb.page, 330);
    const rows = await view.locator('.monaco-list-row').allInnerTexts();
    assert.ok(rows.some((r) => r.includes('no active connector · Australia · 2 connectors · 1 app')), rows.join(' | '));
    await fixture.wb.screenshot('tree-wide');
  });
});
