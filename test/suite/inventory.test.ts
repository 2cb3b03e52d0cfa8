import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Inventory } from '../../src/inventory/inventory';
import { extensionApi, freshStart, sandboxClient, sandboxTenantNode, webviewTabs, webviewTabsUntil } from './harness';

/**
 * The demo tenant's published applications, worked out by hand from its seeds: name · group ·
 * group health · pre-authentication · certificate days left · findings.
 */
const DEMO_INVENTORY = [
  'Expense Reports · Default · ok · aadPreAuthentication · 240 · ',
  'Field Service · Australia Sydney · down · aadPreAuthentication · - · backendValidationOff',
  'File Shares (Private Access) · Default · ok · aadPreAuthentication · - · ',
  'Intranet · Default · ok · aadPreAuthentication · 12 · certificateExpiring',
  'Legacy CRM · Tokyo (legacy) · noRedundancy · aadPreAuthentication · - · httpInternalUrl',
  'Payroll EU · EU Frankfurt · ok · aadPreAuthentication · 75 · sharedCertificate',
  'Quick Access · Default · ok · aadPreAuthentication · - · ',
  'SAP Fiori · EU Frankfurt · ok · aadPreAuthentication · 75 · sharedCertificate',
  'Ticketing · Asia Singapore · noRedundancy · aadPreAuthentication · -3 · certificateExpired',
  'Warehouse Dashboard · Asia Singapore · noRedundancy · aadPreAuthentication · - · httpInternalUrl',
  'Wiki · EU Frankfurt · ok · passthru · - · passthroughPreAuthentication',
];

describe('application inventory: every published application with its settings, certificate and findings', function () {
  this.timeout(60_000);
  const sandbox = sandboxClient();
  beforeEach(async () => freshStart(await extensionApi(), sandbox));

  const tabsUntil = (predicate: (labels: string[]) => boolean) => webviewTabsUntil('connectorGroups.inventory', predicate);
  afterEach(async () => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it("lists the demo tenant's applications from one $batch of selected reads, and opens one panel per tenant", async () => {
    const api = await extensionApi();
    const tenant = await sandboxTenantNode(api);
    await api.services.tree.settledChildren(tenant);
    await sandbox.call('DELETE', '/_sandbox/requests');
    const inventory = await vscode.commands.executeCommand<Inventory>('connectorGroups.applicationInventory', tenant);
    assert.deepEqual(inventory!.rows.map((r) => [
      r.name, r.group.name, r.group.health, r.preAuthentication, r.certificate?.daysLeft ?? '-', r.findings.map((f) => f.rule).join(' '),
    ].join(' · ')), DEMO_INVENTORY);
    assert.deepEqual(inventory!.gone, []);
    // Eleven applications: one $batch, one step each, every step with $select; no request per application.
    const requests = await sandbox.settledRequests();
    const outer = requests.filter((e) => !e.batchRequestId);
    assert.deepEqual(outer.map((e) => `${e.method} ${e.url}`), ['POST /beta/$batch']);
    const steps = requests.filter((e) => e.batchRequestId).map((e) => decodeURIComponent(e.url));
    assert.equal(steps.length, 11);
    assert.ok(steps.every((url) => /^\/beta\/applications\/[0-9a-f-]{36}\?\$select=id,appId,displayName,onPremisesPublishing$/.test(url)), steps.join('\n'));
    assert.deepEqual(await tabsUntil((labels) => labels.length > 0), ['Applications: Contoso (sandbox)']);

    // Asked again, the same panel comes forward with a fresh read.
    await vscode.commands.executeCommand('connectorGroups.applicationInventory', tenant);
    // A second panel would have been created before the read it waited for: its tab has had time to show.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual(webviewTabs('connectorGroups.inventory'), ['Applications: Contoso (sandbox)']);
    assert.equal((await sandbox.settledRequests()).filter((e) => !e.batchRequestId).length, 2);
  });

  it('closes the panel when its tenant is removed', async () => {
    const api = await extensionApi();
    const tenant = await sandboxTenantNode(api);
    await vscode.commands.executeCommand('connectorGroups.applicationInventory', tenant);
    assert.equal((await tabsUntil((labels) => labels.length > 0)).length, 1);
    await vscode.commands.executeCommand('connectorGroups.removeTenant', tenant);
    assert.deepEqual(await tabsUntil((labels) => labels.length === 0), []);
  });
});
