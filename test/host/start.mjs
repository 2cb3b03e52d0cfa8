// `npm start`: the Graph sandbox with the demo tenant, and code-server with the extension installed and
// pointed at it. Prints the address to open; Ctrl-C stops everything.
import path from 'node:path';
import { installExtension, makeScratch, startCodeServer } from './codeServer.mjs';
import { stopAll } from './processes.mjs';
import { startSandbox } from './sandboxProcess.mjs';
import { DEMO_LAYOUT, writeDemoLayout } from './demoWorkspace.mjs';

const portArg = process.argv.indexOf('--sandbox-port');
const sandboxPort = portArg > 0 ? Number(process.argv[portArg + 1]) : 0;

const scratch = makeScratch();
try {
  const sandbox = await startSandbox({ port: sandboxPort, quiet: false, certFile: path.join(scratch.dir, 'sandbox-ca.pem') });
  installExtension(scratch);
  await writeDemoLayout(sandbox, scratch.workspace);
  const server = await startCodeServer({
    scratch,
    env: sandbox.env,
    settings: { 'connectorGroups.clientId': sandbox.clientId },
  });
  console.log('');
  console.log(`Graph sandbox (demo tenant): ${sandbox.url}/beta`);
  console.log(`GRAPH_SANDBOX_TOKEN=${sandbox.token}`);
  console.log(`Its sign-in authority (for Add Tenant… → Custom Graph endpoint → Device code): ${sandbox.authority}`);
  console.log('');
  console.log(`Open VS Code in a browser: ${server.url}/?folder=${encodeURIComponent(scratch.workspace)}`);
  console.log('Then choose "Connector Groups" in the activity bar. Ctrl-C stops everything.');
  console.log(`The folder holds ${DEMO_LAYOUT}, which declares where Asia Singapore fails over to (Fail Over… on the group).`);
  process.on('exit', () => scratch.remove());
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await stopAll();
  scratch.remove();
  process.exit(1);
}
