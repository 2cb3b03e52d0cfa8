// The extension-host suite in desktop VS Code, downloaded by @vscode/test-electron (needs internet).
import * as os from 'node:os';
import * as path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { runTests } from '@vscode/test-electron';
import { GraphSandbox } from '../src/sandbox/server';

async function main(): Promise<void> {
  const sandbox = await GraphSandbox.start();
  const root = path.resolve(__dirname, '../..');
  try {
    await runTests({
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out/test/suite/index.js'),
      extensionTestsEnv: { CONNECTOR_GROUPS_SANDBOX_URL: sandbox.url, CONNECTOR_GROUPS_SANDBOX_TOKEN: sandbox.token },
      launchArgs: ['--disable-extensions', mkdtempSync(path.join(os.tmpdir(), 'cg-ws-'))],
    });
  } finally {
    await sandbox.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
