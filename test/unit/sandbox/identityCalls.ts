// Talks to the sandbox's identity platform over https, trusting the certificate it made at start, and
// drives @azure/identity against it in a child process (test/support/deviceCodeProbe.ts).
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SANDBOX_CLIENT_ID } from '../../../src/sandbox/identityPlatform';
import type { GraphSandbox } from '../../../src/sandbox/server';

export interface Answer { status: number; headers: Record<string, string | string[] | undefined>; body: any }

/** A request to the identity endpoints; `form` is sent url-encoded. */
export function identityCall(sandbox: GraphSandbox, method: string, pathname: string, form?: Record<string, string>): Promise<Answer> {
  const body = form ? new URLSearchParams(form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const req = request(`${sandbox.authority}${pathname}`, {
      method, ca: sandbox.certificate,
      headers: body ? { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) } : {},
    }, (res) => {
      let text = '';
      res.on('data', (chunk) => { text += chunk; });
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: /json/.test(String(res.headers['content-type'])) ? JSON.parse(text) : text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

export const GRAPH_SCOPE = 'https://graph.microsoft.com/Directory.ReadWrite.All offline_access';

export const codeFor = (sandbox: GraphSandbox, clientId = SANDBOX_CLIENT_ID, tenant = 'contoso.onmicrosoft.com', scope = GRAPH_SCOPE) =>
  identityCall(sandbox, 'POST', `/${tenant}/oauth2/v2.0/devicecode`, { client_id: clientId, scope });

export const poll = (sandbox: GraphSandbox, deviceCode: string, clientId = SANDBOX_CLIENT_ID, tenant = 'contoso.onmicrosoft.com') =>
  identityCall(sandbox, 'POST', `/${tenant}/oauth2/v2.0/token`, { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', client_id: clientId, device_code: deviceCode });

export const refresh = (sandbox: GraphSandbox, refreshToken: string, clientId = SANDBOX_CLIENT_ID, tenant = 'organizations', scope = GRAPH_SCOPE) =>
  identityCall(sandbox, 'POST', `/${tenant}/oauth2/v2.0/token`, { grant_type: 'refresh_token', client_id: clientId, refresh_token: refreshToken, scope });

/** What a user posts on the device-login page. */
export const onPage = (sandbox: GraphSandbox, form: Record<string, string>) => identityCall(sandbox, 'POST', '/devicelogin', form);

/** A call to the control API on the Graph port. */
export async function control(sandbox: GraphSandbox, method: string, pathname: string, body?: object): Promise<{ status: number; body: any }> {
  const answer = await fetch(`${sandbox.url}${pathname}`, {
    method, headers: { Authorization: `Bearer ${sandbox.token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await answer.text();
  return { status: answer.status, body: text ? JSON.parse(text) : undefined };
}

/** What /token grants by device code (access and refresh token) for `scope`, the code approved as `user` with `roles`. */
export async function grantedBy(sandbox: GraphSandbox, options: { scope?: string; user?: string; roles?: string[] } = {}): Promise<{ access_token: string; refresh_token: string }> {
  const { scope, ...approval } = options;
  const code = await codeFor(sandbox, SANDBOX_CLIENT_ID, 'contoso.onmicrosoft.com', scope);
  const approved = await control(sandbox, 'POST', '/_sandbox/devicecodes/approve', { userCode: code.body.user_code, ...approval });
  assert.equal(approved.status, 204, JSON.stringify(approved.body));
  const granted = await poll(sandbox, code.body.device_code);
  assert.equal(granted.status, 200, JSON.stringify(granted.body));
  return granted.body;
}

export const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());

export function assertAadsts(answer: Answer, status: number, error: string, code: number): void {
  assert.equal(answer.status, status, JSON.stringify(answer.body));
  assert.equal(answer.body.error, error);
  assert.deepEqual(answer.body.error_codes, [code]);
  assert.match(answer.body.error_description, new RegExp(`^AADSTS${code}: .+\\r\\nTrace ID: [0-9a-f-]{36}\\r\\nCorrelation ID: [0-9a-f-]{36}\\r\\nTimestamp: `));
  assert.equal(answer.body.error_uri, `https://login.microsoftonline.com/error?code=${code}`);
  for (const key of ['timestamp', 'trace_id', 'correlation_id']) assert.equal(typeof answer.body[key], 'string', key);
}

/** A page shows text only: no script of any kind, and a policy that would block one. */
export function assertTextOnlyPage(answer: Answer): void {
  assert.match(String(answer.headers['content-type']), /^text\/html/);
  assert.doesNotMatch(answer.body, /<script|javascript:|\son\w+=/i);
  assert.match(String(answer.headers['content-security-policy']), /default-src 'none'/);
}

export interface ProbeEvent { event: string; [key: string]: any }

/**
 * Runs test/support/deviceCodeProbe.js against the sandbox: `onEvent` sees each event as it comes (and
 * may answer the probe on its stdin); resolves with every event and all the process printed.
 */
export async function runProbe(sandbox: GraphSandbox, env: Record<string, string>, onEvent: (event: ProbeEvent, say: (line: string) => void) => void | Promise<void>): Promise<{ events: ProbeEvent[]; output: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sandbox-ca-'));
  try {
    const certFile = path.join(dir, 'sandbox.pem');
    writeFileSync(certFile, sandbox.certificate);
    const probe = path.join(__dirname, '..', '..', 'support', 'deviceCodeProbe.js');
    const child = spawn(process.execPath, [probe], {
      env: { ...process.env, NODE_EXTRA_CA_CERTS: certFile, PROBE_AUTHORITY: sandbox.authority, PROBE_GRAPH: sandbox.url, PROBE_TENANT: 'contoso.onmicrosoft.com', PROBE_CLIENT_ID: SANDBOX_CLIENT_ID, ...env },
    });
    let output = '';
    let pending = '';
    const events: ProbeEvent[] = [];
    const say = (line: string) => child.stdin.write(`${line}\n`);
    child.stderr.on('data', (chunk) => { output += chunk; });
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk) => {
        output += chunk;
        pending += chunk;
        const lines = pending.split('\n');
        pending = lines.pop()!;
        for (const line of lines.filter(Boolean)) {
          const event = JSON.parse(line) as ProbeEvent;
          events.push(event);
          void Promise.resolve(onEvent(event, say)).catch((error: Error) => { output += `\nonEvent failed: ${error.stack}`; child.kill(); });
        }
      });
      child.on('exit', () => resolve());
    });
    return { events, output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
