import * as assert from 'node:assert/strict';
import { P, useSandbox, type Answer } from '../../support/sandboxClient';

const GROUPS = `${P}/connectorGroups`;
const RW = ['Directory.ReadWrite.All'];

function assertDenied(answer: Answer, why: string): void {
  assert.equal(answer.status, 403, `${why}: ${JSON.stringify(answer.body)}`);
  assert.equal(answer.body.error.code, 'Authorization_RequestDenied', why);
  assert.equal(answer.body.error.message, 'Insufficient privileges to complete the operation.', why);
}

describe('sandbox: audience, directory roles and the permissions reads need', () => {
  const fx = useSandbox();

  describe('the audience (aud) of a token', () => {
    for (const audience of ['https://graph.microsoft.us', 'https://dod-graph.microsoft.us', 'https://microsoftgraph.chinacloudapi.cn', 'https://management.azure.com', 'http://127.0.0.1:1']) {
      it(`refuses a token for ${audience} with 401 InvalidAuthenticationToken`, async () => {
        const token = await fx.client.issueToken(RW, 3600, { audience });
        for (const [method, path] of [['GET', GROUPS], ['GET', '/beta/organization'], ['POST', '/beta/$batch']]) {
          const answer = await fx.client.call(method, path, { token, body: method === 'POST' ? { requests: [{ id: '1', method: 'GET', url: '/organization' }] } : undefined });
          assert.equal(answer.status, 401, `${method} ${path}`);
          assert.equal(answer.body.error.code, 'InvalidAuthenticationToken');
          assert.match(answer.body.error.message, /Invalid audience/);
          assert.match(answer.headers.get('www-authenticate') ?? '', /^Bearer/);
        }
      });
    }

    it("takes tokens for the Global Graph and for the sandbox's own host, as sign-in names them", async () => {
      const port = new URL(fx.client.url).port;
      const tokens = [
        fx.client.token,
        await fx.client.issueToken(RW),
        await fx.client.issueToken(['https://graph.microsoft.com/Directory.ReadWrite.All']),
        await fx.client.issueToken([`${fx.client.url}/Directory.ReadWrite.All`]),
        await fx.client.issueToken(RW, 3600, { audience: `http://localhost:${port}` }),
        await fx.client.issueToken(RW, 3600, { audience: '00000003-0000-0000-c000-000000000000' }),
      ];
      for (const token of tokens) assert.equal((await fx.client.call('GET', GROUPS, { token })).status, 200);
    });

    it('names the scope\'s host as the audience of a token minted for a scope on another cloud', async () => {
      const token = await fx.client.issueToken(['https://graph.microsoft.us/Directory.ReadWrite.All']);
      const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
      assert.equal(claims.aud, 'https://graph.microsoft.us');
      assert.equal(claims.scp, 'Directory.ReadWrite.All');
      assert.equal((await fx.client.call('GET', GROUPS, { token })).status, 401);
    });
  });

  describe('directory roles (wids)', () => {
    async function writes() {
      const state = await fx.client.state();
      const pune = state.groups.find((g) => g.name === 'India Pune')!;
      const eu = state.groups.find((g) => g.name === 'EU Frankfurt')!;
      const defaultGroup = state.groups.find((g) => g.isDefault)!;
      const app = state.applications.find((a) => a.groupId === eu.id)!;
      const groupRef = { '@odata.id': `https://graph.microsoft.com/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups/${defaultGroup.id}` };
      return [
        ['POST', GROUPS, { name: 'Not made' }],
        ['PATCH', `${GROUPS}/${pune.id}`, { name: 'Not renamed' }],
        ['DELETE', `${GROUPS}/${pune.id}`, undefined],
        ['POST', `${GROUPS}/${defaultGroup.id}/members/$ref`, { '@odata.id': `https://graph.microsoft.com/beta/onPremisesPublishingProfiles/applicationProxy/connectors/${eu.members[0]}` }],
        ['POST', `${P}/connectors/${eu.members[0]}/memberOf/$ref`, groupRef],
        ['PUT', `/beta/applications/${app.id}/connectorGroup/$ref`, groupRef],
        ['DELETE', `/beta/applications/${app.id}/connectorGroup/$ref`, undefined],
      ] as const;
    }

    for (const [who, roles] of [
      ['a Cloud Application Administrator', ['Cloud Application Administrator']],
      ['a user without a directory role', []],
      ['a user with only the default user role', ['b79fbf4d-3ef9-4689-8143-76b194e85509']],
    ] as const) {
      it(`lets ${who} read and answers 403 on every write, even with Directory.ReadWrite.All`, async () => {
        const token = await fx.client.issueToken(RW, 3600, { roles: [...roles] });
        const before = await fx.client.state();
        assert.equal((await fx.client.call('GET', GROUPS, { token })).status, 200);
        for (const [method, path, body] of await writes()) assertDenied(await fx.client.call(method, path, { token, body }), `${method} ${path}`);
        const batch = await fx.client.call('POST', '/beta/$batch', {
          token, body: { requests: [{ id: '1', method: 'POST', url: GROUPS.slice('/beta'.length), headers: { 'Content-Type': 'application/json' }, body: { name: 'Not made' } }] },
        });
        assert.equal(batch.status, 200);
        assertDenied({ ...batch.body.responses[0], headers: new Headers() }, 'inside $batch');
        assert.deepEqual(await fx.client.state(), before);
      });
    }

    for (const role of ['Application Administrator', 'Global Administrator', '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3']) {
      it(`lets ${role} write`, async () => {
        const token = await fx.client.issueToken(RW, 3600, { roles: [role] });
        assert.equal((await fx.client.call('POST', GROUPS, { token, body: { name: `By ${role}` } })).status, 201);
      });
    }

    it('gives the default tokens an administrator role', async () => {
      const claims = JSON.parse(Buffer.from(fx.client.token.split('.')[1], 'base64url').toString());
      assert.ok(claims.wids.includes('62e90394-69f5-4237-9190-012177145e10'));
      assert.equal((await fx.client.call('POST', GROUPS, { body: { name: 'By default' } })).status, 201);
    });

    it('refuses to mint a token with an unknown role name', async () => {
      const answer = await fx.client.call('POST', '/_sandbox/tokens', { body: { scopes: RW, roles: ['Supreme Leader'] } });
      assert.equal(answer.status, 400);
    });
  });

  describe('reads that need Directory.ReadWrite.All', () => {
    afterEach(async () => fx.client.options({ readsNeedReadWrite: false }));

    it('answers 403 on App Proxy reads with Directory.Read.All once the option is on; directory reads still work', async () => {
      const read = await fx.client.issueToken(['Directory.Read.All']);
      const state = await fx.client.state();
      const eu = state.groups.find((g) => g.name === 'EU Frankfurt')!;
      const app = state.applications.find((a) => a.groupId === eu.id)!;
      const appProxyReads = [GROUPS, `${GROUPS}/${eu.id}`, `${GROUPS}/${eu.id}/members`, `${GROUPS}/${eu.id}/applications`, `${P}/connectors`, `${P}/connectors/${eu.members[0]}/memberOf`, `/beta/applications/${app.id}/connectorGroup`];
      for (const path of appProxyReads) assert.equal((await fx.client.call('GET', path, { token: read })).status, 200, path);

      await fx.client.options({ readsNeedReadWrite: true });
      assert.equal((await fx.client.call('GET', '/_sandbox/options')).body.readsNeedReadWrite, true);
      for (const path of appProxyReads) assertDenied(await fx.client.call('GET', path, { token: read }), path);
      for (const path of ['/beta/organization', '/beta/applications', `/beta/applications/${app.id}`]) {
        assert.equal((await fx.client.call('GET', path, { token: read })).status, 200, path);
      }
      for (const scopes of [RW, ['Directory.AccessAsUser.All']]) {
        const token = await fx.client.issueToken(scopes);
        for (const path of appProxyReads) assert.equal((await fx.client.call('GET', path, { token })).status, 200, `${scopes} ${path}`);
      }
    });

    it('refuses a value that is not true or false', async () => {
      assert.equal((await fx.client.call('PATCH', '/_sandbox/options', { body: { readsNeedReadWrite: 'yes' } })).status, 400);
    });
  });
});
