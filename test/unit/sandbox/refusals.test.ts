import * as assert from 'node:assert/strict';
import { P, useSandbox, type Answer } from '../../support/sandboxClient';

const GROUPS = `${P}/connectorGroups`;

function assertBadRequest(answer: Answer, why: string, message?: RegExp): void {
  assert.equal(answer.status, 400, `${why}: ${JSON.stringify(answer.body)}`);
  assert.equal(answer.body.error.code, 'Request_BadRequest', why);
  if (message) assert.match(answer.body.error.message, message, why);
}

describe('sandbox: bodies and queries Graph refuses', () => {
  const fx = useSandbox();

  /** Every collection of the contract, and one entity of each type, for the demo tenant. */
  async function resources() {
    const state = await fx.client.state();
    const eu = state.groups.find((g) => g.name === 'EU Frankfurt')!;
    const app = state.applications.find((a) => a.onPremisesPublishing)!;
    return {
      collections: [
        GROUPS, `${GROUPS}/${eu.id}/members`, `${GROUPS}/${eu.id}/applications`, `${P}/connectors`,
        `${P}/connectors/${eu.members[0]}/memberOf`, '/beta/applications', '/v1.0/applications', '/beta/organization',
      ],
      entities: [`${GROUPS}/${eu.id}`, `${P}/connectors/${eu.members[0]}`, `/beta/applications/${app.id}`, `/beta/applications/${app.id}/connectorGroup`],
      eu, app,
    };
  }

  describe('create and update bodies', () => {
    for (const [why, body, message] of [
      ['an unknown property', { name: 'A', foo: 1 }, /Property 'foo' does not exist on type 'microsoft\.graph\.connectorGroup'/],
      ['a name that is a number', { name: 42 }, /name/],
      ['a name that is null', { name: null }, /name/],
      ['a name that is an array', { name: ['A'] }, /name/],
      ['a name that is an object', { name: { value: 'A' } }, /name/],
      ['a region that is a number', { name: 'A', region: 3 }, /region/],
      ['a region that is null', { name: 'A', region: null }, /region/],
      ['a region that is an array', { name: 'A', region: ['eur'] }, /region/],
      ['an array', [{ name: 'A' }], undefined],
      ['a string', 'A', undefined],
      ['a number', 42, undefined],
      ['null', null, undefined],
      ['an ignored read-only property of the wrong type', { name: 'A', isDefault: 'yes' }, /isDefault/],
      ['an @odata.type of another type', { '@odata.type': '#microsoft.graph.user', name: 'A' }, /microsoft\.graph\.user/],
    ] as const) {
      it(`refuses a create with ${why} (400) and creates nothing`, async () => {
        const before = (await fx.client.state()).groups.length;
        assertBadRequest(await fx.client.call('POST', GROUPS, { body }), why, message);
        assert.equal((await fx.client.state()).groups.length, before);
      });
    }

    it("accepts @odata.type naming the connector group's own type", async () => {
      const answer = await fx.client.call('POST', GROUPS, { body: { '@odata.type': '#microsoft.graph.connectorGroup', name: 'Typed' } });
      assert.equal(answer.status, 201);
    });

    for (const [why, body, message] of [
      ['an unknown property', { colour: 'blue' }, /Property 'colour' does not exist on type 'microsoft\.graph\.connectorGroup'/],
      ['a name that is a number', { name: 42 }, /name/],
      ['a region that is a number', { region: 7 }, /region/],
      ['the read-only id', { id: '00000000-0000-4000-8000-000000000000' }, /read-only/],
      ['the read-only connectorGroupType', { connectorGroupType: 'applicationProxy' }, /read-only/],
      ['the read-only isDefault, even unchanged', { isDefault: false }, /read-only/],
      ['an array', [{ name: 'B' }], undefined],
      ['a string', 'B', undefined],
      ['null', null, undefined],
    ] as const) {
      it(`refuses an update with ${why} (400) and changes nothing`, async () => {
        const pune = await fx.client.group('India Pune');
        assertBadRequest(await fx.client.call('PATCH', `${GROUPS}/${pune.id}`, { body }), why, message);
        assert.deepEqual(await fx.client.group('India Pune'), pune);
      });
    }
  });

  describe('reference bodies', () => {
    for (const [why, body] of [
      ['an @odata.id that is a number', { '@odata.id': 42 }],
      ['an @odata.id that is null', { '@odata.id': null }],
      ['an @odata.id that is an array', { '@odata.id': ['https://graph.microsoft.com/beta/x'] }],
      ['an array', [{ '@odata.id': 'https://graph.microsoft.com/beta/x' }]],
      ['a string', 'https://graph.microsoft.com/beta/x'],
    ] as const) {
      it(`refuses ${why} on every $ref endpoint (400)`, async () => {
        const { eu, app } = await resources();
        const pune = await fx.client.group('India Pune');
        for (const [method, path] of [
          ['POST', `${GROUPS}/${pune.id}/members/$ref`],
          ['POST', `${P}/connectors/${eu.members[0]}/memberOf/$ref`],
          ['POST', `${GROUPS}/${pune.id}/applications/$ref`],
          ['PUT', `/beta/applications/${app.id}/connectorGroup/$ref`],
        ]) {
          assertBadRequest(await fx.client.call(method, path, { body }), `${method} ${path}`);
        }
        assert.deepEqual(await fx.client.group('India Pune'), pune);
      });
    }
  });

  describe('query options', () => {
    for (const top of ['0', '1000', '-1', '1.5', 'abc', '', '+5', '1e2']) {
      it(`refuses $top=${top} on every collection (400)`, async () => {
        for (const path of (await resources()).collections) {
          assertBadRequest(await fx.client.call('GET', `${path}?$top=${encodeURIComponent(top)}`), path, /page size/i);
        }
      });
    }

    for (const count of ['yes', '1', '']) {
      it(`refuses $count=${count} (400)`, async () => {
        for (const path of (await resources()).collections) {
          assertBadRequest(await fx.client.call('GET', `${path}?$count=${count}`), path, /\$count/);
        }
      });
    }

    it('refuses an unknown $select property on every collection and entity (400)', async () => {
      const { collections, entities } = await resources();
      for (const path of [...collections, ...entities]) {
        assertBadRequest(await fx.client.call('GET', `${path}?$select=id,colour`), path, /colour/);
      }
    });

    it('refuses an unknown system query option on every resource, reads and writes alike (400)', async () => {
      const { collections, entities, app } = await resources();
      const pune = await fx.client.group('India Pune');
      for (const path of [...collections, ...entities, `/beta/applications/${app.id}/onPremisesPublishing`]) {
        assertBadRequest(await fx.client.call('GET', `${path}?$foo=1`), path, /\$foo/);
      }
      assertBadRequest(await fx.client.call('POST', `${GROUPS}?$foo=1`, { body: { name: 'Not made' } }), 'create', /\$foo/);
      assertBadRequest(await fx.client.call('PATCH', `${GROUPS}/${pune.id}?$foo=1`, { body: { name: 'Not renamed' } }), 'update', /\$foo/);
      assertBadRequest(await fx.client.call('DELETE', `${GROUPS}/${pune.id}?$foo=1`), 'delete', /\$foo/);
      const state = await fx.client.state();
      assert.ok(state.groups.some((g) => g.name === 'India Pune') && !state.groups.some((g) => g.name === 'Not made'));
    });

    it('refuses a system query option given twice (400)', async () => {
      for (const path of (await resources()).collections) {
        assertBadRequest(await fx.client.call('GET', `${path}?$top=1&$top=2`), path, /more than once/);
      }
    });
  });
});
