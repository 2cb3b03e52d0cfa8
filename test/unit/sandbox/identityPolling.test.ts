import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { GraphSandbox } from '../../../src/sandbox/server';
import { SANDBOX_CLIENT_ID } from '../../../src/sandbox/identityPlatform';
import { assertAadsts, codeFor, control, poll, runProbe } from './identityCalls';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('sandbox: device-code polling at the interval the service asks for', () => {
  it('asks for a 5-second interval and a 15-minute code, and answers slow_down to a poll that comes sooner, adding 5 s each time', async () => {
    const sandbox = await GraphSandbox.start({ identity: true });
    try {
      const code = await codeFor(sandbox);
      assert.equal(code.body.interval, 5);
      assert.equal(code.body.expires_in, 900);
      assertAadsts(await poll(sandbox, code.body.device_code), 400, 'authorization_pending', 70016);
      const early = await poll(sandbox, code.body.device_code);
      assertAadsts(early, 400, 'slow_down', 70016);
      assert.match(early.body.error_description, /at least 10 seconds/);
      assertAadsts(await poll(sandbox, code.body.device_code), 400, 'slow_down', 70016);
      const [listed] = (await control(sandbox, 'GET', '/_sandbox/devicecodes')).body.codes;
      assert.equal(listed.intervalSeconds, 15);
    } finally {
      await sandbox.close();
    }
  });

  it('takes the interval from an option, and from /_sandbox/options while running; a poll after the interval is answered', async function () {
    this.timeout(20_000);
    const sandbox = await GraphSandbox.start({ identity: true, identityIntervalSeconds: 1 });
    try {
      const code = await codeFor(sandbox);
      assert.equal(code.body.interval, 1);
      assertAadsts(await poll(sandbox, code.body.device_code), 400, 'authorization_pending', 70016);
      await sleep(1050);
      assertAadsts(await poll(sandbox, code.body.device_code), 400, 'authorization_pending', 70016);
      await control(sandbox, 'POST', '/_sandbox/devicecodes/approve', { userCode: code.body.user_code });
      // Approved, but polled at once: slow_down still, and the interval is now 1 + 5 seconds.
      assertAadsts(await poll(sandbox, code.body.device_code), 400, 'slow_down', 70016);
      await sleep(6050);
      assert.equal((await poll(sandbox, code.body.device_code)).status, 200, 'answered once the grown interval has passed');

      const patched = await control(sandbox, 'PATCH', '/_sandbox/options', { identityIntervalSeconds: 3 });
      assert.equal(patched.body.identityIntervalSeconds, 3);
      assert.equal((await codeFor(sandbox)).body.interval, 3);
      assert.equal((await control(sandbox, 'PATCH', '/_sandbox/options', { identityIntervalSeconds: -1 })).status, 400);
    } finally {
      await sandbox.close();
    }
  });

  it('lets @azure/identity poll at the interval without ever being told to slow down', async function () {
    this.timeout(30_000);
    const sandbox = await GraphSandbox.start({ identity: true, identityIntervalSeconds: 1 });
    try {
      const { events, output } = await runProbe(sandbox, {}, async (event) => {
        if (event.event !== 'code') return;
        // Two or three polls go by first.
        await sleep(2500);
        await control(sandbox, 'POST', '/_sandbox/devicecodes/approve', { userCode: event.userCode });
      });
      assert.deepEqual(events.map((e) => e.event), ['code', 'done'], output);
    } finally {
      await sandbox.close();
    }
  });

  it('takes --device-code-interval on the command line', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sandbox-cli-'));
    const certFile = path.join(dir, 'sandbox.pem');
    const cli = path.resolve(__dirname, '../../../../dist/sandbox.js');
    const child = spawn(process.execPath, [cli, '--port', '0', '--quiet', '--cert-out', certFile, '--device-code-interval', '2'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const values: Record<string, string> = {};
      for await (const line of readline.createInterface({ input: child.stdout })) {
        const [key, value] = line.split(/=(.*)/s);
        values[key] = value;
        if (values.GRAPH_SANDBOX_CLIENT_ID) break;
      }
      const body = new URLSearchParams({ client_id: SANDBOX_CLIENT_ID, scope: 'https://graph.microsoft.com/.default' }).toString();
      const answer = await new Promise<any>((resolve, reject) => {
        const req = request(`${values.GRAPH_SANDBOX_AUTHORITY}/organizations/oauth2/v2.0/devicecode`, {
          method: 'POST', ca: readFileSync(certFile, 'utf8'), headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        }, (res) => {
          let text = '';
          res.on('data', (chunk) => { text += chunk; });
          res.on('end', () => resolve(JSON.parse(text)));
        });
        req.on('error', reject);
        req.end(body);
      });
      assert.equal(answer.interval, 2);
      assert.equal(answer.expires_in, 900);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('sandbox: device codes are forgotten once they expire', () => {
  it('holds only live codes: thousands of expired ones are pruned, and a poll of one still says expired_token', async function () {
    this.timeout(60_000);
    const sandbox = await GraphSandbox.start({ identity: true, identityCodeLifetimeSeconds: 1, identityIntervalSeconds: 0 });
    try {
      const first = await codeFor(sandbox);
      assert.equal(first.body.expires_in, 1);
      for (let i = 0; i < 3000; i += 100) await Promise.all(Array.from({ length: 100 }, () => codeFor(sandbox)));
      await sleep(1100);
      const fresh = await codeFor(sandbox);
      assert.equal(sandbox.identity.deviceCodes.size, 1, 'only the code made after the others expired');
      assertAadsts(await poll(sandbox, first.body.device_code), 400, 'expired_token', 70020);
      assertAadsts(await poll(sandbox, fresh.body.device_code), 400, 'authorization_pending', 70016);
      assert.deepEqual((await control(sandbox, 'GET', '/_sandbox/devicecodes')).body.value, [fresh.body.user_code]);
    } finally {
      await sandbox.close();
    }
  });
});
