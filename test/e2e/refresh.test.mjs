// End-to-end: Refresh shows what changed behind the tree's back, and keeps what a person opened and selected.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { openConnectorGroupsView } from '../host/workbench.mjs';
import { useWorkbench } from './workbenchFixture.mjs';

describe('workbench: refresh', function () {
  this.timeout(180_000);
  const fixture = useWorkbench();

  it('shows a rename made elsewhere, keeping expanded groups expanded and the selection where it was', async () => {
    const { wb, sandbox } = fixture;
    const view = await openConnectorGroupsView(wb.page);
    await view.locator('.monaco-list-row', { hasText: 'EU Frankfurt' }).click();
    // The group's hover, shown while the pointer rests on it, can cover the row below: move away first.
    await wb.page.mouse.move(0, 0);
    await wb.page.locator('.context-view .monaco-hover').waitFor({ state: 'hidden', timeout: 15_000 });
    await view.locator('.monaco-list-row', { hasText: /^Connectors/ }).first().click();
    const connector = view.locator('.monaco-list-row', { hasText: 'FRA-APPPROXY-02' });
    await connector.click();
    await view.locator('.monaco-list-row', { hasText: 'India Pune' }).waitFor({ timeout: 15_000 });
    // Someone renames a group in the admin center: the tree cannot know until it reads again.
    const pune = await sandbox.group('India Pune');
    const renamed = await sandbox.call('PATCH', `/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups/${pune.id}`, { body: { name: 'India Pune (renamed elsewhere)' } });
    assert.equal(renamed.status, 204);
    assert.equal(await view.locator('.monaco-list-row', { hasText: 'renamed elsewhere' }).count(), 0, 'the tree has not read it yet');
    await view.locator('.pane-header .action-label[aria-label="Refresh"], .title-actions .action-label[aria-label="Refresh"]').first().click();
    await view.locator('.monaco-list-row', { hasText: 'India Pune (renamed elsewhere)' }).waitFor({ timeout: 30_000 });
    await view.locator('.monaco-list-row', { hasText: 'FRA-APPPROXY-01' }).waitFor({ timeout: 15_000 });
    assert.equal(await connector.getAttribute('aria-selected'), 'true', 'the selection stays');
    await wb.screenshot('tree-after-refresh');
  });
});

describe('workbench: a reload', function () {
  this.timeout(240_000);
  const fixture = useWorkbench();

  it('opens the tree as it was left: the groups and folders expanded stay expanded', async () => {
    const { wb } = fixture;
    let view = await openConnectorGroupsView(wb.page);
    // Once the tenant is read (its groups' counts are in), so the rows clicked are not being redrawn.
    await view.locator('.monaco-list-row', { hasText: 'EU Frankfurt' }).filter({ hasText: '3 connectors' }).waitFor({ timeout: 30_000 });
    await view.locator('.monaco-list-row', { hasText: 'EU Frankfurt' }).click();
    await wb.page.mouse.move(0, 0);
    await wb.page.locator('.context-view .monaco-hover').waitFor({ state: 'hidden', timeout: 15_000 });
    await view.locator('.monaco-list-row', { hasText: /^Connectors/ }).first().click();
    await view.locator('.monaco-list-row', { hasText: 'FRA-APPPROXY-02' }).waitFor({ timeout: 15_000 });
    // VS Code tells the extension of an expansion a moment after it draws it: reload once it knows.
    await expansionKnown(wb, /\/connectors$/);
    await wb.page.reload();
    await wb.page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    view = await openConnectorGroupsView(wb.page);
    await view.locator('.monaco-list-row', { hasText: 'India Pune' }).waitFor({ timeout: 60_000 });
    await view.locator('.monaco-list-row', { hasText: 'FRA-APPPROXY-02' }).waitFor({ timeout: 30_000 });
    assert.equal(await view.locator('.monaco-list-row', { hasText: 'EU Frankfurt' }).getAttribute('aria-expanded'), 'true');
    await wb.screenshot('tree-after-reload');
  });
});

/** Waits until the extension has written down an expanded row whose id matches `pattern`. */
async function expansionKnown(wb, pattern) {
  const below = (dir) => readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? below(file) : [file];
  });
  const storage = path.join(path.dirname(wb.logsDir), 'User', 'workspaceStorage');
  for (let i = 0; i < 100; i++) {
    const files = existsSync(storage) ? below(storage).filter((f) => f.endsWith('expansion.json')) : [];
    const rows = files.flatMap((f) => JSON.parse(readFileSync(f, 'utf8'))['connectorGroups.expansion'] ?? []);
    if (rows.some(([id, expanded]) => expanded && pattern.test(id))) return;
    await wb.page.waitForTimeout(100);
  }
  throw new Error(`no expanded row matching ${pattern} was written down`);
}
