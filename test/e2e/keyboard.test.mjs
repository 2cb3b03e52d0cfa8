// End-to-end: F2 renames and Delete deletes the selected group, as in the Explorer.
import assert from 'node:assert/strict';
import { openConnectorGroupsView } from '../host/workbench.mjs';
import { useWorkbench } from './workbenchFixture.mjs';

describe('workbench: keyboard', function () {
  this.timeout(180_000);
  const fixture = useWorkbench();

  it('renames the selected group with F2 and deletes an empty one with Delete', async () => {
    const { wb, sandbox } = fixture;
    const view = await openConnectorGroupsView(wb.page);
    // The tenant read whole (its last row drawn) before the click, so no redraw moves the row from under it.
    await view.locator('.monaco-list-row', { hasText: 'Other hybrid agents' }).waitFor({ timeout: 60_000 });
    await view.locator('.monaco-list-row', { hasText: 'Tokyo (legacy)' }).click();
    await view.locator('.monaco-list-row.selected', { hasText: 'Tokyo (legacy)' }).waitFor({ timeout: 15_000 });
    await wb.page.keyboard.press('F2');
    const input = wb.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 15_000 });
    assert.equal(await input.inputValue(), 'Tokyo (legacy)');
    await input.fill('Tokyo');
    await wb.page.keyboard.press('Enter');
    await view.locator('.monaco-list-row', { hasText: 'japan' }).filter({ hasNotText: 'legacy' }).waitFor({ timeout: 15_000 });
    assert.ok((await sandbox.state()).groups.some((g) => g.name === 'Tokyo'));

    const pune = (await sandbox.group('India Pune')).id;
    await view.locator('.monaco-list-row', { hasText: 'India Pune' }).click();
    await view.locator('.monaco-list-row.selected', { hasText: 'India Pune' }).waitFor({ timeout: 15_000 });
    await wb.page.keyboard.press('Delete');
    const confirm = wb.page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Delete$/ });
    await confirm.waitFor({ timeout: 15_000 });
    await wb.screenshot('delete-confirmation');
    await confirm.click();
    for (let i = 0; i < 50 && (await sandbox.state()).groups.some((g) => g.id === pune); i++) await wb.page.waitForTimeout(200);
    assert.ok(!(await sandbox.state()).groups.some((g) => g.id === pune), 'India Pune is gone');
    await view.locator('.monaco-list-row', { hasText: 'India Pune' }).waitFor({ state: 'detached', timeout: 15_000 });
  });
});
