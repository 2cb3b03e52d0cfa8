import * as assert from 'node:assert/strict';
import { P, useSandbox } from '../../support/sandboxClient';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('sandbox: connector groups', () => {
  const fx = useSandbox();

  it('lists the demo tenant with one default group, a syncFabric group and a region outside the enum', async () => {
    const { status, body } = await fx.client.call('GET', `${P}/connectorGroups`);
    assert.equal(status, 200);
    assert.match(body['@odata.context'], /\$metadata#onPremisesPublishingProfiles\('applicationProxy'\)\/connectorGroups$/);
    assert.equal(body.value.filter((g: any) => g.isDefault).length, 1);
    assert.ok(body.value.some((g: any) => g.connectorGroupType === 'syncFabric'));
    assert.ok(body.value.some((g: any) => g.region === 'japan'));
    for (const g of body.value) assert.match(g.id, GUID);
  });

  it('gets one group, 404 for an unknown id and 400 for a malformed one', async () => {
    const group = await fx.client.group('EU Frankfurt');
    const found = await fx.client.call('GET', `${P}/connectorGroups/${group.id}`);
    assert.equal(found.status, 200);
    assert.equal(found.body.name, 'EU Frankfurt');
    assert.equal(found.body.region, 'eur');
    const unknown = await fx.client.call('GET', `${P}/connectorGroups/${UNKNOWN}`);
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.code, 'Request_ResourceNotFound');
    const malformed = await fx.client.call('GET', `${P}/connectorGroups/not-a-guid`);
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.error.code, 'Request_BadRequest');
  });

  describe('create', () => {
    it('answers 201 with the group, ignoring read-only properties in the body', async () => {
      const { status, body } = await fx.client.call('POST', `${P}/connectorGroups`, {
        body: { name: 'Branch offices', region: 'eur', isDefault: true, connectorGroupType: 'syncFabric' },
      });
      assert.equal(status, 201);
      assert.match(body.id, GUID);
      assert.deepEqual(
        { name: body.name, region: body.region, isDefault: body.isDefault, type: body.connectorGroupType },
        { name: 'Branch offices', region: 'eur', isDefault: false, type: 'applicationProxy' },
      );
      assert.equal((await fx.client.group('Branch offices')).id, body.id);
    });

    it('answers 200 in the alternate status variant', async () => {
      await fx.client.options({ variant: 'alternate' });
      const { status, body } = await fx.client.call('POST', `${P}/connectorGroups`, { body: { name: 'Alt' } });
      assert.equal(status, 200);
      assert.equal(body.name, 'Alt');
    });

    it('puts a group created without a region in the default region', async () => {
      const { body } = await fx.client.call('POST', `${P}/connectorGroups`, { body: { name: 'No region' } });
      assert.equal(body.region, 'nam');
    });

    it('allows duplicate names, as Graph does', async () => {
      const first = await fx.client.call('POST', `${P}/connectorGroups`, { body: { name: 'Twin' } });
      const second = await fx.client.call('POST', `${P}/connectorGroups`, { body: { name: 'Twin' } });
      assert.equal(second.status, 201);
      assert.notEqual(first.body.id, second.body.id);
    });

    for (const [why, body] of [
      ['no name', { region: 'eur' }],
      ['a blank name', { name: '   ' }],
      ['a name that is not text', { name: 42 }],
      ['a 257-character name', { name: 'x'.repeat(257) }],
      ['a region outside the enum', { name: 'A', region: 'mars' }],
      ['the unknownFutureValue sentinel', { name: 'A', region: 'unknownFutureValue' }],
      ['an unknown property', { name: 'A', colour: 'blue' }],
    ] as const) {
      it(`refuses ${why} with 400 and creates nothing`, async () => {
        const before = (await fx.client.state()).groups.length;
        const { status, body: answer } = await fx.client.call('POST', `${P}/connectorGroups`, { body });
        assert.equal(status, 400);
        assert.equal(answer.error.code, 'Request_BadRequest');
        assert.ok(answer.error.message.length > 10);
        assert.equal((await fx.client.state()).groups.length, before);
      });
    }

    it('accepts a 256-character name', async () => {
      const { status } = await fx.client.call('POST', `${P}/connectorGroups`, { body: { name: 'y'.repeat(256) } });
      assert.equal(status, 201);
    });

    it('refuses a body that is not JSON', async () => {
      const { status, body } = await fx.client.call('POST', `${P}/connectorGroups`, { raw: '{name:', headers: { 'Content-Type': 'application/json' } });
      assert.equal(status, 400);
      assert.match(body.error.message, /JSON/);
    });
  });

  describe('update', () => {
    it('renames with 204 and no body', async () => {
      const group = await fx.client.group('Asia Singapore');
      const answer = await fx.client.call('PATCH', `${P}/connectorGroups/${group.id}`, { body: { name: 'Asia Singapore 2' } });
      assert.equal(answer.status, 204);
      assert.equal(answer.body, undefined);
      assert.equal((await fx.client.call('GET', `${P}/connectorGroups/${group.id}`)).body.name, 'Asia Singapore 2');
    });

    it('answers 200 with the group in the alternate variant', async () => {
      await fx.client.options({ variant: 'alternate' });
      const group = await fx.client.group('India Pune');
      const answer = await fx.client.call('PATCH', `${P}/connectorGroups/${group.id}`, { body: { region: 'aus' } });
      assert.equal(answer.status, 200);
      assert.equal(answer.body.region, 'aus');
    });

    it('sets the region of a group with no connectors and no applications', async () => {
      const group = await fx.client.group('India Pune');
      const answer = await fx.client.call('PATCH', `${P}/connectorGroups/${group.id}`, { body: { region: 'eur' } });
      assert.equal(answer.status, 204);
      assert.equal((await fx.client.group('India Pune')).region, 'eur');
    });

    it('refuses a region change while connectors are assigned', async () => {
      const group = await fx.client.group('EU Frankfurt');
      const answer = await fx.client.call('PATCH', `${P}/connectorGroups/${group.id}`, { body: { region: 'aus' } });
      assert.equal(answer.status, 400);
      assert.match(answer.body.error.message, /no connector and no application/);
      assert.equal((await fx.client.group('EU Frankfurt')).region, 'eur');
    });

    it('refuses a region change while only applications are assigned', async () => {
      const empty = await fx.client.group('India Pune');
      const state = await fx.client.state();
      const app = state.applications.find((a) => a.onPremisesPublishing)!;
      await fx.client.call('PUT', `/beta/applications/${app.id}/connectorGroup/$ref`, {
        body: { '@odata.id': `https://graph.microsoft.com/beta${P.slice(5)}/connectorGroups/${empty.id}` },
      });
      const answer = await fx.client.call('PATCH', `${P}/connectorGroups/${empty.id}`, { body: { region: 'eur' } });
      assert.equal(answer.status, 400);
      assert.equal((await fx.client.group('India Pune')).region, 'ind');
    });

    it('refuses read-only properties and an empty name', async () => {
      const group = await fx.client.group('Default');
      for (const body of [{ isDefault: false }, { connectorGroupType: 'syncFabric' }, { id: group.id }, { name: '' }]) {
        const answer = await fx.client.call('PATCH', `${P}/connectorGroups/${group.id}`, { body });
        assert.equal(answer.status, 400, JSON.stringify(body));
      }
      const after = await fx.client.group('Default');
      assert.equal(after.isDefault, true);
    });
  });

  describe('delete', () => {
    it('deletes an empty group with 204', async () => {
      const group = await fx.client.group('India Pune');
      assert.equal((await fx.client.call('DELETE', `${P}/connectorGroups/${group.id}`)).status, 204);
      assert.equal((await fx.client.call('GET', `${P}/connectorGroups/${group.id}`)).status, 404);
    });

    it('refuses the default group', async () => {
      const group = await fx.client.group('Default');
      const answer = await fx.client.call('DELETE', `${P}/connectorGroups/${group.id}`);
      assert.equal(answer.status, 400);
      assert.match(answer.body.error.message, /default/);
    });

    it('refuses a group with connectors', async () => {
      const group = await fx.client.group('EU Frankfurt');
      const answer = await fx.client.call('DELETE', `${P}/connectorGroups/${group.id}`);
      assert.equal(answer.status, 400);
      assert.ok((await fx.client.state()).groups.some((g) => g.id === group.id));
    });

    it('refuses a group with applications only', async () => {
      const group = await fx.client.group('Australia Sydney');
      const state = await fx.client.state();
      const defaultGroup = state.groups.find((g) => g.isDefault)!;
      for (const connectorId of group.members) {
        await fx.client.call('POST', `${P}/connectorGroups/${defaultGroup.id}/members/$ref`, {
          body: { '@odata.id': `${fx.client.url}${P}/connectors/${connectorId}` },
        });
      }
      assert.deepEqual((await fx.client.group('Australia Sydney')).members, []);
      const answer = await fx.client.call('DELETE', `${P}/connectorGroups/${group.id}`);
      assert.equal(answer.status, 400);
    });

    it('answers 404 for an unknown group', async () => {
      assert.equal((await fx.client.call('DELETE', `${P}/connectorGroups/${UNKNOWN}`)).status, 404);
    });
  });
});
