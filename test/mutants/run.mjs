// `npm run test:mutants`: breaks the code on purpose, one way at a time, and shows that the fault
// run (test/unit/operations/faultRun.test.ts) catches each break. A mutant it passes is a check that
// is not one. Each mutant is built in a copy of the project, so the work tree is never touched.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MUTANTS } from './mutants.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const only = process.argv.slice(2);
const operations = process.env.FAULT_RUN_OPERATIONS ?? '200';

/** A copy of the sources with one mutant applied; every replacement must match exactly once. */
function copyWith(mutant) {
  const dir = mkdtempSync(path.join(tmpdir(), 'connector-groups-mutant-'));
  for (const entry of ['src', 'test', 'tsconfig.json', 'package.json']) cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true });
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  for (const change of mutant?.changes ?? []) {
    const file = path.join(dir, change.file);
    const text = readFileSync(file, 'utf8');
    const at = text.indexOf(change.from);
    if (at < 0 || text.indexOf(change.from, at + 1) >= 0) {
      throw new Error(`mutant '${mutant.name}': the text to replace in ${change.file} is not there exactly once; update test/mutants/mutants.mjs`);
    }
    writeFileSync(file, text.slice(0, at) + change.to + text.slice(at + change.from.length));
  }
  return dir;
}

/** Builds the copy and runs the fault run in it: the exit code and the lines that say why. */
function faultRunIn(dir) {
  const tsc = spawnSync(path.join(root, 'node_modules/.bin/tsc'), ['-p', dir], { encoding: 'utf8' });
  if (tsc.status !== 0) return { compiles: false, code: tsc.status, why: [`does not compile: ${tsc.stdout.split('\n')[0]}`] };
  const mocha = spawnSync(path.join(root, 'node_modules/.bin/mocha'), [
    '--no-config', '--timeout', '900000', '--enable-source-maps', '--grep', 'tells the truth',
    path.join(dir, 'out/test/unit/operations/faultRun.test.js'),
  ], { cwd: dir, encoding: 'utf8', env: { ...process.env, FAULT_RUN_OPERATIONS: operations } });
  const lines = `${mocha.stdout}\n${mocha.stderr}`.split('\n');
  const why = lines.filter((line) => /fault run seed|first mismatch|not a user-facing outcome|AssertionError/.test(line)).map((l) => l.trim());
  return { compiles: true, code: mocha.status, why };
}

const chosen = [{ name: 'unchanged', expect: 'pass' }, ...MUTANTS.filter((m) => only.length === 0 || only.includes(m.name))];
const results = [];
for (const mutant of chosen) {
  const started = Date.now();
  const dir = copyWith(mutant);
  try {
    const { compiles, code, why } = faultRunIn(dir);
    const failed = code !== 0;
    // A mutant that does not compile proves nothing about the test: it is an error of this script.
    const verdict = !compiles ? 'DOES NOT COMPILE' : mutant.expect === 'pass' ? (failed ? 'FAILED (should pass)' : 'passes') : (failed ? 'caught' : 'SURVIVED');
    results.push({ name: mutant.name, verdict, ok: compiles && (mutant.expect === 'pass' ? !failed : failed) });
    console.log(`${mutant.name}: ${verdict} (${((Date.now() - started) / 1000).toFixed(0)} s)${mutant.says ? ` — ${mutant.says}` : ''}`);
    for (const line of why.slice(0, 3)) console.log(`    ${line.slice(0, 300)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const caught = results.filter((r) => r.name !== 'unchanged' && r.ok).length;
console.log(`mutants: ${caught} of ${results.length - 1} caught; the unchanged code ${results[0].ok ? 'passes' : 'FAILS'}`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
