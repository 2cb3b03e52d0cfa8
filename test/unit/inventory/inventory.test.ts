import * as assert from 'node:assert/strict';
import type { Application, Connector, ConnectorGroupWithContents } from '../../../src/graph/types';
import { buildInventory, type FreshRead } from '../../../src/inventory/inventory';
import { inventoryCsv } from '../../../src/inventory/inventoryFiles';

const NOW = Date.parse('2026-12-02T12:00:00Z');
const TENANT = { id: 't', displayName: 'Contoso' };
const OPTIONS = { now: NOW, certificateWarningDays: 30 };

const active = (n: number): Connector[] => Array.from({ length: n }, (_, i) => ({ id: `c${i}`, machineName: `C${i}`, status: 'active', version: '1.5.3437.0', externalIp: '' }));

function app(displayName: string, publishing: Record<string, unknown> = {}): Application {
  return {
    id: `id-${displayName}`, appId: `app-${displayName}`, displayName,
    onPremisesPublishing: {
      externalUrl: `https://${displayName.toLowerCase()}.contoso.com/`, internalUrl: `https://${displayName.toLowerCase()}.corp/`,
      externalAuthenticationType: 'aadPreAuthentication', isBackendCertificateValidationEnabled: true, ...publishing,
    },
  };
}

function group(name: string, connectors: number, applications: Application[], type = 'applicationProxy'): ConnectorGroupWithContents {
  return { id: `g-${name}`, name, connectorGroupType: type, isDefault: false, region: 'eur', members: active(connectors), applications };
}

const expiring = { verifiedCustomDomainCertificatesMetadata: { expiryDate: '2026-12-14T23:59:59Z', issueDate: '2025-11-12T00:00:00Z', issuerName: 'CN=CA', subjectName: 'CN=wiki.contoso.com', thumbprint: 'AB12' } };

describe('application inventory: the tree joined with the fresh reads and the findings', () => {
  it('takes the fresh settings over what the tree read, keeps a failed read as the tree had it and says why, and lists the gone', () => {
    const groups = [
      group('EU', 3, [app('Wiki'), app('Payroll'), app('Fiori')]),
      group('Asia', 1, [app('Tickets')]),
      // Another agent's group is no part of the App Proxy inventory.
      group('Sync', 1, [app('Ignored')], 'syncFabric'),
    ];
    const fresh = new Map<string, FreshRead>([
      // Changed since the tree read it: passthrough now, with a certificate.
      ['id-Wiki', { kind: 'read', application: app('Wiki', { externalAuthenticationType: 'passthru', ...expiring }) }],
      ['id-Payroll', { kind: 'gone' }],
      ['id-Fiori', { kind: 'failed', problem: 'Not read again (throttled).' }],
      ['id-Tickets', { kind: 'read', application: app('Tickets', { internalUrl: 'http://tickets.corp/' }) }],
    ]);
    const inventory = buildInventory(TENANT, groups, fresh, OPTIONS);
    assert.deepEqual(inventory.rows.map((r) => [r.name, r.group.name, r.group.health, r.preAuthentication, r.readProblem ?? '', r.findings.map((f) => f.rule).join(' ')]), [
      ['Fiori', 'EU', 'ok', 'aadPreAuthentication', 'Not read again (throttled).', ''],
      ['Tickets', 'Asia', 'noRedundancy', 'aadPreAuthentication', '', 'httpInternalUrl'],
      ['Wiki', 'EU', 'ok', 'passthru', '', 'certificateExpiring passthroughPreAuthentication'],
    ]);
    assert.deepEqual(inventory.gone, [{ id: 'id-Payroll', name: 'Payroll' }]);
    assert.deepEqual(inventory.rows.find((r) => r.name === 'Wiki')!.certificate,
      { subject: 'CN=wiki.contoso.com', thumbprint: 'AB12', issuer: 'CN=CA', expiryDate: '2026-12-14T23:59:59Z', daysLeft: 12 });
    assert.equal(inventory.readAt, '2026-12-02T12:00:00.000Z');
  });

  it('joins a shared certificate to every application that has it, in any group', () => {
    const shared = (thumbprint: string) => ({ verifiedCustomDomainCertificatesMetadata: { ...expiring.verifiedCustomDomainCertificatesMetadata, expiryDate: '2027-06-01T00:00:00Z', thumbprint } });
    const groups = [group('EU', 3, [app('A', shared('X1'))]), group('US', 3, [app('B', shared('x1')), app('C', shared('Y2'))])];
    const rows = buildInventory(TENANT, groups, new Map(), OPTIONS).rows;
    assert.deepEqual(rows.map((r) => [r.name, r.findings.map((f) => f.rule)]), [['A', ['sharedCertificate']], ['B', ['sharedCertificate']], ['C', []]]);
  });

  it('leaves group-wide findings to the group health column', () => {
    const rows = buildInventory(TENANT, [group('Down', 0, [app('Wiki')])], new Map(), OPTIONS).rows;
    assert.deepEqual(rows.map((r) => [r.group.health, r.findings.length]), [['down', 0]]);
  });

  it('reads a backend validation Graph did not send as unknown, not as off', () => {
    const rows = buildInventory(TENANT, [group('EU', 3, [app('Wiki', { isBackendCertificateValidationEnabled: undefined })])], new Map(), OPTIONS).rows;
    assert.equal(rows[0].backendValidation, undefined);
  });
});

describe('application inventory as CSV', () => {
  it('writes one row per application, quoting what needs it and keeping formulas as text', () => {
    const groups = [group('EU, "West"', 3, [app('=SUM(A1:A2)', { ...expiring, externalAuthenticationType: 'passthru' })])];
    const csv = inventoryCsv(buildInventory(TENANT, groups, new Map(), OPTIONS));
    const [header, row, end] = csv.split('\r\n');
    assert.equal(header, 'Application,Application ID,Object ID,Kind,Connector group,Group health,External URL,Internal URL,Pre-authentication,Back-end certificate validation,Certificate subject,Certificate thumbprint,Certificate issuer,Certificate expiry,Days left,Findings,Read problem');
    assert.equal(row, [
      "'=SUM(A1:A2)", 'app-=SUM(A1:A2)', 'id-=SUM(A1:A2)', 'App Proxy', '"EU, ""West"""', 'ok',
      'https://=sum(a1:a2).contoso.com/', 'https://=sum(a1:a2).corp/', 'passthru', 'true',
      'CN=wiki.contoso.com', 'AB12', 'CN=CA', '2026-12-14T23:59:59Z', '12',
      '"warning: A custom-domain certificate in \'EU, ""West""\' expires within 30 days: =SUM(A1:A2) (in 12 days, 2026-12-14).\n'
        + 'warning: =SUM(A1:A2) in \'EU, ""West""\' uses passthrough pre-authentication: anyone who reaches the URL reaches the back end, and Conditional Access does not apply."',
      '',
    ].join(','));
    assert.equal(end, '');
  });
});
