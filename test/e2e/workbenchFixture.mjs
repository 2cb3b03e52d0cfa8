// One workbench (and its sandbox) for a describe block: opened before its tests, closed after.
import { openWorkbench } from '../host/workbench.mjs';
import supportModule from '../../out/test/support/sandboxClient.js';

const { SandboxClient } = supportModule;

/** Call inside describe(); the returned object has `wb` and `sandbox` once the tests run. */
export function useWorkbench(options = {}) {
  const fixture = { wb: undefined, sandbox: undefined };
  before(async () => {
    fixture.wb = await openWorkbench(options);
    fixture.sandbox = new SandboxClient(fixture.wb.sandbox.url, fixture.wb.sandbox.token);
  });
  // A failed test leaves a picture of the workbench as it was, to read beside the log.
  afterEach(async function () {
    if (this.currentTest?.state !== 'failed' || !fixture.wb) return;
    const name = `failed-${this.currentTest.fullTitle()}`.replace(/[^\w-]+/g, '-').slice(0, 100);
    await fixture.wb.screenshot(name).catch(() => undefined);
  });
  after(async () => {
    await fixture.wb?.close();
  });
  return fixture;
}
