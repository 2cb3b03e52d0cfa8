// The Azure CLI way in, through the real AzureCliCredential of @azure/identity, with an `az` of the
// test's own on PATH (the real CLI is not on this machine): how often `az` runs, its cloud checked,
// and a CLI that hangs.
import * as assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { AzureCliCredential } from '@azure/identity';
import { AzureCliSignIn } from '../../../src/auth/chunkedCredentials';
import { CLOUDS } from '../../../src/graph/clouds';

const FAKE_AZ = `#!/bin/sh
echo "$*" >> "$AZ_LOG"
if [ -n "$AZ_SLEEP" ]; then sleep "$AZ_SLEEP"; fi
case "$1 $2" in
  "cloud show") echo "$AZ_CLOUD" ;;
  "account get-access-token") echo "{\\"accessToken\\":\\"cli-token\\",\\"expires_on\\":$(( $(date +%s) + 3600 )),\\"tokenType\\":\\"Bearer\\"}" ;;
  *) echo "unexpected: $*" >&2; exit 2 ;;
esac
`;

describe('the Azure CLI way in, through @azure/identity', function () {
  this.timeout(30_000);
  let dir: string;
  let log: string;
  const saved = { PATH: process.env.PATH, AZ_LOG: process.env.AZ_LOG, AZ_CLOUD: process.env.AZ_CLOUD, AZ_SLEEP: process.env.AZ_SLEEP };
  const runs = (what: string) => readFileSync(log, 'utf8').split('\n').filter((line) => line.startsWith(what)).length;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'fake-az-'));
    log = path.join(dir, 'az.log');
    writeFileSync(log, '');
    writeFileSync(path.join(dir, 'az'), FAKE_AZ);
    chmodSync(path.join(dir, 'az'), 0o755);
    Object.assign(process.env, { PATH: `${dir}${path.delimiter}${saved.PATH}`, AZ_LOG: log, AZ_CLOUD: 'AzureCloud' });
    delete process.env.AZ_SLEEP;
  });
  afterEach(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  const make = (timeoutMs?: number) => (tenant: string | undefined, ms: number) => new AzureCliCredential({ ...(tenant ? { tenantId: tenant } : {}), processTimeoutInMs: timeoutMs ?? ms });

  it('runs az once for a burst of requests and keeps the token until shortly before it expires', async () => {
    const signIn = new AzureCliSignIn(undefined, CLOUDS.global.graphOrigin, CLOUDS.global, make());
    const tokens = await Promise.all(Array.from({ length: 25 }, () => signIn.getToken([])));
    assert.ok(tokens.every((t) => t?.token === 'cli-token'));
    await signIn.getToken([]);
    assert.equal(runs('account get-access-token'), 1, readFileSync(log, 'utf8'));
    assert.equal(runs('cloud show'), 1);
    assert.match(readFileSync(log, 'utf8'), /--resource https:\/\/graph\.microsoft\.com/);
  });

  it("says when the CLI's cloud is not the tenant's, before asking it for a token", async () => {
    const signIn = new AzureCliSignIn(undefined, CLOUDS.usGovernment.graphOrigin, CLOUDS.usGovernment, make());
    await assert.rejects(signIn.getToken([]), /set to the cloud 'AzureCloud', and this tenant is in 'AzureUSGovernment': run az cloud set --name AzureUSGovernment/);
    assert.equal(runs('account get-access-token'), 0);
  });

  it('gives up on a CLI that does not answer, instead of waiting without end', async () => {
    process.env.AZ_SLEEP = '5';
    const signIn = new AzureCliSignIn(undefined, CLOUDS.global.graphOrigin, { ...CLOUDS.global, azureCliCloud: undefined }, make(1000));
    const started = Date.now();
    await assert.rejects(signIn.getToken([]));
    assert.ok(Date.now() - started < 4000, `gave up after ${Date.now() - started} ms`);
  });
});
