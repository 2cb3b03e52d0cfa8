// End-to-end: the region form, from the tree's context menu to Graph and back: by mouse in a dark
// workbench, by keyboard alone in high contrast.
import assert from 'node:assert/strict';
import { openConnectorGroupsView, runContextMenu } from '../host/workbench.mjs';
import { useWorkbench } from './workbenchFixture.mjs';

/** Opens the form of a group from the tree's context menu, as a person would; returns the view and the form's frame. */
async function openForm(wb, groupName) {
  const view = await openConnectorGroupsView(wb.page);
  await runContextMenu(wb.page, view.locator('.monaco-list-row', { hasText: groupName }).first(), 'Edit Region…');
  const frame = wb.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
  await frame.locator('h1', { hasText: `Region of ${groupName}` }).waitFor({ timeout: 30_000 });
  return { view, frame };
}

describe('workbench: the region form', function () {
  this.timeout(180_000);
  const fixture = useWorkbench({ colorTheme: 'Default Dark Modern' });

  it('changes the region of an empty group: Graph has it, and the tree shows it', async () => {
    const { view, frame } = await openForm(fixture.wb, 'India Pune');
    await fixture.wb.screenshot('region-form-open');
    await frame.locator('#region').click();
    // The select draws its list in its shadow root; that list is what a person clicks.
    await frame.locator('#region li[role="option"]', { hasText: 'Europe' }).click();
    await frame.locator('#save').click();
    await frame.locator('#status', { hasText: 'Saved.' }).waitFor({ timeout: 15_000 });
    assert.equal((await fixture.sandbox.group('India Pune')).region, 'eur');
    await view.locator('.monaco-list-row', { hasText: 'India Pune' }).filter({ hasText: 'Europe ·' }).waitFor({ timeout: 15_000 });
    assert.equal(await frame.locator('#fact-region').innerText(), 'Europe (eur)');
    await fixture.wb.screenshot('region-form-saved');
  });

  it('explains why the region of a group with connectors cannot change', async () => {
    const { frame } = await openForm(fixture.wb, 'EU Frankfurt');
    const select = frame.locator('#region');
    assert.equal(await select.getAttribute('disabled'), '');
    await frame.locator('#region-help', { hasText: 'move them to another group first' }).waitFor();
    await fixture.wb.screenshot('region-form-locked');
    assert.equal((await fixture.sandbox.group('EU Frankfurt')).region, 'eur');
  });

  it('keeps a draft while the form is hidden behind another tab', async () => {
    const { frame } = await openForm(fixture.wb, 'Tokyo (legacy)');
    await frame.locator('#name').click();
    await fixture.wb.page.keyboard.press('End');
    await fixture.wb.page.keyboard.type(' draft');
    await openForm(fixture.wb, 'Asia Singapore');
    await fixture.wb.page.locator('.tab', { hasText: 'Region: Tokyo (legacy)' }).click();
    const shown = fixture.wb.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
    await shown.locator('h1', { hasText: 'Region of Tokyo (legacy)' }).waitFor({ timeout: 30_000 });
    assert.equal(await shown.locator('#name').evaluate((field) => field.value), 'Tokyo (legacy) draft');
    assert.equal((await fixture.sandbox.group('Tokyo (legacy)')).name, 'Tokyo (legacy)');
  });

  it('refuses an invalid name in the form, before anything is sent', async () => {
    const { frame } = await openForm(fixture.wb, 'EU Frankfurt');
    await fixture.sandbox.call('DELETE', '/_sandbox/requests');
    const name = frame.locator('#name');
    await name.click();
    await fixture.wb.page.keyboard.press('Control+A');
    await fixture.wb.page.keyboard.press('Backspace');
    await frame.locator('#name-help', { hasText: 'needs a name' }).waitFor({ timeout: 10_000 });
    await frame.locator('#save').click();
    await frame.locator('#status', { hasText: 'Fix the highlighted field first.' }).waitFor({ timeout: 10_000 });
    await fixture.wb.screenshot('region-form-invalid-name');
    assert.deepEqual((await fixture.sandbox.settledRequests()).filter((e) => e.method !== 'GET'), []);
    assert.equal((await fixture.sandbox.group('EU Frankfurt')).name, 'EU Frankfurt');
  });

  it("after Choose Another Name, says 'Not saved' once, under the name, with the focus there and the text selected", async () => {
    const { frame } = await openForm(fixture.wb, 'Tokyo (legacy)');
    const name = frame.locator('#name');
    await frame.locator('#name input').fill('Asia Singapore');
    assert.equal(await name.evaluate((field) => field.value), 'Asia Singapore');
    await frame.locator('#save').click();
    const another = fixture.wb.page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Choose Another Name' });
    await another.waitFor({ timeout: 15_000 });
    await another.click();
    await frame.locator('#name-help', { hasText: "Not saved: another connector group is named 'Asia Singapore'." }).waitFor({ timeout: 15_000 });
    await frame.locator('#name:focus').waitFor({ timeout: 10_000 });
    const selection = await name.evaluate((field) => {
      const input = field.wrappedElement;
      return { start: input.selectionStart, end: input.selectionEnd, length: input.value.length };
    });
    assert.deepEqual(selection, { start: 0, end: 'Asia Singapore'.length, length: 'Asia Singapore'.length });
    assert.equal(await frame.locator('#status').innerText(), '', 'not said a second time in the status');
    await fixture.wb.screenshot('region-form-choose-another-name');
    assert.equal((await fixture.sandbox.group('Tokyo (legacy)')).name, 'Tokyo (legacy)');
  });

  it('ran every form under its CSP without a violation', () => {
    const violations = fixture.wb.consoleMessages.filter((m) => /Content Security Policy|Refused to (load|apply|execute)/i.test(m));
    assert.deepEqual(violations, []);
  });
});

