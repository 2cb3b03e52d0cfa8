// `npm run bench:workbench`: the extension's share of a cold start, in the real workbench. For each
// tenant size, the window is reloaded with the view open (as a person reopens VS Code) and timed:
// the workbench's own load, the extension's activation (its own log line and VS Code's figure in
// Running Extensions), the sandbox tenant's first page of groups and its whole first load.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { openConnectorGroupsView, openWorkbench } from '../host/workbench.mjs';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);

function filesBelow(dir) {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesBelow(file) : [file];
  });
}

/** The extension's log lines written so far (every extension host of the window, oldest first). */
function extensionLog(logsDir) {
  return filesBelow(logsDir).filter((file) => /Connector Groups/.test(path.basename(file)))
    .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs)
    .flatMap((file) => readFileSync(file, 'utf8').split('\n'));
}

async function waitForLine(logsDir, pattern, after, timeoutMs = 300_000) {
  for (const started = Date.now(); Date.now() - started < timeoutMs;) {
    const lines = extensionLog(logsDir).slice(after);
    const line = lines.find((l) => pattern.test(l));
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no log line matching ${pattern} within ${timeoutMs / 1000} s`);
}

/** VS Code's own activation figure for the extension, as Running Extensions shows it. */
async function vscodeActivation(wb) {
  await wb.runCommand('Developer: Show Running Extensions');
  const row = wb.page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Entra Connector Groups' });
  await row.waitFor({ timeout: 30_000 });
  const text = await row.locator('.time').first().innerText().catch(async () => row.innerText());
  return text.replace(/\s+/g, ' ').trim();
}

async function probe(groups) {
  const wb = await openWorkbench({
    sandboxArgs: ['--groups', String(groups), '--connectors', String(groups * 2), '--applications', String(groups * 2)],
    settings: { 'connectorGroups.requestTimeoutSeconds': 300 },
  });
  try {
    // A first start opens the view once, so the reload below opens it by itself, as VS Code does.
    const view = await openConnectorGroupsView(wb.page);
    await view.locator('.monaco-list-row', { hasText: 'Group 0001' }).waitFor({ timeout: 300_000 });
    await waitForLine(wb.logsDir, /First load: /, 0);
    const before = extensionLog(wb.logsDir).length;
    const started = Date.now();
    await wb.page.reload();
    await wb.page.waitForSelector('.monaco-workbench', { timeout: 120_000 });
    const workbench = Date.now() - started;
    const reopened = wb.page.locator('.part.sidebar .monaco-list-row', { hasText: 'Group 0001' });
    await reopened.waitFor({ timeout: 300_000 });
    const firstRows = Date.now() - started;
    const activated = await waitForLine(wb.logsDir, /Activated in \d+ ms/, before);
    const loaded = await waitForLine(wb.logsDir, /First load: /, before);
    const own = /Activated in (\d+) ms/.exec(activated)[1];
    const [, count, all, page] = /First load: (\d+) groups in (\d+) ms, the first page shown after (\d+) ms/.exec(loaded);
    const vscode = await vscodeActivation(wb).catch((error) => `not read (${error.message.split('\n')[0]})`);
    console.log(`cold start, ${groups} groups: workbench ready ${workbench} ms · first group rows ${firstRows} ms · activation (own work) ${own} ms · VS Code's activation figure: ${vscode} · first page ${page} ms · all ${count} groups with contents ${all} ms`);
    await wb.screenshot(`cold-start-${groups}`);
  } finally {
    await wb.close();
  }
}

for (const groups of sizes.length ? sizes : [500, 5000]) await probe(groups);
