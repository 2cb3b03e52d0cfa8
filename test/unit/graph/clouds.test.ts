import * as assert from 'node:assert/strict';
import { tokenCanWrite } from '../../../src/auth/tokenPermissions';
import { CLOUDS, adminConsentUrl, vscodeSignInScopes } from '../../../src/graph/clouds';

const jwt = (claims: object) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

describe('clouds: scopes, consent and permissions', () => {
  it("names the permission on each cloud's own Graph host, with our app and the tenant as VS Code's scopes", () => {
    const id = '11111111-2222-3333-4444-555555555555';
    assert.deepEqual(vscodeSignInScopes(CLOUDS.global.graphOrigin, { clientId: id, tenant: 'contoso.com' }),
      [`VSCODE_CLIENT_ID:${id}`, 'VSCODE_TENANT:contoso.com', 'https://graph.microsoft.com/Directory.ReadWrite.All']);
    assert.deepEqual(vscodeSignInScopes(CLOUDS.usGovernmentDoD.graphOrigin, { permission: 'Directory.Read.All' }),
      ['https://dod-graph.microsoft.us/Directory.Read.All']);
    assert.deepEqual(vscodeSignInScopes(CLOUDS.china.graphOrigin, { tenant: 'x.partner.onmschina.cn' }),
      ['VSCODE_TENANT:x.partner.onmschina.cn', 'https://microsoftgraph.chinacloudapi.cn/Directory.ReadWrite.All']);
    assert.equal(CLOUDS.global.vscodeProvider, 'microsoft');
    assert.equal(CLOUDS.usGovernment.vscodeProvider, 'microsoft-sovereign-cloud');
    assert.equal(CLOUDS.china.sovereignEnvironment, 'ChinaCloud');
  });

  it("builds the admin-consent page on the cloud's authority", () => {
    const url = new URL(adminConsentUrl(CLOUDS.usGovernment, 'contoso.us', 'abc'));
    assert.equal(`${url.origin}${url.pathname}`, 'https://login.microsoftonline.us/contoso.us/v2.0/adminconsent');
    assert.equal(url.searchParams.get('client_id'), 'abc');
    assert.equal(url.searchParams.get('scope'), 'https://graph.microsoft.us/Directory.ReadWrite.All');
    assert.equal(url.searchParams.get('redirect_uri'), 'https://vscode.dev/redirect');
    assert.match(adminConsentUrl(CLOUDS.china, '', 'abc'), /^https:\/\/login\.chinacloudapi\.cn\/organizations\/v2\.0\/adminconsent\?/);
  });

  it("reads from a token's scp whether it allows changes", () => {
    assert.equal(tokenCanWrite(jwt({ scp: 'Directory.Read.All User.Read' })), false);
    assert.equal(tokenCanWrite(jwt({ scp: 'Directory.ReadWrite.All' })), true);
    assert.equal(tokenCanWrite(jwt({ scp: 'Directory.AccessAsUser.All' })), true);
    assert.equal(tokenCanWrite(jwt({ roles: ['x'] })), undefined);
    assert.equal(tokenCanWrite('opaque'), undefined);
    assert.equal(tokenCanWrite('a.%%%.c'), undefined);
  });
});
