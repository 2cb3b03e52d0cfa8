// `npm run bench:workbench`: the extension's share of a cold start, in the real workbench. For each
// tenant size, the window is reloaded with the view open (as a person reopens VS Code) and timed:
// the workbench's own load, the extension's activation (its own log line and VS Code's figure in
// Running Extensions), the sandbox tenant's first page of groups and its whole first load. Each
// size is reloaded RELOADS times (3 by default) and the median printed, since one run on a busy
// machine can be far off.
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

/** The time a log line was written (LogOutputChannel writes local time, as Date reads it). */
const loggedAt = (line) => new Date(line.slice(0, 23).replace(' ', 'T')).getTime();
/** A group row's description: counts of connectors and applications. */
const GROUP_ROW = /\d+ connectors? · \d+ apps?/;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function reloadOnce(wb) {
  const before = extensionLog(wb.logsDir).length;
  const started = Date.now();
  await wb.page.reload();
  await wb.page.waitForSelector('.monaco-workbench', { timeout: 120_000 });
  const workbench = Date.now() - started;
  // Any group's row: the list comes back at the scroll position it was left at, so which group is
  // drawn first depends on where the person was.
  await wb.page.locator('.part.sidebar .pane').first().locator('.monaco-list-row', { hasText: GROUP_ROW }).first().waitFor({ timeout: 300_000 });
  const firstRows = Date.now() - started;
  const activated = await waitForLine(wb.logsDir, /Activated in \d+ ms/, before);
  const loaded = await waitForLine(wb.logsDir, /First load: /, before);
  const own = Number(/Activated in (\d+) ms/.exec(activated)[1]);
  // When VS Code called activate, counted from the reload: the wait before it is the workbench's.
  const activationStarted = loggedAt(activated) - own - started;
  const [, count, all, page] = /First load: (\d+) groups in (\d+) ms, the first page shown after (\d+) ms/.exec(loaded);
  return { workbench, firstRows, own, activationStarted, count: Number(count), all: Number(all), page: Number(page) };
}

async function probe(groups, reloads) {
  const wb = await openWorkbench({
    sandboxArgs: ['--groups', String(groups), '--connectors', String(groups * 2), '--applications', String(groups * 2)],
    settings: { 'connectorGroups.requestTimeoutSeconds': 300 },
  });
  try {
    // A first start opens the view once, so the reloads below open it by themselves, as VS Code does.
    const view = await openConnectorGroupsView(wb.page);
    await view.locator('.monaco-list-row', { hasText: 'Group 0001' }).waitFor({ timeout: 300_000 });
    await waitForLine(wb.logsDir, /First load: /, 0);
    const runs = [];
    for (let i = 0; i < reloads; i++) {
      const run = await reloadOnce(wb);
      runs.push(run);
      console.log(`  reload ${i + 1}: workbench ready ${run.workbench} ms · activate called at ${run.activationStarted} ms · own activation ${run.own} ms · first page ${run.page} ms after it · first group rows ${run.firstRows} ms · all ${run.count} groups with contents ${run.all} ms`);
    }
    const vscode = await vscodeActivation(wb).catch((error) => `not read (${error.message.split('\n')[0]})`);
    const m = (key) => median(runs.map((r) => r[key]));
    console.log(`cold start, ${groups} groups (median of ${reloads} reloads): workbench ready ${m('workbench')} ms · activate called at ${m('activationStarted')} ms · activation (own work) ${m('own')} ms, at most ${Math.max(...runs.map((r) => r.own))} ms · VS Code's activation figure: ${vscode} · first page ${m('page')} ms · first group rows ${m('firstRows')} ms · all groups with contents ${m('all')} ms`);
    await wb.screenshot(`cold-start-${groups}`);
  } finally {
    await wb.close();
  }
}

const reloads = Number(process.env.RELOADS ?? 3);
for (const groups of sizes.length ? sizes : [500, 5000]) await probe(groups, reloads);
// Then the region form's opening, in a window of its own.
await import('./regionFormOpen.mjs');
