// The device-code way in as the admin meets it, through the real @azure/identity and MSAL against the
// sandbox's identity platform: refusals keep their AADSTS words (never "the network"), no code is
// shown when none was given, one flow at a time, and a closed code stops the sign-in.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SINGLE_TENANT_CLIENT_ID } from '../../../src/sandbox/appRegistrations';
import { SANDBOX_CLIENT_ID } from '../../../src/sandbox/identityPlatform';
import { GraphSandbox } from '../../../src/sandbox/server';
import { SandboxClient } from '../../support/sandboxClient';

interface ProbeEvent {
  event: string;
  userCode?: string;
  message?: string;
  name?: string;
  failure?: { kind: string; message?: string };
  results?: boolean[];
  length?: number;
}

describe('device-code sign-in through @azure/identity, as the admin is told it', function () {
  this.timeout(60_000);
  let sandbox: GraphSandbox;
  let dir: string;
  let certFile: string;
  before(async () => {
    // Polled every second (the service says 5 s), and access tokens short enough that MSAL refreshes them.
    sandbox = await GraphSandbox.start({ identity: true, identityIntervalSeconds: 1, identityAccessTokenLifetimeSeconds: 120 });
    dir = mkdtempSync(path.join(tmpdir(), 'sign-in-probe-'));
    certFile = path.join(dir, 'sandbox.pem');
    writeFileSync(certFile, sandbox.certificate);
  });
  after(async () => {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const control = (route: string, body: object) => new SandboxClient(sandbox.url, sandbox.token).call('POST', `/_sandbox/${route}`, { body });

  /** Runs the probe; `onCode` answers each code shown (approve it, or not), `onEvent` any event. */
  async function probe(
    scenario: string,
    env: { tenant?: string; clientId?: string },
    onCode: (code: string) => void = () => undefined,
    onEvent: (event: ProbeEvent, stdin: NodeJS.WritableStream) => void = () => undefined,
  ): Promise<{ events: ProbeEvent[]; output: string }> {
    const child = spawn(process.execPath, [path.join(__dirname, '..', '..', 'support', 'signInProbe.js')], {
      env: {
        ...process.env, NODE_EXTRA_CA_CERTS: certFile, PROBE_SCENARIO: scenario, PROBE_AUTHORITY: sandbox.authority, PROBE_GRAPH: sandbox.url,
        PROBE_TENANT: env.tenant ?? 'contoso.onmicrosoft.com', PROBE_CLIENT_ID: env.clientId ?? SANDBOX_CLIENT_ID,
      },
    });
    let output = '';
    const events: ProbeEvent[] = [];
    child.stderr.on('data', (chunk) => { output += chunk; });
    let rest = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const lines = (rest + chunk).split('\n');
      rest = lines.pop()!;
      for (const line of lines.filter(Boolean)) {
        const event = JSON.parse(line) as ProbeEvent;
        events.push(event);
        if (event.event === 'code') onCode(event.userCode!);
        onEvent(event, child.stdin);
      }
    });
    await new Promise((resolve) => child.on('exit', resolve));
    return { events, output };
  }

  it('says "sign in" before anyone signed in, without starting a flow', async () => {
    const { events } = await probe('signIn', {}, (code) => sandbox.identity.approve(code));
    assert.equal(events[0].event, 'before sign-in');
    assert.equal(events[0].name, 'SignInRequiredError');
    assert.deepEqual(events.slice(1).map((e) => e.event), ['code', 'signed in', 'silent token']);
  });

  it('names an unknown app with its AADSTS code and offers consent, with no code shown', async () => {
    const { events, output } = await probe('signIn', { clientId: '00000000-0000-0000-0000-000000000001' });
    const failed = events.find((e) => e.event === 'failed');
    assert.ok(failed, output);
    assert.equal(events.filter((e) => e.event === 'code').length, 0, 'no prompt with an empty code');
    assert.equal(failed.failure?.kind, 'consent', JSON.stringify(failed));
    assert.match(failed.failure?.message ?? '', /not registered in this tenant's cloud.*\(AADSTS700016\)$/);
    assert.doesNotMatch(JSON.stringify(failed), /could not be reached|network or proxy/);
  });

  it('names a tenant the service does not know', async () => {
    const { events, output } = await probe('signIn', { tenant: 'nowhere.onmicrosoft.com' });
    const failed = events.find((e) => e.event === 'failed');
    assert.ok(failed, output);
    assert.equal(failed.failure?.kind, 'refused', JSON.stringify(failed));
    assert.match(failed.failure?.message ?? '', /does not know this tenant in this cloud.*\(AADSTS90002\)$/);
  });

  it('explains that a single-tenant registration needs the tenant, when none was entered', async () => {
    const { events, output } = await probe('signIn', { tenant: 'organizations', clientId: SINGLE_TENANT_CLIENT_ID });
    const failed = events.find((e) => e.event === 'failed');
    assert.ok(failed, output);
    assert.equal(events.filter((e) => e.event === 'code').length, 0);
    assert.equal(failed.failure?.kind, 'refused', JSON.stringify(failed));
    assert.match(failed.failure?.message ?? '', /single-tenant.*tenant ID or domain.*\(AADSTS50194\)$/);
  });

  it('runs one flow when Sign in is asked twice: the same code is shown again', async () => {
    const codes: string[] = [];
    const { events, output } = await probe('twice', {}, (code) => {
      codes.push(code);
      if (codes.length === 2) sandbox.identity.approve(code);
    });
    assert.equal(codes.length, 2, output);
    assert.equal(codes[0], codes[1], 'the second Sign in showed the code already out');
    assert.deepEqual(events.find((e) => e.event === 'signed in')?.results, [true, true]);
  });

  it('says the sign-in was declined on the sign-in page, in words, not as a network failure', async () => {
    const { events, output } = await probe('signIn', {}, (userCode) => void control('devicecodes/decline', { userCode }));
    const failed = events.find((e) => e.event === 'failed');
    assert.ok(failed, output);
    assert.equal(failed.failure?.kind, 'refused', JSON.stringify(failed));
    assert.match(failed.failure?.message ?? '', /declined on the sign-in page/);
  });

  it('says the code expired before the sign-in was finished', async () => {
    const { events, output } = await probe('signIn', {}, (userCode) => void control('devicecodes/expire', { userCode }));
    const failed = events.find((e) => e.event === 'failed');
    assert.ok(failed, output);
    assert.match(failed.failure?.message ?? '', /code expired before the sign-in was finished/);
  });

  it('asks to sign in again when the refresh token is revoked mid-session, and shows no code of its own', async () => {
    const { events, output } = await probe('later', {}, (code) => sandbox.identity.approve(code), (event, stdin) => {
      if (event.event === 'silent token') {
        void control('refreshtokens/revoke', {}).then(() => stdin.write('again\n'));
      }
      if (event.event === 'later' || event.event === 'later token') stdin.write('quit\n');
    });
    const later = events.find((e) => e.event === 'later' || e.event === 'later token');
    assert.ok(later, output);
    assert.equal(later.event, 'later', 'no token after the revoke');
    assert.equal(later.name, 'SignInRequiredError', JSON.stringify(later));
    assert.equal(events.filter((e) => e.event === 'code').length, 1, 'no second code: nothing started a flow by itself');
  });

  it('stops polling when the code is closed, and says nothing of it', async () => {
    const { events, output } = await probe('dismiss', {});
    const failed = events.find((e) => e.event === 'failed');
    assert.ok(failed, output);
    assert.deepEqual(failed.failure, { kind: 'cancelled' });
  });
});
