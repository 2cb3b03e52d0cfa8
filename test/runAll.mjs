// `npm test`: compiles, lints and builds, then runs the unit, extension-host and end-to-end layers, and prints one summary.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

// Each workbench of the end-to-end layer adds a line here when it closes: its search for secrets in its logs.
const SECRET_SEARCH_LOG = 'test-results/secret-search.log';

const LAYERS = [
  { name: 'compile', command: ['npm', 'run', '--silent', 'compile'], gate: true },
  { name: 'lint', command: ['npm', 'run', '--silent', 'lint'], gate: true },
  { name: 'build', command: ['npm', 'run', '--silent', 'build'], gate: true },
  // Compiled and built above: mocha alone (`npm run test:unit` builds first, for a run of its own).
  { name: 'unit', command: ['npx', 'mocha'] },
  { name: 'extension-host', command: ['npm', 'run', '--silent', 'test:host'] },
  { name: 'e2e', command: ['npm', 'run', '--silent', 'test:e2e'] },
];

function run(layer) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(layer.command[0], layer.command.slice(1), { stdio: ['ignore', 'pipe', 'inherit'] });
    const counts = { passed: 0, failed: 0, pending: 0 };
    let rest = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      const lines = (rest + chunk).split('\n');
      rest = lines.pop();
      for (const line of lines) {
        const mocha = /^\s*(\d+) (passing|failing|pending)\b/.exec(line);
        if (mocha) counts[{ passing: 'passed', failing: 'failed', pending: 'pending' }[mocha[2]]] = Number(mocha[1]);
        const host = /^extension-host: (\d+) passed, (\d+) failed$/.exec(line);
        if (host) Object.assign(counts, { passed: Number(host[1]), failed: Number(host[2]) });
      }
    });
    child.on('exit', (code) => resolve({ ...layer, code, counts, seconds: (Date.now() - started) / 1000 }));
  });
}

const results = [];
rmSync(SECRET_SEARCH_LOG, { force: true });
for (const layer of LAYERS) {
  const result = await run(layer);
  if (layer.name === 'e2e' && existsSync(SECRET_SEARCH_LOG)) process.stdout.write(readFileSync(SECRET_SEARCH_LOG, 'utf8'));
  results.push(result);
  if (layer.gate && result.code !== 0) break;
}

console.log('\nSummary');
for (const r of results) {
  const status = r.code === 0 ? 'ok' : `exit ${r.code}`;
  const counts = r.gate ? '' : ` ${r.counts.passed} passed, ${r.counts.failed} failed`;
  console.log(`  ${r.name.padEnd(15)} ${status.padEnd(8)}${counts} (${r.seconds.toFixed(1)} s)`);
}
const total = results.filter((r) => !r.gate).reduce((sum, r) => ({ passed: sum.passed + r.counts.passed, failed: sum.failed + r.counts.failed }), { passed: 0, failed: 0 });
const failedLayers = results.filter((r) => r.code !== 0);
// A layer that exits non-zero without a failing test (a crash, a time-out) still counts as one failure.
const failed = total.failed + failedLayers.filter((r) => r.gate || r.counts.failed === 0).length;
console.log(`tests: ${total.passed} passed, ${failed} failed`);
process.exit(failedLayers.length > 0 || results.length < LAYERS.length ? 1 : 0);
