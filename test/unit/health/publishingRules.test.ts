import * as assert from 'node:assert/strict';
import type { Application, Connector, ConnectorGroupWithContents } from '../../../src/graph/types';
import { tenantFindings, type RuleId, type Severity } from '../../../src/health/rules';

// Noon on 2026-12-02 (UTC): the days below are counted by hand from it.
const NOW = Date.parse('2026-12-02T12:00:00Z');

const connectors = (): Connector[] => ['C1', 'C2', 'C3'].map((machineName) => ({ id: machineName, machineName, status: 'active', version: '1.5.3437.0', externalIp: '' }));

function app(displayName: string, publishing: Record<string, unknown> = {}): Application {
  return {
    id: displayName, appId: displayName, displayName,
    onPremisesPublishing: {
      externalUrl: `https://${displayName}.msappproxy.net/`, internalUrl: `https://${displayName}.corp/`,
      externalAuthenticationType: 'aadPreAuthentication', isBackendCertificateValidationEnabled: true, ...publishing,
    },
  };
}
const certificate = (expiryDate: string, thumbprint = `T-${expiryDate}`, subjectName = 'CN=*.contoso.com') =>
  ({ verifiedCustomDomainCertificatesMetadata: { expiryDate, issueDate: '2025-01-01T00:00:00Z', issuerName: 'CN=CA', subjectName, thumbprint } });

function group(name: string, applications: Application[]): ConnectorGroupWithContents {
  return { id: name, name, connectorGroupType: 'applicationProxy', isDefault: name === 'Default', region: 'nam', members: connectors(), applications };
}

type Row = [RuleId, Severity, string, string[]];
function found(groups: ConnectorGroupWithContents[], certificateWarningDays = 30): Row[] {
  return tenantFindings([group('Default', []), ...groups], { now: NOW, certificateWarningDays })
    .map((f) => [f.rule, f.severity, f.group.name, f.applicationsAtRisk.map((a) => a.displayName)]);
}

describe('health rules: how applications are published', () => {
  it('finds nothing in an application published by the book', () => {
    assert.deepEqual(found([group('A', [app('Wiki', certificate('2027-06-01T00:00:00Z'))])]), []);
  });

  it('an expired certificate is an error, one expiring within the days a warning, the rest nothing', () => {
    const rows = found([group('A', [
      app('Old', certificate('2026-12-01T23:59:59Z')), // expired yesterday
      app('Soon', certificate('2026-12-14T23:59:59Z')), // 12 days left
      app('Edge', certificate('2027-01-01T12:00:00Z')), // 30 days: not within 30
      app('Later', certificate('2027-03-01T00:00:00Z')),
    ])]);
    assert.deepEqual(rows, [
      ['certificateExpired', 'error', 'A', ['Old']],
      ['certificateExpiring', 'warning', 'A', ['Soon']],
    ]);
  });

  it('says the dates and the days left in the sentence', () => {
    const [expired, expiring] = tenantFindings([group('A', [app('Old', certificate('2026-11-29T10:00:00Z')), app('Soon', certificate('2026-12-14T23:59:59Z'))])], { now: NOW, certificateWarningDays: 30 });
    assert.equal(expired.message, "Custom-domain certificate expired in 'A': Old (expired 2026-11-29). Users get certificate errors until it is renewed and uploaded.");
    assert.equal(expiring.message, "A custom-domain certificate in 'A' expires within 30 days: Soon (in 12 days, 2026-12-14).");
    const [both] = tenantFindings([group('A', [app('X', certificate('2026-12-02T18:00:00Z')), app('Y', certificate('2026-12-03T13:00:00Z'))])], { now: NOW, certificateWarningDays: 30 });
    assert.equal(both.message, "Custom-domain certificates in 'A' expire within 30 days: X (expires today) and Y (tomorrow, 2026-12-03).");
  });

  it('follows the configured number of days', () => {
    const groups = [group('A', [app('Soon', certificate('2026-12-14T23:59:59Z'))])];
    assert.deepEqual(found(groups, 10), []);
    assert.deepEqual(found(groups, 13), [['certificateExpiring', 'warning', 'A', ['Soon']]]);
  });

  it('passthrough is a warning; an http back end and validation off are information', () => {
    assert.deepEqual(found([group('A', [
      app('Open', { externalAuthenticationType: 'passthru' }),
      app('Plain', { internalUrl: 'HTTP://plain.corp/' }),
      app('Trusting', { isBackendCertificateValidationEnabled: false }),
      // Validation means nothing over http: only the http finding.
      app('Both', { internalUrl: 'http://both.corp/', isBackendCertificateValidationEnabled: false }),
      // A field Graph did not send is no finding.
      app('Unsaid', { isBackendCertificateValidationEnabled: undefined }),
    ])]), [
      ['passthroughPreAuthentication', 'warning', 'A', ['Open']],
      ['httpInternalUrl', 'information', 'A', ['Plain', 'Both']],
      ['backendValidationOff', 'information', 'A', ['Trusting']],
    ]);
  });

  it('asks no web-application rule of Private Access and Quick Access', () => {
    assert.deepEqual(found([group('A', [
      app('Files', { applicationType: 'nonwebapp', externalAuthenticationType: 'passthru', internalUrl: 'http://x/', isBackendCertificateValidationEnabled: false }),
      app('Quick', { applicationType: 'quickaccessapp', externalAuthenticationType: 'passthru' }),
    ])]), []);
  });

  it('finds one certificate on applications of several groups once, whatever the thumbprint case', () => {
    const rows = found([
      group('B', [app('Payroll', certificate('2027-06-01T00:00:00Z', 'abc1'))]),
      group('A', [app('Fiori', certificate('2027-06-01T00:00:00Z', 'ABC1')), app('Own', certificate('2027-06-01T00:00:00Z', 'DEF2'))]),
    ]);
    assert.deepEqual(rows, [['sharedCertificate', 'hint', 'B', ['Payroll', 'Fiori']]]);
  });

  it('reads broken metadata as no certificate rather than guessing', () => {
    assert.deepEqual(found([group('A', [
      app('NoDate', { verifiedCustomDomainCertificatesMetadata: { subjectName: 'CN=x', thumbprint: 'A' } }),
      app('BadDate', certificate('next year')),
      app('NotObject', { verifiedCustomDomainCertificatesMetadata: 'CN=x' }),
      app('Null', { verifiedCustomDomainCertificatesMetadata: null }),
    ])]), []);
  });
});
