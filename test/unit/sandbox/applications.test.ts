import * as assert from 'node:assert/strict';
import { P, useSandbox } from '../../support/sandboxClient';

const groupRef = (id: string) => ({ '@odata.id': `https://graph.microsoft.com/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups/${id}` });

describe('sandbox: applications', () => {
  const fx = useSandbox();

  async function published() {
    const state = await fx.client.state();
    return {
      app: state.applications.find((a) => a.onPremisesPublishing && a.groupId !== state.groups.find((g) => g.isDefault)!.id)!,
      plain: state.applications.find((a) => !a.onPremisesPublishing)!,
      defaultGroup: state.groups.find((g) => g.isDefault)!,
    };
  }

  it('lists applications with $select, published and plain ones', async () => {
    const { status, body } = await fx.client.call('GET', '/beta/applications?$select=id,appId,displayName,onPremisesPublishing');
    assert.equal(status, 200);
    assert.ok(body.value.some((a: any) => a.onPremisesPublishing?.externalUrl?.startsWith('https://')));
    assert.ok(body.value.some((a: any) => a.onPremisesPublishing === null));
    assert.deepEqual(Object.keys(body.value[0]).sort(), ['appId', 'displayName', 'id', 'onPremisesPublishing']);
  });

  it('leaves onPremisesPublishing out unless it is $selected, as live Graph does', async () => {
    const { app } = await published();
    const list = await fx.client.call('GET', '/beta/applications');
    assert.ok(list.body.value.length > 0);
    assert.ok(list.body.value.every((a: any) => !('onPremisesPublishing' in a)));
    assert.ok(!('onPremisesPublishing' in (await fx.client.call('GET', `/beta/applications/${app.id}`)).body));
    const selected = await fx.client.call('GET', `/beta/applications/${app.id}?$select=id,onPremisesPublishing`);
    assert.ok(selected.body.onPremisesPublishing.externalUrl);
  });

  it('reads an application\'s publishing settings directly at applications/{id}/onPremisesPublishing', async () => {
    const { app, plain } = await published();
    const direct = await fx.client.call('GET', `/beta/applications/${app.id}/onPremisesPublishing`);
    assert.equal(direct.status, 200);
    assert.match(direct.body.externalUrl, /^https:\/\//);
    assert.match(direct.body['@odata.context'], /onPremisesPublishing$/);
    assert.equal((await fx.client.call('GET', `/beta/applications/${plain.id}/onPremisesPublishing`)).status, 204);
    assert.equal((await fx.client.call('GET', '/beta/applications/00000000-0000-4000-8000-000000000000/onPremisesPublishing')).status, 404);
  });

  it("gets an application and its connector group; a plain application has none", async () => {
    const { app, plain } = await published();
    assert.equal((await fx.client.call('GET', `/beta/applications/${app.id}`)).body.displayName, app.displayName);
    const group = await fx.client.call('GET', `/beta/applications/${app.id}/connectorGroup`);
    assert.equal(group.status, 200);
    assert.equal(group.body.id, app.groupId);
    assert.equal((await fx.client.call('GET', `/beta/applications/${plain.id}/connectorGroup`)).status, 404);
  });

  it("lists a group's applications", async () => {
    const group = await fx.client.group('EU Frankfurt');
    const { body } = await fx.client.call('GET', `${P}/connectorGroups/${group.id}/applications`);
    assert.deepEqual(body.value.map((a: any) => a.id).sort(), [...group.applications].sort());
  });

  it('assigns with PUT connectorGroup/$ref (204), replacing the group', async () => {
    const { app } = await published();
    const target = await fx.client.group('India Pune');
    const answer = await fx.client.call('PUT', `/beta/applications/${app.id}/connectorGroup/$ref`, { body: groupRef(target.id) });
    assert.equal(answer.status, 204);
    assert.deepEqual((await fx.client.group('India Pune')).applications, [app.id]);
  });

  it('assigns with POST connectorGroups/{id}/applications/$ref (204)', async () => {
    const { app } = await published();
    const target = await fx.client.group('India Pune');
    const answer = await fx.client.call('POST', `${P}/connectorGroups/${target.id}/applications/$ref`, {
      body: { '@odata.id': `https://graph.microsoft.com/beta/applications/${app.id}` },
    });
    assert.equal(answer.status, 204);
    assert.deepEqual((await fx.client.group('India Pune')).applications, [app.id]);
  });

  it('refuses to assign an application not published through Application Proxy', async () => {
    const { plain } = await published();
    const target = await fx.client.group('India Pune');
    const answer = await fx.client.call('PUT', `/beta/applications/${plain.id}/connectorGroup/$ref`, { body: groupRef(target.id) });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error.code, 'Application_NotFound');
    assert.match(answer.body.error.message, /OnPremisesPublishing is not enabled/);
  });

  it('unassigns with DELETE connectorGroup/$ref: the application returns to the default group', async () => {
    const { app, defaultGroup } = await published();
    const answer = await fx.client.call('DELETE', `/beta/applications/${app.id}/connectorGroup/$ref`);
    assert.equal(answer.status, 204);
    assert.equal((await fx.client.call('GET', `/beta/applications/${app.id}/connectorGroup`)).body.id, defaultGroup.id);
  });

  it('refuses to remove an application that is already in the default group (400)', async () => {
    const { defaultGroup } = await published();
    const inDefault = defaultGroup.applications[0];
    const answer = await fx.client.call('DELETE', `/beta/applications/${inDefault}/connectorGroup/$ref`);
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error.code, 'Request_BadRequest');
    assert.match(answer.body.error.message, /Default/);
    assert.ok((await fx.client.group('Default')).applications.includes(inDefault));
  });

  it('reads the organization for the tenant node', async () => {
    const { status, body } = await fx.client.call('GET', '/beta/organization');
    assert.equal(status, 200);
    const [org] = body.value;
    assert.equal(org.id, (await fx.client.state()).organization.id);
    assert.ok(org.displayName);
    assert.ok(org.verifiedDomains.length > 0);
  });

  it('reads only the organization properties $select names, and refuses an unknown one (400)', async () => {
    const { status, body } = await fx.client.call('GET', '/beta/organization?$select=displayName');
    assert.equal(status, 200);
    assert.deepEqual(Object.keys(body.value[0]).sort(), ['displayName', 'id']);
    const all = await fx.client.call('GET', '/beta/organization?$select=id,displayName,verifiedDomains');
    assert.deepEqual(Object.keys(all.body.value[0]).sort(), ['displayName', 'id', 'verifiedDomains']);
    const unknown = await fx.client.call('GET', '/beta/organization?$select=id,tenantColour');
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error.code, 'Request_BadRequest');
    assert.match(unknown.body.error.message, /tenantColour/);
  });
});
