// End-to-end: a group name that is a markdown command link stays plain text in a notification and
// in the progress of a layout run.
import assert from 'node:assert/strict';
import { openConnectorGroupsView, runContextMenu } from '../host/workbench.mjs';
import { editLayout, exportLayout, previewAndApply } from './layoutFile.mjs';
import { useWorkbench } from './workbenchFixture.mjs';

const P = '/beta/onPremisesPublishingProfiles/applicationProxy';
const LINK_NAME = '[Show Log](command:workbench.action.openSettings?%22x%22)';

describe('workbench: names from Graph are shown as text', function () {
  this.timeout(180_000);
  const fixture = useWorkbench();

  it('shows a group named like a command link as plain text in the refusal, with no link to click', async () => {
    const { wb, sandbox } = fixture;
    // Renamed through Graph, as another tool or admin could.
    const asia = await sandbox.group('Asia Singapore');
    assert.equal((await sandbox.call('PATCH', `${P}/connectorGroups/${asia.id}`, { body: { name: LINK_NAME } })).status, 204);
    const view = await openConnectorGroupsView(wb.page);
    await view.locator('.monaco-list-row', { hasText: 'command:workbench.action.openSettings' }).waitFor({ timeout: 30_000 });
    await view.locator('.monaco-list-row', { hasText: 'EU Frankfurt' }).click();
    await view.locator('.monaco-list-row', { hasText: /^Connectors/ }).first().click();
    await runContextMenu(wb.page, view.locator('.monaco-list-row', { hasText: 'FRA-APPPROXY-01' }), 'Move Connector to Group…');
    const input = wb.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 15_000 });
    await input.fill('Show Log');
    await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Log' }).first().waitFor({ timeout: 15_000 });
    await wb.page.keyboard.press('Enter');
    const toast = wb.page.locator('.notification-toast', { hasText: 'only from a group in the default region' });
    await toast.waitFor({ timeout: 30_000 });
    // The toast slides in; the picture is of it at rest.
    await wb.page.waitForTimeout(500);
    await wb.screenshot('notification-plain-text');
    const message = toast.locator('.notification-list-item-message');
    assert.match((await message.innerText()).replace(/\u200B/g, ''), /\[Show Log\]\(command:workbench\.action\.openSettings\?%22x%22\)/);
    assert.equal(await message.locator('a').count(), 0, 'no link in the message');
    // Nothing was sent: the refusal is an information with no button at all, so no "Show Log" to click.
    assert.equal(await toast.locator('.monaco-button', { hasText: 'Show Log' }).count(), 0);
    await wb.page.keyboard.press('Escape');
    const asiaNow = await sandbox.group(LINK_NAME);
    assert.equal(asiaNow.members.length, asia.members.length, 'nothing moved');
  });
});

describe('workbench: names from a layout are shown as text while it applies', function () {
  this.timeout(240_000);
  const fixture = useWorkbench({ viewport: { width: 1600, height: 900 } });

  it('shows a new group named like a command link as plain text in the progress of Apply', async () => {
    const { wb, sandbox } = fixture;
    const view = await openConnectorGroupsView(wb.page);
    await view.locator('.monaco-list-row', { hasText: 'EU Frankfurt' }).waitFor({ timeout: 30_000 });
    const file = await exportLayout(wb, view);
    const name = `Helsinki ${LINK_NAME}`;
    await editLayout(wb, file, name);
    // Slow answers, so step 1 (the create, named in the progress) stays on screen.
    await sandbox.options({ latencyMs: 1500 });
    await previewAndApply(wb, 4);
    const toast = wb.page.locator('.notification-toast', { hasText: '1/4' });
    await toast.waitFor({ timeout: 30_000 });
    await wb.screenshot('progress-plain-text');
    const message = toast.locator('.notification-list-item-message');
    assert.match((await message.innerText()).replace(/\u200B/g, ''), /1\/4: Create 'Helsinki \[Show Log\]\(command:workbench\.action\.openSettings\?%22x%22\)'/);
    assert.equal(await message.locator('a').count(), 0, 'no link in the progress');
    await sandbox.options({ latencyMs: 0 });
    await wb.page.locator('.notification-toast', { hasText: 'Applied 4 steps' }).waitFor({ timeout: 60_000 });
    assert.ok(await sandbox.group(name));
  });
});
