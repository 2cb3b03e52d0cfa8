import * as assert from 'node:assert/strict';
import { P, useSandbox } from '../../support/sandboxClient';

describe('sandbox: OData query options and paging', () => {
  const fx = useSandbox();

  async function collect(path: string) {
    const items: any[] = [];
    const links: string[] = [];
    let next: string | undefined = path;
    while (next) {
      const { status, body }: { status: number; body: any } = await fx.client.call("GET", next);
      assert.equal(status, 200, JSON.stringify(body));
      items.push(...body.value);
      next = body['@odata.nextLink'];
      if (next) links.push(next);
    }
    return { items, links };
  }

  it('pages 100 items by default with absolute next links on the same host', async () => {
    await fx.client.reset({ groups: 3, connectors: 250, applications: 0 });
    const { items, links } = await collect(`${P}/connectors`);
    assert.equal(items.length, 250);
    assert.equal(new Set(items.map((c) => c.id)).size, 250);
    assert.equal(links.length, 2);
    for (const link of links) {
      assert.ok(link.startsWith(`${fx.client.url}/beta/onPremisesPublishingProfiles/applicationProxy/connectors?`), link);
      assert.match(link, /\$skiptoken=/);
    }
  });

  it('uses $top as the page size and keeps $select, $filter and $count on next links', async () => {
    await fx.client.reset({ groups: 2, connectors: 30, applications: 0 });
    const first = await fx.client.call('GET', `${P}/connectors?$top=7&$select=machineName&$count=true&$filter=status eq 'active'`);
    const active = (await fx.client.state()).connectors.filter((c) => c.status === 'active').length;
    assert.equal(first.body['@odata.count'], active);
    assert.equal(first.body.value.length, 7);
    assert.deepEqual(Object.keys(first.body.value[0]).sort(), ['id', 'machineName']);
    const { items } = await collect(`${P}/connectors?$top=7&$select=machineName&$filter=status eq 'active'`);
    assert.equal(items.length, active);
  });

  it('filters groups by name with doubled quotes and by startswith', async () => {
    await fx.client.call('POST', `${P}/connectorGroups`, { body: { name: "O'Brien's group" } });
    const eq = await fx.client.call('GET', `${P}/connectorGroups?$filter=${encodeURIComponent("name eq 'O''Brien''s group'")}`);
    assert.equal(eq.status, 200);
    assert.deepEqual(eq.body.value.map((g: any) => g.name), ["O'Brien's group"]);
    const starts = await fx.client.call('GET', `${P}/connectorGroups?$filter=${encodeURIComponent("startswith(name,'Default')")}`);
    assert.deepEqual(starts.body.value.map((g: any) => g.name).sort(), ['Default', 'Default group for AD Sync Fabric']);
  });

  for (const [why, query, code] of [
    ['an unknown $select property', '$select=colour', 'Request_BadRequest'],
    ['$top=0', '$top=0', 'Request_BadRequest'],
    ['$top=1000', '$top=1000', 'Request_BadRequest'],
    ['a forged $skiptoken', '$skiptoken=abc', 'Request_BadRequest'],
    ['an unknown $filter property', `$filter=${encodeURIComponent("colour eq 'blue'")}`, 'Request_BadRequest'],
    ['a broken $filter', `$filter=${encodeURIComponent("name eq")}`, 'Request_BadRequest'],
    ['$expand=members, with an empty code as the live backend sends', '$expand=members', ''],
  ] as const) {
    it(`answers 400 for ${why}`, async () => {
      const { status, body } = await fx.client.call('GET', `${P}/connectorGroups?${query}`);
      assert.equal(status, 400);
      assert.equal(body.error.code, code);
      assert.ok(body.error.message);
    });
  }
});