describe('workbench: the region form by keyboard, in high contrast', function () {
  this.timeout(180_000);
  const fixture = useWorkbench({ colorTheme: 'Default High Contrast' });

  it('changes the region with the keyboard alone', async () => {
    const { view, frame } = await openForm(fixture.wb, 'India Pune');
    const keyboard = fixture.wb.page.keyboard;
    // The name field has the focus when the form opens; Tab leads to the region.
    await frame.locator('#name:focus').waitFor({ timeout: 10_000 });
    await keyboard.press('Tab');
    await frame.locator('#region:focus').waitFor({ timeout: 10_000 });
    await keyboard.press('Enter');
    await frame.locator('#region li[role="option"]', { hasText: 'Australia' }).waitFor({ timeout: 10_000 });
    await fixture.wb.screenshot('region-form-high-contrast');
    // India is last in the list; Australia is two up.
    await keyboard.press('ArrowUp');
    await keyboard.press('ArrowUp');
    await keyboard.press('Enter');
    await keyboard.press('Tab');
    await frame.locator('#save:focus').waitFor({ timeout: 10_000 });
    // The live region must be the same node before and after: a new one with its text is not announced.
    await frame.locator('#status').evaluate((node) => { node.dataset.mark = 'before save'; });
    await keyboard.press('Enter');
    await frame.locator('#status', { hasText: 'Saved.' }).waitFor({ timeout: 15_000 });
    assert.equal(await frame.locator('#status').getAttribute('data-mark'), 'before save', '"Saved." is said in the live region that was there');
    await frame.locator('#save:focus').waitFor({ timeout: 10_000 });
    assert.equal((await fixture.sandbox.group('India Pune')).region, 'aus');
    await view.locator('.monaco-list-row', { hasText: 'India Pune' }).filter({ hasText: 'Australia ·' }).waitFor({ timeout: 15_000 });
  });
});

describe('workbench: the region form on a light theme', function () {
  this.timeout(180_000);
  const fixture = useWorkbench({ colorTheme: 'Default Light Modern' });

  it('says why the region is locked and which applications are unreachable, in text as dark as the rest', async () => {
    const { frame } = await openForm(fixture.wb, 'Australia Sydney');
    await frame.locator('#fact-unreachable', { hasText: "Field Service has no active connector in 'Australia Sydney'." }).waitFor({ timeout: 10_000 });
    const colours = await frame.locator('body').evaluate((body) => ({
      body: getComputedStyle(body).color,
      locked: getComputedStyle(document.getElementById('region-help')).color,
      unreachable: getComputedStyle(document.getElementById('fact-unreachable')).color,
    }));
    assert.equal(colours.locked, colours.body, 'the lock explanation is in the foreground colour');
    assert.equal(colours.unreachable, colours.body);
    await fixture.wb.screenshot('region-form-light');
  });
});
