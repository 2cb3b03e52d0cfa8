import * as assert from 'node:assert/strict';
import { P, useSandbox } from '../../support/sandboxClient';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('sandbox: connectors and members', () => {
  const fx = useSandbox();
  const ref = (connectorId: string, host = 'https://graph.microsoft.com') =>
    ({ '@odata.id': `${host}/beta/onPremisesPublishingProfiles/applicationProxy/connectors/${connectorId}` });

  it('lists, gets and reports the group of connectors', async () => {
    const list = await fx.client.call('GET', `${P}/connectors`);
    assert.equal(list.status, 200);
    assert.ok(list.body.value.length >= 8 && list.body.value.length <= 12);
    const connector = list.body.value[0];
    assert.deepEqual(Object.keys(connector).sort(), ['externalIp', 'id', 'machineName', 'status', 'version']);
    const one = await fx.client.call('GET', `${P}/connectors/${connector.id}`);
    assert.equal(one.body.machineName, connector.machineName);
    const memberOf = await fx.client.call('GET', `${P}/connectors/${connector.id}/memberOf`);
    assert.equal(memberOf.status, 200);
    assert.equal(memberOf.body.value.length, 1);
    const state = await fx.client.state();
    assert.equal(memberOf.body.value[0].id, state.connectors.find((c) => c.id === connector.id)!.groupId);
    assert.equal((await fx.client.call('GET', `${P}/connectors/${UNKNOWN}`)).status, 404);
  });

  it('stops and starts a connector through the control API, as Graph then lists it; refuses another status and an unknown id', async () => {
    const [first] = (await fx.client.call('GET', `${P}/connectors`)).body.value;
    const stopped = await fx.client.call('PATCH', `/_sandbox/connectors/${first.id}`, { body: { status: 'inactive' } });
    assert.equal(stopped.status, 200);
    assert.equal((await fx.client.call('GET', `${P}/connectors/${first.id}`)).body.status, 'inactive');
    assert.equal((await fx.client.call('PATCH', `/_sandbox/connectors/${first.id}`, { body: { status: 'active' } })).status, 200);
    assert.equal((await fx.client.call('GET', `${P}/connectors/${first.id}`)).body.status, 'active');
    assert.equal((await fx.client.call('PATCH', `/_sandbox/connectors/${first.id}`, { body: { status: 'sleeping' } })).status, 400);
    assert.equal((await fx.client.call('PATCH', `/_sandbox/connectors/${UNKNOWN}`, { body: { status: 'active' } })).status, 404);
    assert.equal((await fx.client.call('PATCH', `/_sandbox/connectors/${first.id}`, { body: { status: 'inactive' }, token: null })).status, 401);
  });

  it('has active and inactive connectors and filters on status', async () => {
    const all = (await fx.client.call('GET', `${P}/connectors`)).body.value;
    const active = (await fx.client.call('GET', `${P}/connectors?$filter=status eq 'active'`)).body.value;
    assert.ok(active.length > 0 && active.length < all.length);
    assert.ok(active.every((c: any) => c.status === 'active'));
  });

  it('lists the members of a group', async () => {
    const group = await fx.client.group('EU Frankfurt');
    const { status, body } = await fx.client.call('GET', `${P}/connectorGroups/${group.id}/members`);
    assert.equal(status, 200);
    assert.deepEqual(body.value.map((c: any) => c.id).sort(), [...group.members].sort());
  });

  it('moves a connector with members/$ref: 204, and it leaves its old group', async () => {
    const from = await fx.client.group('EU Frankfurt');
    const to = await fx.client.group('Default');
    const connectorId = from.members[0];
    const answer = await fx.client.call('POST', `${P}/connectorGroups/${to.id}/members/$ref`, { body: ref(connectorId) });
    assert.equal(answer.status, 204);
    assert.ok((await fx.client.group('Default')).members.includes(connectorId));
    assert.ok(!(await fx.client.group('EU Frankfurt')).members.includes(connectorId));
  });

  it('answers 201 with the connector in the alternate variant', async () => {
    await fx.client.options({ variant: 'alternate' });
    const from = await fx.client.group('EU Frankfurt');
    const to = await fx.client.group('Default');
    const answer = await fx.client.call('POST', `${P}/connectorGroups/${to.id}/members/$ref`, { body: ref(from.members[0]) });
    assert.equal(answer.status, 201);
    assert.equal(answer.body.id, from.members[0]);
  });

  it("accepts the sandbox's own base URL in @odata.id", async () => {
    const from = await fx.client.group('EU Frankfurt');
    const to = await fx.client.group('Default');
    const answer = await fx.client.call('POST', `${P}/connectorGroups/${to.id}/members/$ref`, { body: ref(from.members[0], fx.client.url) });
    assert.equal(answer.status, 204);
  });

  it('refuses malformed, foreign and unknown references', async () => {
    const to = await fx.client.group('Default');
    const path = `${P}/connectorGroups/${to.id}/members/$ref`;
    assert.equal((await fx.client.call('POST', path, { body: {} })).status, 400);
    assert.equal((await fx.client.call('POST', path, { body: { '@odata.id': 'not a url' } })).status, 400);
    assert.equal((await fx.client.call('POST', path, { body: ref('nope') })).status, 400);
    assert.equal((await fx.client.call('POST', path, { body: ref(UNKNOWN, 'https://evil.example') })).status, 400);
    const unknown = await fx.client.call('POST', path, { body: ref(UNKNOWN) });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.code, 'Request_ResourceNotFound');
  });

  it('refuses to move a connector into a region-optimised group from outside the default region', async () => {
    const from = await fx.client.group('EU Frankfurt');
    const to = await fx.client.group('Asia Singapore');
    const answer = await fx.client.call('POST', `${P}/connectorGroups/${to.id}/members/$ref`, { body: ref(from.members[0]) });
    assert.equal(answer.status, 400);
    assert.match(answer.body.error.message, /default region/);
    assert.ok((await fx.client.group('EU Frankfurt')).members.includes(from.members[0]));
  });

  it('moves a connector from the default region into a region-optimised group', async () => {
    const from = await fx.client.group('Default');
    const to = await fx.client.group('Asia Singapore');
    const answer = await fx.client.call('POST', `${P}/connectorGroups/${to.id}/members/$ref`, { body: ref(from.members[0]) });
    assert.equal(answer.status, 204);
  });

  it('moves a connector with connectors/{id}/memberOf/$ref: 204 without a body', async () => {
    const from = await fx.client.group('EU Frankfurt');
    const to = await fx.client.group('Default');
    const answer = await fx.client.call('POST', `${P}/connectors/${from.members[0]}/memberOf/$ref`, {
      body: { '@odata.id': `https://graph.microsoft.com/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups/${to.id}` },
    });
    assert.equal(answer.status, 204);
    assert.equal(answer.body, undefined);
    assert.ok((await fx.client.group('Default')).members.includes(from.members[0]));
  });

  it('answers memberOf/$ref with 201 and the connector group in the alternate variant, never a bodiless 201', async () => {
    await fx.client.options({ variant: 'alternate' });
    const from = await fx.client.group('EU Frankfurt');
    const to = await fx.client.group('Default');
    const answer = await fx.client.call('POST', `${P}/connectors/${from.members[0]}/memberOf/$ref`, {
      body: { '@odata.id': `https://graph.microsoft.com/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups/${to.id}` },
    });
    assert.equal(answer.status, 201);
    assert.equal(answer.body.id, to.id);
    assert.equal(answer.body.isDefault, true);
  });

  for (const version of ['beta', 'v1.0']) {
    it(`accepts the seed-002 draft path under /${version}, with @odata.id or id`, async () => {
      const state = await fx.client.state();
      const app = state.applications.find((a) => a.onPremisesPublishing)!;
      const from = await fx.client.group('EU Frankfurt');
      const to = await fx.client.group('Default');
      const path = `/${version}/applications/${app.id}/connectorGroup/members/${from.members[0]}/memberOf/$ref`;
      const viaRef = await fx.client.call('POST', path, {
        body: { '@odata.id': `https://graph.microsoft.com/${version}/onPremisesPublishingProfiles/applicationProxy/connectorGroups/${to.id}` },
      });
      assert.equal(viaRef.status, 204);
      assert.ok((await fx.client.group('Default')).members.includes(from.members[0]));
      const back = await fx.client.call('POST', `/${version}/applications/${app.id}/connectorGroup/members/${from.members[0]}/memberOf/$ref`, { body: { id: from.id } });
      assert.equal(back.status, 204);
      assert.ok((await fx.client.group('EU Frankfurt')).members.includes(from.members[0]));
    });
  }
});
