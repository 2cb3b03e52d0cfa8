// `npm run bench:workbench` (second part): how long the region form takes to open in the real
// workbench, from the click on Edit Region… to the form drawn with its group, the first time in a
// window and the times after (another group's form, and one opened again after it was closed). The
// first time includes the workbench starting its webview host, before the form's page arrives.
import { openConnectorGroupsView, openWorkbench } from '../host/workbench.mjs';

const GROUPS = ['India Pune', 'EU Frankfurt', 'Tokyo (legacy)', 'Asia Singapore', 'Australia Sydney', 'India Pune', 'EU Frankfurt'];
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function openOnce(wb, view, group) {
  const row = view.locator('.monaco-list-row', { hasText: group }).first();
  const item = wb.page.locator('.monaco-menu .action-label', { hasText: 'Edit Region…' });
  await row.click({ button: 'right' });
  await item.waitFor({ timeout: 15_000 });
  await item.hover();
  await wb.page.waitForTimeout(300);
  const started = Date.now();
  await item.click();
  const frame = wb.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
  await frame.locator('h1', { hasText: `Region of ${group}` }).waitFor({ timeout: 60_000 });
  await frame.locator('#save').waitFor({ timeout: 60_000 });
  return Date.now() - started;
}

async function regionFormOpening() {
  const wb = await openWorkbench();
  try {
    const view = await openConnectorGroupsView(wb.page);
    await view.locator('.monaco-list-row', { hasText: 'India Pune' }).waitFor({ timeout: 60_000 });
    const times = [];
    for (const group of GROUPS) {
      times.push(await openOnce(wb, view, group));
      await wb.runCommand('View: Close All Editors');
      await wb.page.locator('.tab').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
    }
    const [first, ...after] = times;
    console.log(`region form: first open ${first} ms · after it ${median(after)} ms (median of ${after.length}: ${after.join(', ')} ms)`);
  } finally {
    await wb.close();
  }
}

await regionFormOpening();
