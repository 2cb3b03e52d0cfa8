// After a run in a real workbench: every secret the sandboxes handed out (their ledger, see
// src/sandbox/secretLedger.ts) is looked for in every log the run wrote — VS Code's log folder with
// the extension's own channel, code-server's output, the workbench's console — and a run whose log
// folder is missing, or whose extension log shows no Debug line, fails instead of passing silently.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The environment that makes every sandbox of a run (the process and those inside the extension) keep its ledger there. */
export function secretLedgerEnv(file) {
  return { GRAPH_SANDBOX_SECRETS_FILE: file };
}

function filesBelow(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesBelow(full) : [full];
  });
}

/** The pieces of a secret that must never appear: the whole, and a JWT's signature on its own. */
function needles(secret) {
  const parts = secret.split('.');
  return parts.length === 3 ? [secret, parts[2]] : [secret];
}

/**
 * Searches and returns what it found: `problems` lists every leak and every reason the search could
 * not be trusted (no ledger, no log folder, no Debug line from the extension).
 */
export function searchForSecrets({ ledgerFile, logsDir, extraSources = [] }) {
  const problems = [];
  const secrets = existsSync(ledgerFile) ? [...new Set(readFileSync(ledgerFile, 'utf8').split('\n').filter(Boolean))] : [];
  if (secrets.length === 0) problems.push(`no secrets were recorded in ${ledgerFile}: the search would prove nothing`);
  let logFiles = [];
  if (!existsSync(logsDir)) problems.push(`the log folder ${logsDir} was not found`);
  else logFiles = filesBelow(logsDir);
  const ours = logFiles.filter((file) => /connector.?groups/i.test(path.basename(file)) || /Connector Groups/.test(path.basename(file)));
  if (existsSync(logsDir) && ours.length === 0) problems.push(`no log of the extension was found below ${logsDir}`);
  const sources = [...logFiles.map((file) => [path.relative(logsDir, file), readFileSync(file, 'utf8')]), ...extraSources];
  // The round trips of reads are Debug lines: without one the search ran on a log that left them out.
  if (ours.length > 0 && !ours.some((file) => /\[debug\].*GET .*→ 2\d\d/.test(readFileSync(file, 'utf8')))) {
    problems.push('the extension log has no Debug round-trip line: the log level was not Debug');
  }
  const all = secrets.flatMap(needles);
  for (const [name, text] of sources) {
    if (all.some((needle) => text.includes(needle))) problems.push(`a secret appears in ${name}`);
  }
  const lines = sources.reduce((n, [, text]) => n + text.split('\n').length, 0);
  return { problems, secrets: secrets.length, sources: sources.length, lines };
}

/** One line for the run's output. */
export function describeSearch(layer, result) {
  return `${layer}: searched ${result.lines} log lines in ${result.sources} sources for ${result.secrets} secrets handed out: `
    + (result.problems.length === 0 ? '0 hits' : result.problems.join('; '));
}
