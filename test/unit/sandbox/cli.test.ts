import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import * as readline from 'node:readline';

const CLI = path.resolve(__dirname, '../../../../dist/sandbox.js');

describe('sandbox: command line', () => {
  it('prints GRAPH_SANDBOX_URL and GRAPH_SANDBOX_TOKEN, serves with that token, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [CLI, '--port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const lines: string[] = [];
      const reader = readline.createInterface({ input: child.stdout });
      for await (const line of reader) {
        lines.push(line);
        if (lines.length === 2) break;
      }
      const values = Object.fromEntries(lines.map((l) => l.split(/=(.*)/s).slice(0, 2)));
      assert.match(values.GRAPH_SANDBOX_URL, /^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${values.GRAPH_SANDBOX_URL}/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups`, {
        headers: { Authorization: `Bearer ${values.GRAPH_SANDBOX_TOKEN}` },
      });
      assert.equal(response.status, 200);
      const created = await fetch(`${values.GRAPH_SANDBOX_URL}/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${values.GRAPH_SANDBOX_TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'From the CLI' }),
      });
      assert.equal(created.status, 201, 'the printed token has write permission');
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
    }
  });

  it('makes App Proxy reads need Directory.ReadWrite.All with --reads-need-read-write', async () => {
    const child = spawn(process.execPath, [CLI, '--port', '0', '--quiet', '--read-token', '--reads-need-read-write'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const lines: string[] = [];
      for await (const line of readline.createInterface({ input: child.stdout })) {
        lines.push(line);
        if (lines.length === 3) break;
      }
      const values = Object.fromEntries(lines.map((l) => l.split(/=(.*)/s).slice(0, 2)));
      const read = (path: string, token: string) => fetch(`${values.GRAPH_SANDBOX_URL}${path}`, { headers: { Authorization: `Bearer ${token}` } });
      const groups = '/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups';
      assert.equal((await read(groups, values.GRAPH_SANDBOX_READ_TOKEN)).status, 403);
      assert.equal((await read('/beta/organization', values.GRAPH_SANDBOX_READ_TOKEN)).status, 200);
      assert.equal((await read(groups, values.GRAPH_SANDBOX_TOKEN)).status, 200);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
    }
  });

  it('runs a --status-schedule and says on stderr what each step did; refuses one naming a connector the tenant lacks', async () => {
    const schedule = JSON.stringify([{ afterSeconds: 0.1, connector: 'FRA-APPPROXY-02', status: 'inactive' }]);
    const child = spawn(process.execPath, [CLI, '--port', '0', '--quiet', '--status-schedule', schedule], { stdio: ['ignore', 'ignore', 'pipe'] });
    try {
      for await (const line of readline.createInterface({ input: child.stderr })) {
        if (/^status schedule:/.test(line)) {
          assert.equal(line, 'status schedule: FRA-APPPROXY-02.contoso.com is inactive');
          break;
        }
      }
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
    }
    const wrong = spawn(process.execPath, [CLI, '--port', '0', '--quiet', '--status-schedule', '[{"afterSeconds":1,"connector":"NOPE","status":"inactive"}]'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    wrong.stderr.on('data', (d) => (stderr += d));
    assert.equal(await new Promise((resolve) => wrong.once('exit', resolve)), 1);
    assert.match(stderr, /could not start: The status schedule names connectors the tenant does not have: 'NOPE'\./);
  });

  it('exits with a usage message for a bad flag value', async () => {
    const child = spawn(process.execPath, [CLI, '--port', 'abc'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    assert.equal(code, 2);
    assert.match(stderr, /--port/);
  });
});
