import * as assert from 'node:assert/strict';
import { P, useSandbox } from '../../support/sandboxClient';

const SEGMENTS = 'onPremisesPublishing/segmentsConfiguration/microsoft.graph.ipSegmentConfiguration/applicationSegments';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const NEW_FIELDS = ['applicationType', 'isAccessibleViaZTNAClient', 'isBackendCertificateValidationEnabled', 'verifiedCustomDomainCertificatesMetadata'];

/** Compares dotted version numbers part by part. */
const below = (version: string, minimum: string) => {
  const a = version.split('.').map(Number);
  const b = minimum.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  return false;
};

describe('sandbox: Private Access, Quick Access and the inventory fields of applications', () => {
  const fx = useSandbox();

  async function applications(): Promise<any[]> {
    const { status, body } = await fx.client.call('GET', '/beta/applications?$select=id,displayName,onPremisesPublishing');
    assert.equal(status, 200);
    return body.value;
  }
  const ofType = async (type: string | null) => (await applications()).find((a) => a.onPremisesPublishing && a.onPremisesPublishing.applicationType === type);

  it('returns the Private Access and inventory fields inside onPremisesPublishing, only when it is $selected', async () => {
    const apps = await applications();
    const published = apps.filter((a) => a.onPremisesPublishing);
    assert.ok(published.length > 0);
    for (const app of published) {
      for (const field of NEW_FIELDS) assert.ok(field in app.onPremisesPublishing, `${app.displayName} has ${field}`);
    }
    const plain = (await fx.client.call('GET', '/beta/applications')).body.value;
    assert.ok(plain.every((a: any) => !('onPremisesPublishing' in a) && NEW_FIELDS.every((f) => !(f in a))));
  });

  it('has a Private Access application, a Quick Access one, web applications and one of a type the client does not know', async () => {
    const types = (await applications()).filter((a) => a.onPremisesPublishing).map((a) => a.onPremisesPublishing.applicationType);
    assert.ok(types.includes('nonwebapp'));
    assert.ok(types.includes('quickaccessapp'));
    assert.ok(types.includes(null), 'web applications without a type');
    assert.ok(types.some((t) => t !== null && t !== 'nonwebapp' && t !== 'quickaccessapp'), 'a type outside the known ones');
    const privateAccess = await ofType('nonwebapp');
    assert.equal(privateAccess.onPremisesPublishing.isAccessibleViaZTNAClient, true);
    assert.equal((await ofType(null)).onPremisesPublishing.isAccessibleViaZTNAClient, false);
  });

  it('has a custom-domain certificate near expiry, with ISO dates, issuer, subject and thumbprint; null without a custom domain', async () => {
    const apps = (await applications()).filter((a) => a.onPremisesPublishing);
    const certificates = apps.map((a) => a.onPremisesPublishing.verifiedCustomDomainCertificatesMetadata).filter(Boolean);
    assert.ok(apps.some((a) => a.onPremisesPublishing.verifiedCustomDomainCertificatesMetadata === null));
    for (const c of certificates) {
      assert.deepEqual(Object.keys(c).sort(), ['expiryDate', 'issueDate', 'issuerName', 'subjectName', 'thumbprint']);
      assert.ok(!Number.isNaN(Date.parse(c.expiryDate)) && Date.parse(c.issueDate) < Date.parse(c.expiryDate));
      assert.match(c.thumbprint, /^[0-9A-F]{40}$/);
    }
    const days = (c: any) => (Date.parse(c.expiryDate) - Date.now()) / 86_400_000;
    assert.ok(certificates.some((c) => days(c) > 0 && days(c) < 30), 'one expires within 30 days');
    assert.ok(certificates.some((c) => days(c) > 90), 'one does not');
  });

  it('has active connectors older than Private Access (1.5.3417.0) and region-optimised groups (1.5.1975.0) need', async () => {
    const connectors = (await fx.client.call('GET', `${P}/connectors?$filter=status eq 'active'`)).body.value;
    assert.ok(connectors.some((c: any) => below(c.version, '1.5.3417.0') && !below(c.version, '1.5.1975.0')));
    assert.ok(connectors.some((c: any) => below(c.version, '1.5.1975.0')));
    assert.ok(connectors.some((c: any) => !below(c.version, '1.5.3417.0')));
  });

  it("lists Private Access and web applications together in a group's applications", async () => {
    const state = await fx.client.state();
    const privateAccess = await ofType('nonwebapp');
    const group = state.groups.find((g) => g.applications.includes(privateAccess.id))!;
    const { body } = await fx.client.call('GET', `${P}/connectorGroups/${group.id}/applications?$select=id,onPremisesPublishing`);
    const types = body.value.map((a: any) => a.onPremisesPublishing.applicationType);
    assert.ok(types.includes('nonwebapp') && types.includes(null), types.join());
  });

  it('reads the whole onPremisesPublishing object at applications/{id}/onPremisesPublishing, with $select of its properties', async () => {
    const privateAccess = await ofType('nonwebapp');
    const direct = await fx.client.call('GET', `/beta/applications/${privateAccess.id}/onPremisesPublishing`);
    assert.equal(direct.status, 200);
    assert.equal(direct.body.applicationType, 'nonwebapp');
    for (const field of NEW_FIELDS) assert.ok(field in direct.body, field);
    const some = await fx.client.call('GET', `/beta/applications/${privateAccess.id}/onPremisesPublishing?$select=applicationType,isAccessibleViaZTNAClient`);
    assert.equal(some.status, 200);
    assert.deepEqual(Object.keys(some.body).filter((k) => !k.startsWith('@odata.')).sort(), ['applicationType', 'isAccessibleViaZTNAClient']);
    assert.equal((await fx.client.call('GET', `/beta/applications/${privateAccess.id}/onPremisesPublishing?$select=colour`)).status, 400);
    const unknown = await fx.client.call('GET', `/beta/applications/${UNKNOWN}/onPremisesPublishing`);
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.code, 'Request_ResourceNotFound');
    assert.equal((await fx.client.call('GET', '/beta/applications/not-a-guid/onPremisesPublishing')).status, 400);
  });

  describe('application segments', () => {
    it("lists a Private Access application's segments, paged like any collection", async () => {
      const privateAccess = await ofType('nonwebapp');
      const path = `/beta/applications/${privateAccess.id}/${SEGMENTS}`;
      const all = await fx.client.call('GET', path);
      assert.equal(all.status, 200);
      assert.match(all.body['@odata.context'], /\/\$metadata#applications\('[0-9a-f-]{36}'\)\/onPremisesPublishing\/segmentsConfiguration\/microsoft\.graph\.ipSegmentConfiguration\/applicationSegments$/);
      assert.ok(all.body.value.length > 2);
      for (const segment of all.body.value) {
        assert.match(segment.id, /^[0-9a-f-]{36}$/);
        assert.ok(['ipAddress', 'ipRange', 'ipRangeCidr', 'fqdn', 'dnsSuffix'].includes(segment.destinationType), segment.destinationType);
        assert.ok(['tcp', 'udp'].includes(segment.protocol));
        assert.ok(Array.isArray(segment.ports) && segment.ports.every((p: unknown) => typeof p === 'string'));
        assert.equal(typeof segment.destinationHost, 'string');
      }
      const seen: any[] = [];
      let next: string | undefined = `${path}?$top=2`;
      while (next) {
        const page: any = await fx.client.call('GET', next);
        assert.equal(page.status, 200);
        assert.ok(page.body.value.length <= 2);
        seen.push(...page.body.value);
        next = page.body['@odata.nextLink'];
        if (next) assert.ok(next.startsWith(`${fx.client.url}/beta/applications/`), next);
      }
      assert.deepEqual(seen.map((s) => s.id), all.body.value.map((s: any) => s.id));
      const selected = await fx.client.call('GET', `${path}?$select=destinationHost`);
      assert.deepEqual(Object.keys(selected.body.value[0]).sort(), ['destinationHost', 'id']);
      assert.equal((await fx.client.call('GET', `${path}?$select=colour`)).status, 400);
    });

    it("lists a Quick Access application's segments", async () => {
      const quickAccess = await ofType('quickaccessapp');
      const { status, body } = await fx.client.call('GET', `/beta/applications/${quickAccess.id}/${SEGMENTS}`);
      assert.equal(status, 200);
      assert.ok(body.value.length > 0);
    });

    it('answers 404 Request_ResourceNotFound for a web application, a plain one, one of an unknown type and an unknown id', async () => {
      const apps = await applications();
      const unknownType = apps.find((a) => a.onPremisesPublishing && ![null, 'nonwebapp', 'quickaccessapp'].includes(a.onPremisesPublishing.applicationType));
      for (const id of [(await ofType(null)).id, apps.find((a) => a.onPremisesPublishing === null).id, unknownType.id, UNKNOWN]) {
        const answer = await fx.client.call('GET', `/beta/applications/${id}/${SEGMENTS}`);
        assert.equal(answer.status, 404, id);
        assert.equal(answer.body.error.code, 'Request_ResourceNotFound');
      }
    });

    it('is beta only', async () => {
      const privateAccess = await ofType('nonwebapp');
      const answer = await fx.client.call('GET', `/v1.0/applications/${privateAccess.id}/${SEGMENTS}`);
      assert.equal(answer.status, 400);
      assert.match(answer.body.error.message, /onPremisesPublishing/);
    });
  });

  it('makes and lists a large generated tenant quickly', async function () {
    this.timeout(30_000);
    const started = Date.now();
    await fx.client.reset({ groups: 500, connectors: 5000, applications: 10_000 });
    const page = await fx.client.call('GET', '/beta/applications?$select=id,onPremisesPublishing&$top=999');
    assert.equal(page.body.value.length, 999);
    assert.ok(Date.now() - started < 5000, `${Date.now() - started} ms`);
  });
});
