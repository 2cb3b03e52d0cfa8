// End-to-end: the pickers as a person meets them — a row the command would refuse cannot be taken
// (Enter says why and the picker stays), and Enter with nothing ticked takes the row under the cursor.
import assert from 'node:assert/strict';
import { openConnectorGroupsView, runContextMenu } from '../host/workbench.mjs';
import { useWorkbench } from './workbenchFixture.mjs';

describe('workbench: pickers', function () {
  this.timeout(180_000);
  const fixture = useWorkbench();

  it('keeps the group picker open on a group the region rule refuses, and says why as information', async () => {
    const { wb, sandbox } = fixture;
    const view = await openConnectorGroupsView(wb.page);
    await view.locator('.monaco-list-row', { hasText: 'EU Frankfurt' }).click();
    await wb.page.mouse.move(0, 0);
    await view.locator('.monaco-list-row', { hasText: /^Connectors/ }).first().click();
    await runContextMenu(wb.page, view.locator('.monaco-list-row', { hasText: 'FRA-APPPROXY-01' }), 'Move Connector to Group…');
    const input = wb.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 15_000 });
    await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Asia Singapore' }).waitFor({ timeout: 15_000 });
    await input.fill('Asia Singapore');
    await wb.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Asia Singapore' }).waitFor({ timeout: 15_000 });
    await wb.page.keyboard.press('Enter');
    const toast = wb.page.locator('.notification-toast', { hasText: 'only from a group in the default region' });
    await toast.waitFor({ timeout: 15_000 });
    assert.equal(await toast.locator('.codicon-info').count(), 1, 'an information, not an error');
    assert.equal(await toast.locator('.monaco-button', { hasText: 'Show Log' }).count(), 0);
    assert.ok(await wb.page.locator('.quick-input-widget').isVisible(), 'the picker stays open');
    await wb.screenshot('picker-refused-row');
    await wb.page.keyboard.press('Escape');
    const fra = (await sandbox.state()).connectors.find((c) => c.machineName.startsWith('FRA-APPPROXY-01'));
    assert.equal(fra.groupId, (await sandbox.group('EU Frankfurt')).id, 'nothing moved');
  });

  it('takes the one application a filter leaves when Enter is pressed with nothing ticked', async () => {
    const { wb, sandbox } = fixture;
    const view = await openConnectorGroupsView(wb.page);
    await wb.page.keyboard.press('Escape');
    await runContextMenu(wb.page, view.locator('.monaco-list-row', { hasText: 'Asia Singapore' }), 'Assign Applications…');
    const input = wb.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 15_000 });
    await input.fill('Wiki');
    const rows = wb.page.locator('.quick-input-list .monaco-list-row');
    for (let i = 0; i < 50 && (await rows.count()) !== 1; i++) await wb.page.waitForTimeout(100);
    assert.equal(await rows.count(), 1, 'the filter leaves one row');
    await wb.screenshot('picker-one-row-left');
    await wb.page.keyboard.press('Enter');
    const wiki = (await sandbox.state()).applications.find((a) => a.displayName === 'Wiki');
    const singapore = (await sandbox.group('Asia Singapore')).id;
    for (let i = 0; i < 75 && (await sandbox.state()).applications.find((a) => a.id === wiki.id).groupId !== singapore; i++) await wb.page.waitForTimeout(200);
    assert.equal((await sandbox.state()).applications.find((a) => a.id === wiki.id).groupId, singapore);
  });
});
