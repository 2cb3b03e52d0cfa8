// End-to-end: the connector timeline of a group, in light, dark and high contrast: connectors stopped
// and started in the sandbox, each read by Check Connectors Now from the tenant's context menu, the
// outage shaded, the applications at risk under the pointer and every change in the table.
import assert from 'node:assert/strict';
import { openConnectorGroupsView, runContextMenu } from '../host/workbench.mjs';
import { useWorkbench } from './workbenchFixture.mjs';

async function setStatus(sandbox, machineName, status) {
  const connector = (await sandbox.state()).connectors.find((c) => c.machineName.startsWith(machineName));
  const answer = await sandbox.call('PATCH', `/_sandbox/connectors/${connector.id}`, { body: { status } });
  assert.equal(answer.status, 200);
}

for (const [theme, colorTheme] of [['light', 'Default Light Modern'], ['dark', 'Default Dark Modern'], ['high contrast', 'Default High Contrast']]) {
  describe(`workbench: connector timeline (${theme})`, function () {
    this.timeout(180_000);
    const fixture = useWorkbench({ colorTheme });

    it('draws the outage of a group, says who is at risk under the pointer, and lists each change', async () => {
      const { wb, sandbox } = fixture;
      const view = await openConnectorGroupsView(wb.page);
      const tenantRow = view.locator('.monaco-list-row', { hasText: 'Contoso (sandbox)' }).first();
      const group = view.locator('.monaco-list-row', { hasText: 'EU Frankfurt' }).first();
      await group.waitFor({ timeout: 60_000 });
      // Opening the timeline begins the record (a read of the connectors at once).
      await runContextMenu(wb.page, group, 'Show Connector Timeline');
      const frame = wb.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
      await frame.locator('h1', { hasText: 'Timeline: EU Frankfurt' }).waitFor({ timeout: 30_000 });
      const check = async (rows) => {
        await runContextMenu(wb.page, tenantRow, 'Check Connectors Now');
        await frame.locator('#changes tbody tr').nth(rows - 1).waitFor({ timeout: 15_000 });
      };
      await setStatus(sandbox, 'FRA-APPPROXY-02', 'inactive');
      await setStatus(sandbox, 'FRA-APPPROXY-03', 'inactive');
      await check(1);
      await setStatus(sandbox, 'FRA-APPPROXY-01', 'inactive');
      await check(2);
      await setStatus(sandbox, 'FRA-APPPROXY-01', 'active');
      await check(3);
      assert.deepEqual(await frame.locator('#changes tbody tr td:nth-child(4)').allInnerTexts(), ['1', '0', '1']);
      assert.match(await frame.locator('#changes tbody tr.outage').innerText(), /EU Frankfurt\s+1\s+0\s+SAP Fiori, Payroll EU and Wiki/);
      assert.match(await frame.locator('.summary').innerText(), /^Active connectors of EU Frankfurt from .*; 1 outage\.$/);
      // Under the pointer, at the right end of the chart: one active connector, its applications at risk.
      const canvas = frame.locator('#chart .u-over');
      const box = await canvas.boundingBox();
      await wb.page.mouse.move(box.x + box.width - 3, box.y + box.height / 2);
      await frame.locator('#hover', { hasText: "'EU Frankfurt' has one active connector: SAP Fiori, Payroll EU and Wiki at risk" }).waitFor({ timeout: 10_000 });
      await wb.screenshot(`timeline-${theme.replace(' ', '-')}`);
    });
  });
}
