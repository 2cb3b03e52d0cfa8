// Serves the real VS Code workbench (code-server) on loopback with throwaway user data, extensions and home dirs.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTestHost } from './install.mjs';
import { freePort, killInGroup, spawnGroup, stopGroup } from './processes.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

const SETTINGS = {
  // Keeps the agent host (and its helper processes) from starting at all.
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'security.workspace.trust.enabled': false,
  'update.mode': 'none',
};

/** Every file code-server, VS Code and Chromium write goes below one throwaway folder (short: sockets live in it). */
export function makeScratch() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cgt-'));
  const sub = (name) => {
    const p = path.join(dir, name);
    mkdirSync(p, { recursive: true });
    return p;
  };
  return {
    dir,
    userData: sub('ud'),
    extensions: sub('ext'),
    workspace: sub('ws'),
    env: {
      XDG_CONFIG_HOME: sub('xc'),
      XDG_DATA_HOME: sub('xd'),
      XDG_CACHE_HOME: sub('xk'),
      TMPDIR: sub('t'),
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Copies the built extension into the extensions folder, as an installed (not development) extension. */
export function installExtension(scratch) {
  const target = path.join(scratch.extensions, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
  for (const entry of ['package.json', 'package.nls.json', 'dist', 'media', 'README.md']) {
    cpSync(path.join(root, entry), path.join(target, entry), { recursive: true });
  }
  return target;
}

/**
 * Starts code-server. `smokeTestDriver` enables the development payload (for the extension-host suite);
 * without it notifications appear as a person sees them (for end-to-end tests).
 */
export async function startCodeServer({ scratch, env = {}, smokeTestDriver = false, settings = {} }) {
  const host = ensureTestHost();
  mkdirSync(path.join(scratch.userData, 'User'), { recursive: true });
  writeFileSync(path.join(scratch.userData, 'User', 'settings.json'), JSON.stringify({ ...SETTINGS, ...settings }, null, 2), { flag: 'w' });
  const port = await freePort();
  const configFile = path.join(scratch.dir, 'config.yaml');
  writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const args = [
    host.codeServerEntry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--config', configFile,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', scratch.userData,
    '--extensions-dir', scratch.extensions,
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    // Logs at Debug (code-server passes its level on to VS Code), so the extension's round trips of
    // reads are written, and searched for secrets, too.
    '--log', 'debug',
    scratch.workspace,
  ];
  const log = [];
  const child = spawnGroup(host.node, args, {
    env: { ...process.env, ...scratch.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => log.push(String(chunk)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}:\n${log.join('')}`);
    if (Date.now() > deadline) throw new Error(`code-server did not answer within 60 s:\n${log.join('')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url, port, log, stop: () => stopGroup(child),
    /** Kills the extension host as a crash would; VS Code then has none until the window reloads. */
    killExtensionHost: () => killInGroup(child.pid, 'extensionHost'),
  };
}

/** Headless Debian Chromium through playwright-core; never a downloaded browser. */
export async function launchBrowser(scratch) {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    env: { ...process.env, ...scratch.env, HOME: scratch.dir },
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    ],
  });
}
