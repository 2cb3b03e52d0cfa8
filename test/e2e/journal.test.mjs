// End-to-end: nothing lost when the extension host dies in the middle of Apply. The host is killed
// (SIGKILL) while a step is under way, the window reloads, the tenant says where the run stopped,
// and Undo from that notification takes the sandbox back to what it held before the Apply.
import assert from 'node:assert/strict';
import { openConnectorGroupsView } from '../host/workbench.mjs';
import { editLayout, exportLayout, previewAndApply } from './layoutFile.mjs';
import { useWorkbench } from './workbenchFixture.mjs';
import supportModule from '../../out/test/support/sandboxClient.js';

/** The sandbox's App Proxy groups in words, recorded by the test before anything runs. */
const words = async (sandbox) => supportModule.stateWords(await sandbox.state());

describe('workbench: a run survives the extension host', function () {
  this.timeout(300_000);
  const fixture = useWorkbench({ viewport: { width: 1600, height: 900 } });

  it('says where Apply stopped after the host was killed and the window reloaded, and Undo restores the start', async () => {
    const { wb, sandbox } = fixture;
    const { page } = wb;
    const view = await openConnectorGroupsView(page);
    await view.locator('.monaco-list-row', { hasText: 'EU Frankfurt' }).waitFor({ timeout: 30_000 });
    const file = await exportLayout(wb, view);
    await editLayout(wb, file);
    const before = await words(sandbox);

    // Slow answers, so the host can be killed while step 2 (the rename) waits for its answer.
    await sandbox.options({ latencyMs: 1500 });
    await previewAndApply(wb, 4);
    await page.locator('.notification-toast', { hasText: '2/4' }).waitFor({ timeout: 60_000 });
    const killed = wb.killExtensionHost();
    assert.ok(killed.length > 0, 'an extension host was found to kill');
    await sandbox.options({ latencyMs: 0 });
    const during = await words(sandbox);
    assert.notDeepEqual(during, before, 'the run had changed the tenant when the host died');

    await page.reload();
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    const toast = page.locator('.notification-toast', { hasText: /Apply of contoso-sandbox\.connectorgroups\.json on 'Contoso \(sandbox\)' stopped at step [23] of 4 when the window closed\./ });
    await toast.waitFor({ timeout: 60_000 }).catch(async (error) => { await wb.screenshot('journal-no-notice'); throw error; });
    await wb.screenshot('journal-restored');

    await toast.locator('.monaco-button', { hasText: /^Undo$/ }).click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 30_000 });
    assert.match(await dialog.innerText(), /Undo every change made to 'Contoso \(sandbox\)' since the last Undo\?/);
    await dialog.locator('.monaco-button', { hasText: /^Undo$/ }).click();
    await page.locator('.notification-toast', { hasText: 'Undone:' }).waitFor({ timeout: 60_000 });
    await wb.screenshot('journal-undone');
    assert.deepEqual(await words(sandbox), before);
  });
});
