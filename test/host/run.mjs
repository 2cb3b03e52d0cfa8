// Runs the extension-host suite (test/suite) inside a real VS Code: code-server's remote extension host,
// driven by headless Chromium. Exit code 0 only when the suite passed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { format } from 'node:util';
import path from 'node:path';
import { launchBrowser, makeScratch, root, startCodeServer } from './codeServer.mjs';
import { stopAll } from './processes.mjs';
import { startSandbox } from './sandboxProcess.mjs';
import { describeSearch, searchForSecrets, secretLedgerEnv } from './secretSearch.mjs';

const TIME_LIMIT_MS = Number(process.env.SUITE_TIME_LIMIT_MS ?? 600_000);
const testsPath = process.argv.includes('--tests')
  ? path.resolve(process.argv[process.argv.indexOf('--tests') + 1])
  : path.join(root, 'out/test/suite/index.js');

const REPORT_PREFIX = '[suite] ';
const resultsDir = path.join(root, 'test-results');
const fullLog = [];
const started = Date.now();
const say = (message) => process.stderr.write(`[host ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}\n`);

async function main() {
  const scratch = makeScratch();
  let browser;
  try {
    const ledger = secretLedgerEnv(path.join(scratch.dir, 'secrets.txt'));
    const sandbox = await startSandbox({ certFile: path.join(scratch.dir, 'sandbox-ca.pem'), env: ledger });
    say(`Graph sandbox on ${sandbox.url}`);
    const env = { ...sandbox.env, ...ledger, CONNECTOR_GROUPS_MARK_REPORT: '1' };
    const server = await startCodeServer({ scratch, env, smokeTestDriver: true });
    say(`code-server on ${server.url}`);
    browser = await launchBrowser(scratch);
    const page = await browser.newPage();
    let failures = 0;
    let passes = 0;
    const exit = new Promise((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code) => resolve(code));
    });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      fullLog.push(`[${type}] ${text}`);
      // The suite's report is marked; everything else is the workbench's own log, kept in the log file.
      for (const line of text.split('\n')) {
        if (!line.startsWith(REPORT_PREFIX)) continue;
        const report = line.slice(REPORT_PREFIX.length);
        passes = Number(/^\s*(\d+) passing/.exec(report)?.[1] ?? passes);
        failures = Number(/^\s*(\d+) failing/.exec(report)?.[1] ?? failures);
        process.stdout.write(`${report}\n`);
      }
    });
    const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const payload = [['extensionDevelopmentPath', remote(root)], ['extensionTestsPath', remote(testsPath)]];
    await page.goto(`${server.url}/?folder=${encodeURIComponent(scratch.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const code = await Promise.race([
      exit,
      new Promise((resolve) => setTimeout(() => resolve(124), TIME_LIMIT_MS)),
    ]);
    say(code === 124 ? `no result within ${TIME_LIMIT_MS / 1000} s` : `extension host exited with ${code}`);
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(path.join(resultsDir, 'extension-host.log'), `${fullLog.join('\n')}\n--- code-server ---\n${server.log.join('')}`);
    if (code !== 0) say(`full log: ${path.relative(root, path.join(resultsDir, 'extension-host.log'))}`);
    await sandbox.stop();
    await server.stop();
    // Every log line the suite caused (the extension's log files, the host's output, every message
    // the scripted prompts showed, code-server's own output) is searched for every secret handed out.
    const search = searchForSecrets({
      ledgerFile: ledger.GRAPH_SANDBOX_SECRETS_FILE,
      logsDir: path.join(scratch.userData, 'logs'),
      extraSources: [['extension host output', fullLog.join('\n')], ['code-server output', server.log.join('')]],
    });
    say(describeSearch('extension-host', search));
    const leaked = search.problems.length > 0 ? 1 : 0;
    console.log(`extension-host: ${passes} passed, ${failures + leaked} failed`);
    return code === 0 && leaked ? 1 : code;
  } finally {
    await browser?.close().catch(() => undefined);
    await stopAll();
    scratch.remove();
  }
}

main().then((code) => process.exit(code), (error) => {
  console.error(error);
  void stopAll().then(() => process.exit(1));
});
