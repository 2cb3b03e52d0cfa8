// End-to-end: a second tenant added through the UI, signing in by device code against the sandbox's
// identity platform: the code prompt, then the tenant's groups.
import assert from 'node:assert/strict';
import { openConnectorGroupsView } from '../host/workbench.mjs';
import { useWorkbench } from './workbenchFixture.mjs';
import identityModule from '../../out/src/sandbox/identityPlatform.js';

const { SANDBOX_CLIENT_ID } = identityModule;

describe('workbench: adding a tenant', function () {
  this.timeout(180_000);
  const fixture = useWorkbench({ settings: { 'connectorGroups.clientId': SANDBOX_CLIENT_ID } });

  /** Answers the quick input with this title (once it shows): picks the row with this text, or types into the box. */
  async function answer(page, title, { pick, type }) {
    await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor({ timeout: 15_000 });
    const input = page.locator('.quick-input-widget input');
    if (type !== undefined) {
      await input.fill(type);
      await page.keyboard.press('Enter');
      return;
    }
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: pick }).first();
    await row.waitFor({ timeout: 15_000 });
    await row.click();
  }

  it('adds a tenant by device code: the code is shown, and its groups appear beside the sandbox tenant', async () => {
    const { wb } = fixture;
    const { page } = wb;
    const view = await openConnectorGroupsView(page);
    await view.locator('.monaco-list-row', { hasText: 'EU Frankfurt' }).waitFor({ timeout: 30_000 });
    await wb.runCommand('Connector Groups: Add Tenant…');
    await answer(page, 'Add Tenant: cloud', { pick: 'Custom Graph endpoint…' });
    await answer(page, 'Add Tenant: Graph endpoint', { type: new URL(wb.sandbox.url).origin });
    await answer(page, 'Add Tenant: tenant', { type: 'contoso.onmicrosoft.com' });
    await answer(page, 'Add Tenant: access', { pick: 'Read and change' });
    await answer(page, 'Add Tenant: sign in with', { pick: 'Device code' });
    await answer(page, 'Add Tenant: sign-in authority', { type: wb.sandbox.authority });
    const toast = page.locator('.notification-toast', { hasText: 'enter the code' });
    await toast.waitFor({ timeout: 30_000 });
    await page.waitForTimeout(500);
    await wb.screenshot('device-code-prompt');
    const text = await toast.locator('.notification-list-item-message').innerText();
    const userCode = /enter the code (\w+)/.exec(text)?.[1];
    assert.ok(userCode, text);
    assert.equal(await toast.locator('.monaco-button', { hasText: 'Copy Code and Open Page' }).count(), 1);
    // Someone enters the code on the device-login page.
    await fixture.sandbox.call('POST', '/_sandbox/devicecodes/approve', { body: { userCode } });
    const groups = view.locator('.monaco-list-row', { hasText: 'EU Frankfurt' });
    for (let i = 0; i < 100 && (await groups.count()) < 2; i++) await page.waitForTimeout(200);
    assert.equal(await groups.count(), 2, 'the second tenant shows its groups');
    await wb.screenshot('tree-two-tenants');
  });
});
