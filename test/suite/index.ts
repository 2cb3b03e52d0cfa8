// Entry point of the extension-host suite, the same for code-server and @vscode/test-electron.
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

/** Marks the suite's report so the code-server runner can tell it from the workbench's own log. */
export const REPORT_PREFIX = '[suite] ';

export function run(): Promise<void> {
  if (process.env.CONNECTOR_GROUPS_MARK_REPORT) {
    Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(REPORT_PREFIX + format(...args).replace(/\n/g, `\n${REPORT_PREFIX}`));
  }
  // SUITE_GREP runs only the tests whose title matches, while working on them.
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec', ...(process.env.SUITE_GREP ? { grep: process.env.SUITE_GREP } : {}) });
  const files = readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed.`)) : resolve()));
  });
}
