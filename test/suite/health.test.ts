import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FindingNode, HealthTenantNode } from '../../src/tree/healthNodes';
import { extensionApi, freshStart, groupItem, pickLabel, sandboxClient, sandboxTenantNode, script } from './harness';

/**
 * The demo tenant's findings, worked out by hand from its seeds (not from the rules): each as
 * rule · group · applications at risk, in the view's default order (severity, then the most
 * applications at risk, then the group's name).
 */
const DEMO_FINDINGS = [
  'belowRegionVersion · Asia Singapore · 2', // SIN-APPPROXY-01 runs 1.5.1526.0 in a region-optimised group
  'belowPrivateAccessVersion · Default · 2', // NYC-02 (1.5.3352.0) and SEA-01 serve File Shares and Quick Access
  'certificateExpired · Asia Singapore · 1', // Ticketing's certificate expired three days ago
  'noActiveConnector · Australia Sydney · 1',
  'applicationsOnDefault · Default · 4',
  'oneActiveConnector · Asia Singapore · 2',
  'inactiveConnectors · Australia Sydney · 1',
  'certificateExpiring · Default · 1', // Intranet's, in 12 days
  'passthroughPreAuthentication · EU Frankfurt · 1', // Wiki
  'oneActiveConnector · Tokyo (legacy) · 1',
  'inactiveConnectors · Default · 0', // SEA-01, beside two active ones
  'twoActiveConnectors · Default · 4',
  'httpInternalUrl · Asia Singapore · 1', // Warehouse Dashboard
  'backendValidationOff · Australia Sydney · 1', // Field Service, https:// without validation
  'httpInternalUrl · Tokyo (legacy) · 1', // Legacy CRM (its validation off means nothing over http://)
  'sharedCertificate · EU Frankfurt · 2', // SAP Fiori and Payroll EU on one *.eu.contoso.com certificate
  'emptyGroup · India Pune · 0',
];

describe('health: the findings of each tenant', () => {
  const sandbox = sandboxClient();
  beforeEach(async () => freshStart(await extensionApi(), sandbox));

  async function sandboxHealth(): Promise<HealthTenantNode> {
    const api = await extensionApi();
    await api.services.tree.settledChildren(await sandboxTenantNode(api));
    const roots = api.services.health.getChildren() as HealthTenantNode[];
    const node = roots.find((r) => r.tenant.key === 'sandbox');
    assert.ok(node?.findings, 'the sandbox tenant is read');
    return node;
  }
  const rows = (node: HealthTenantNode) => (node.children() as FindingNode[]).map((f) => `${f.finding.rule} · ${f.finding.group.name} · ${f.finding.applicationsAtRisk.length}`);

  it("lists the demo tenant's findings, most severe first, each with its applications at risk", async () => {
    const node = await sandboxHealth();
    assert.deepEqual(rows(node), DEMO_FINDINGS);
    assert.equal((node.treeItem() as vscode.TreeItem).description, '4 errors · 7 warnings · 4 information · 2 hints');
    const privateAccess = (node.children() as FindingNode[]).find((f) => f.finding.rule === 'belowPrivateAccessVersion')!;
    const item = privateAccess.treeItem();
    assert.equal(item.label, "NYC-APPPROXY-02.contoso.com and SEA-APPPROXY-01.contoso.com in 'Default' run a version below 1.5.3417.0, which Private Access needs, and the group serves File Shares (Private Access) and Quick Access.");
    assert.equal(item.description, '2 apps at risk');
    assert.deepEqual(privateAccess.children().map((c) => `${c.treeItem().label} (${c.treeItem().description})`), [
      'File Shares (Private Access) (Private Access · at risk)', 'Quick Access (Quick Access · at risk)',
      'NYC-APPPROXY-02.contoso.com (active · 1.5.3352.0)', 'SEA-APPPROXY-01.contoso.com (inactive · 1.5.2975.0)',
    ]);
  });

  it('follows a change made in the tree: a second active connector turns "no redundancy" into "no spare"', async () => {
    const api = await extensionApi();
    const [connectorsFolder] = (await api.services.tree.settledChildren((await groupItem(api, 'Default')).node));
    const nyc1 = (await api.services.tree.settledChildren(connectorsFolder)).find((c) => (c.treeItem().label as string).startsWith('NYC-APPPROXY-01'))!;
    await script(pickLabel('Asia Singapore'));
    await vscode.commands.executeCommand('connectorGroups.moveConnector', nyc1);
    for (let i = 0; i < 50 && !rows(await sandboxHealth()).includes('twoActiveConnectors · Asia Singapore · 2'); i++) await new Promise((r) => setTimeout(r, 100));
    const now = rows(await sandboxHealth());
    assert.ok(now.includes('twoActiveConnectors · Asia Singapore · 2'), now.join('\n'));
    assert.ok(!now.includes('oneActiveConnector · Asia Singapore · 2'));
    assert.ok(now.includes('oneActiveConnector · Default · 4'), 'the default group is left with one active connector');
  });

  it('exports the report as JSON with the kind of each application at risk, and sorts by group', async () => {
    const api = await extensionApi();
    await sandboxHealth();
    const json = await vscode.commands.executeCommand<string>('connectorGroups.exportHealth');
    const report = JSON.parse(json!);
    assert.equal(report.tenant.displayName, 'Contoso (sandbox)');
    assert.deepEqual(report.findings.map((f: { rule: string; group: { name: string }; applicationsAtRisk: unknown[] }) => `${f.rule} · ${f.group.name} · ${f.applicationsAtRisk.length}`), DEMO_FINDINGS);
    const privateAccess = report.findings.find((f: { rule: string }) => f.rule === 'belowPrivateAccessVersion');
    assert.deepEqual(privateAccess.applicationsAtRisk.map((a: { kind: string }) => a.kind), ['privateAccess', 'quickAccess']);
    assert.ok(!/token|Bearer/i.test(json!));
    await script((items: readonly vscode.QuickPickItem[]) => items.find((i) => i.label === 'By group'));
    await vscode.commands.executeCommand('connectorGroups.sortFindings');
    try {
      assert.deepEqual(rows(await sandboxHealth()).slice(0, 3), ['belowRegionVersion · Asia Singapore · 2', 'certificateExpired · Asia Singapore · 1', 'oneActiveConnector · Asia Singapore · 2']);
    } finally {
      api.services.health.setOrder('severity');
    }
  });
});
