// The extension-host suite in desktop VS Code, downloaded by @vscode/test-electron (needs internet).
import * as os from 'node:os';
import * as path from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { runTests } from '@vscode/test-electron';
import { GraphSandbox } from '../src/sandbox/server';

async function main(): Promise<void> {
  const sandbox = await GraphSandbox.start({ identity: true });
  const root = path.resolve(__dirname, '../..');
  // The extension host trusts the identity platform's certificate from its start, as in code-server.
  const certFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'cg-ca-')), 'sandbox-ca.pem');
  writeFileSync(certFile, sandbox.certificate);
  try {
    await runTests({
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out/test/suite/index.js'),
      extensionTestsEnv: {
        CONNECTOR_GROUPS_SANDBOX_URL: sandbox.url,
        CONNECTOR_GROUPS_SANDBOX_TOKEN: sandbox.token,
        CONNECTOR_GROUPS_SANDBOX_AUTHORITY: sandbox.authority,
        NODE_EXTRA_CA_CERTS: certFile,
      },
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
