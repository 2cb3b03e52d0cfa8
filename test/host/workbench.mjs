// The workbench as a person sees it: code-server with the extension installed, a Graph sandbox, and Chromium.
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { installExtension, launchBrowser, makeScratch, root, startCodeServer } from './codeServer.mjs';
import { startSandbox } from './sandboxProcess.mjs';
import { writeDemoLayout } from './demoWorkspace.mjs';
import { describeSearch, searchForSecrets, secretLedgerEnv } from './secretSearch.mjs';

export const screenshotsDir = path.join(root, 'test-results', 'screenshots');
const searchLog = path.join(root, 'test-results', 'secret-search.log');

/**
 * Starts everything; `close()` stops it all, searches every log of the workbench for every secret its
 * sandboxes handed out (throwing when one is found or the search could not be trusted), and removes
 * the throwaway folders.
 */
export async function openWorkbench({ viewport = { width: 1400, height: 900 }, colorTheme, settings = {}, sandboxArgs = [], demoLayout = false } = {}) {
  const scratch = makeScratch();
  const ledger = secretLedgerEnv(path.join(scratch.dir, 'secrets.txt'));
  const consoleMessages = [];
  let sandbox;
  let server;
  let browser;
  let opened = false;
  const close = async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    await sandbox?.stop();
    try {
      if (!opened) return;
      const search = searchForSecrets({
        ledgerFile: ledger.GRAPH_SANDBOX_SECRETS_FILE,
        logsDir: path.join(scratch.userData, 'logs'),
        extraSources: [['workbench console', consoleMessages.join('\n')], ['code-server output', server.log.join('')]],
      });
      mkdirSync(path.dirname(searchLog), { recursive: true });
      appendFileSync(searchLog, `${describeSearch('e2e', search)}\n`);
      if (search.problems.length > 0) throw new Error(describeSearch('e2e', search));
    } finally {
      scratch.remove();
    }
  };
  try {
    sandbox = await startSandbox({ certFile: path.join(scratch.dir, 'sandbox-ca.pem'), env: ledger, extraArgs: sandboxArgs });
    installExtension(scratch);
    if (demoLayout) await writeDemoLayout(sandbox, scratch.workspace);
    server = await startCodeServer({
      scratch,
      env: { ...sandbox.env, ...ledger },
      settings: { ...settings, ...(colorTheme ? { 'workbench.colorTheme': colorTheme } : {}) },
    });
    browser = await launchBrowser(scratch);
    const page = await browser.newPage({ viewport });
    // Every frame's console, webviews included: tests look here for CSP violations.
    page.on('console', (message) => consoleMessages.push(`${message.type()}: ${message.text()}`));
    await page.goto(`${server.url}/?folder=${encodeURIComponent(scratch.workspace)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    mkdirSync(screenshotsDir, { recursive: true });
    opened = true;
    return {
      page,
      sandbox,
      /** Kills the extension host (SIGKILL), as a crash would; returns the pids killed. */
      killExtensionHost: () => server.killExtensionHost(),
      /** The folder open in the workbench. */
      workspace: scratch.workspace,
      /** Where the workbench writes its logs (the extension's among them). */
      logsDir: path.join(scratch.userData, 'logs'),
      /** Runs a command from the command palette by its title, as a person would. */
      runCommand: async (title) => {
        await page.keyboard.press('F1');
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ timeout: 15_000 });
        await input.fill(`>${title}`);
        // Enter takes the focused row: wait until the filter has put the command there.
        await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).first().waitFor({ timeout: 15_000 });
        await page.keyboard.press('Enter');
      },
      consoleMessages,
      screenshot: (name) => page.screenshot({ path: path.join(screenshotsDir, `${name}.png`) }),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Opens our view from the activity bar (a click on the active one would hide it again); returns the
 * Connector Groups pane (the first of the container; the Health pane below it names groups too).
 */
export async function openConnectorGroupsView(page) {
  const sidebar = page.locator('.part.sidebar');
  const title = sidebar.locator('.composite.title', { hasText: /Connector Groups/i });
  if (!(await title.isVisible().catch(() => false))) {
    // The item itself, not its label: a progress badge drawn over the label (the view is loading) is
    // part of the item, so the click still lands.
    const icon = page.locator('.activitybar .action-item', { has: page.locator('[aria-label^="Connector Groups"]') }).first();
    await icon.waitFor({ timeout: 60_000 });
    await icon.click();
  }
  await title.waitFor({ timeout: 30_000 });
  return sidebar.locator('.pane').first();
}

/** Drags the side bar's edge `by` pixels to the right, as a person widens it. */
export async function widenSidebar(page, by) {
  const side = await page.locator('.part.sidebar').boundingBox();
  const edge = { x: side.x + side.width + 1, y: side.y + side.height / 2 };
  await page.mouse.move(edge.x, edge.y);
  await page.mouse.down();
  await page.mouse.move(edge.x + by, edge.y, { steps: 10 });
  await page.mouse.up();
}

/**
 * Runs an entry of a tree row's context menu, as a person would: a menu that closed before its entry
 * showed (the row was redrawn as its group's contents arrived) is opened again.
 */
export async function runContextMenu(page, row, label) {
  await row.waitFor({ timeout: 30_000 });
  const item = page.locator('.monaco-menu .action-label', { hasText: label });
  for (let attempt = 1; ; attempt++) {
    await row.click({ button: 'right' });
    try {
      await item.waitFor({ timeout: 5_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
  // VS Code's menus ignore a click that comes right after they open.
  await item.hover();
  await page.waitForTimeout(300);
  await item.click();
}
