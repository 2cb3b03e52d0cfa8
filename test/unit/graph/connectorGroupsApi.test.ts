import * as assert from 'node:assert/strict';
import { GraphInputError, GraphRequestError } from '../../../src/graph/errors';
import { isPublished } from '../../../src/graph/connectorGroupsApi';
import { gatewayFor } from '../../support/gateway';
import { useSandbox } from '../../support/sandboxClient';

describe('graph gateway: every operation against the sandbox', () => {
  const fx = useSandbox();
  const gateway = () => gatewayFor(fx.client.url, fx.client.token);

  it('reads the organization', async () => {
    const org = await gateway().api.organization();
    assert.equal(org?.id, (await fx.client.state()).organization.id);
  });

  it('lists and gets groups', async () => {
    const { api } = gateway();
    const groups = await api.listGroups();
    assert.equal(groups.length, (await fx.client.state()).groups.length);
    const eu = groups.find((g) => g.name === 'EU Frankfurt')!;
    assert.deepEqual(await api.getGroup(eu.id), eu);
  });

  it('finds groups by a name with quotes in it', async () => {
    const { api } = gateway();
    await api.createGroup({ name: "Bob's 'special' group" });
    const found = await api.findGroupsByName("Bob's 'special' group");
    assert.deepEqual(found.map((g) => g.name), ["Bob's 'special' group"]);
  });

  for (const variant of ['standard', 'alternate'] as const) {
    it(`creates, renames, sets the region of and deletes a group (${variant} statuses)`, async () => {
      await fx.client.options({ variant });
      const { api } = gateway();
      const created = await api.createGroup({ name: '  Branch offices  ', region: 'eur' });
      assert.equal(created.name, 'Branch offices');
      assert.equal((await fx.client.group('Branch offices')).region, 'eur');
      const renamed = await api.updateGroup(created, { name: 'Branches' });
      assert.equal(renamed.name, 'Branches');
      assert.equal(renamed.region, 'eur');
      const moved = await api.updateGroup(renamed, { region: 'asia' });
      assert.deepEqual({ name: moved.name, region: moved.region }, { name: 'Branches', region: 'asia' });
      assert.equal((await fx.client.group('Branches')).region, 'asia');
      await api.deleteGroup(created.id);
      assert.ok(!(await fx.client.state()).groups.some((g) => g.id === created.id));
    });
  }

  it('lists members, applications and connectors, and the group of a connector', async () => {
    const { api } = gateway();
    const eu = await fx.client.group('EU Frankfurt');
    assert.deepEqual((await api.listMembers(eu.id)).map((c) => c.id).sort(), [...eu.members].sort());
    assert.deepEqual((await api.listGroupApplications(eu.id)).map((a) => a.id).sort(), [...eu.applications].sort());
    const connectors = await api.listConnectors();
    assert.equal(connectors.length, (await fx.client.state()).connectors.length);
    const connector = await api.getConnector(eu.members[0]);
    assert.equal(connector.id, eu.members[0]);
    assert.equal((await api.connectorGroupOf(eu.members[0]))?.id, eu.id);
  });

  it('moves a connector', async () => {
    const { api } = gateway();
    const eu = await fx.client.group('EU Frankfurt');
    const home = await fx.client.group('Default');
    await api.moveConnector(eu.members[0], home.id);
    assert.ok((await fx.client.group('Default')).members.includes(eu.members[0]));
  });

  it('moves several connectors in one $batch round trip', async () => {
    const { api, trips } = gateway();
    const eu = await fx.client.group('EU Frankfurt');
    const home = await fx.client.group('Default');
    const outcomes = await api.moveConnectors(eu.members, home.id);
    assert.ok([...outcomes.values()].every((o) => o.ok));
    assert.equal(trips.length, 1);
    assert.deepEqual((await fx.client.group('EU Frankfurt')).members, []);
  });

  it('lists applications, tells published ones apart, and reads their group', async () => {
    const { api } = gateway();
    const apps = await api.listApplications();
    const state = await fx.client.state();
    assert.equal(apps.length, state.applications.length);
    assert.equal(apps.filter(isPublished).length, state.applications.filter((a) => a.onPremisesPublishing).length);
    const app = apps.find(isPublished)!;
    assert.equal((await api.getApplication(app.id)).displayName, app.displayName);
    assert.equal((await api.applicationGroup(app.id)).id, state.applications.find((a) => a.id === app.id)!.groupId);
  });

  it('assigns and unassigns applications', async () => {
    const { api, trips } = gateway();
    const pune = await fx.client.group('India Pune');
    const eu = await fx.client.group('EU Frankfurt');
    await api.assignApplication(eu.applications[0], pune.id);
    assert.deepEqual((await fx.client.group('India Pune')).applications, [eu.applications[0]]);
    trips.length = 0;
    const outcomes = await api.assignApplications(eu.applications.slice(1), pune.id);
    assert.ok([...outcomes.values()].every((o) => o.ok));
    assert.equal(trips.length, 1);
    assert.equal((await fx.client.group('India Pune')).applications.length, eu.applications.length);
    await api.unassignApplication(eu.applications[0]);
    assert.ok((await fx.client.group('Default')).applications.includes(eu.applications[0]));
  });

  it('loads every group with its contents in two round trips for the demo tenant', async () => {
    const { api, trips } = gateway();
    const groups = await api.loadGroupsWithContents();
    const state = await fx.client.state();
    assert.equal(trips.length, 2);
    for (const group of state.groups) {
      const loaded = groups.find((g) => g.id === group.id)!;
      assert.deepEqual(loaded.members.map((c) => c.id).sort(), [...group.members].sort());
      assert.deepEqual(loaded.applications.map((a) => a.id).sort(), [...group.applications].sort());
    }
  });

  it('refuses a malformed id and a bad name before anything is sent', async () => {
    const { api, trips } = gateway();
    await assert.rejects(api.getGroup('../../organization'), GraphInputError);
    await assert.rejects(api.moveConnector('x', '00000000-0000-4000-8000-000000000000'), GraphInputError);
    await assert.rejects(api.createGroup({ name: '   ' }), GraphInputError);
    await assert.rejects(api.createGroup({ name: 'ok', region: 'mars' }), GraphInputError);
    assert.equal(trips.length, 0);
  });

  it("turns Graph's refusal into a typed error with status, code, message and request id", async () => {
    const { api, trips } = gateway();
    const home = await fx.client.group('Default');
    const error = await api.deleteGroup(home.id).then(() => undefined, (e) => e);
    assert.ok(error instanceof GraphRequestError);
    assert.equal(error.status, 400);
    assert.equal(error.code, 'Request_BadRequest');
    assert.match(error.graphMessage, /default connector group cannot be deleted/);
    assert.equal(error.requestId, trips[0].requestId);
    assert.match(error.message, /default connector group cannot be deleted.*HTTP 400 Request_BadRequest, request id [0-9a-f-]{36}/);
  });
});
