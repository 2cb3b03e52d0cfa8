import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REGIONS } from '../../../src/shared/regions';
import { MAX_PROBLEMS, readLayout, writeLayout } from '../../../src/layout/layoutFile';
import { tenantLayout } from '../../../src/layout/tenantLayout';
import { guid, standardTenant } from './fixtures';

function problems(text: string): string[] {
  const read = readLayout(text);
  assert.equal(read.ok, false, 'expected problems');
  return read.ok ? [] : read.problems.map((p) => `${text.slice(p.span.offset, p.span.offset + p.span.length)} :: ${p.message}`);
}

describe('layout file: read by hand, every problem pointed at', () => {
  it('reads what it writes, and the text is stable', () => {
    const layout = tenantLayout(standardTenant(), { id: guid('tenant'), displayName: 'Contoso' });
    const text = writeLayout(layout);
    const read = readLayout(text);
    assert.ok(read.ok);
    assert.deepEqual(read.layout, layout);
    assert.equal(writeLayout(read.layout), text);
    assert.match(text, /"machineName": "C1"/);
    assert.ok(!text.includes('SYNC'), 'sync-fabric groups are not part of a layout');
  });

  it('keeps where each id is written, for diagnostics', () => {
    const text = writeLayout(tenantLayout(standardTenant(), { id: guid('tenant') }));
    const read = readLayout(text);
    assert.ok(read.ok);
    const [span] = read.spans.connectors.get(guid('C3'))!;
    assert.equal(text.slice(span.offset, span.offset + span.length), `"${guid('C3')}"`);
    assert.ok(read.spans.groups.has(guid('EU')));
  });

  it('says where JSON is broken', () => {
    assert.match(problems('{"tenant": {"id": ')[0], /not valid JSON \(ValueExpected\)/);
    assert.match(problems('')[0], /empty|not valid JSON/);
    assert.match(problems('[1, 2]')[0], /A layout is a JSON object/);
  });

  it('points at each wrong value, all at once', () => {
    const text = JSON.stringify({
      tenant: { id: 'contoso' },
      prune: 'yes',
      connectorGroups: [
        { id: 'not-a-guid', name: '  ' },
        { name: 'x'.repeat(257) },
        { name: 'Ok', region: 3, conectors: [] },
        { name: 'Ok2', connectors: [{ id: guid('C1'), machineName: 4 }, 'C2'], applications: {} },
      ],
    });
    const found = problems(text);
    const expect = [
      /^"contoso" :: The tenant's id must be a GUID/,
      /^"yes" :: 'prune' must be true or false/,
      /^"not-a-guid" :: A group's id must be a GUID/,
      /^" {2}" :: A connector group needs a name/,
      /^"x+" :: The name is 257 characters long; at most 256/,
      /^3 :: 'region' must be text/,
      /^"conectors" :: 'conectors' is not a property of a connector group \(expected one of id, name, region, isDefault, connectors, applications, failover\)/,
      /^4 :: 'machineName' must be text/,
      /^"C2" :: A connector is written as \{"id": "…"\}/,
      /^\{\} :: 'applications' must be a list/,
    ];
    for (const pattern of expect) assert.ok(found.some((f) => pattern.test(f)), `${pattern}\nin\n${found.join('\n')}`);
    assert.equal(found.length, expect.length, found.join('\n'));
  });

  it('reads a fail-over declaration, writes it back, and refuses a wrong one where it is written', () => {
    const layout = tenantLayout(standardTenant(), { id: guid('tenant') });
    layout.connectorGroups.find((g) => g.id === guid('EU'))!.failover = { to: guid('ASIA') };
    const text = writeLayout(layout);
    const read = readLayout(text);
    assert.ok(read.ok);
    assert.deepEqual(read.layout.connectorGroups.find((g) => g.id === guid('EU'))?.failover, { to: guid('ASIA') });
    assert.equal(writeLayout(read.layout), text);
    const [{ span }] = read.spans.failovers;
    assert.equal(text.slice(span.offset, span.offset + span.length), `"${guid('ASIA')}"`);
    const wrong = JSON.stringify({ tenant: { id: guid('t') }, connectorGroups: [
      { id: guid('g'), name: 'Self', failover: { to: guid('g').toUpperCase() } },
      { name: 'Text', failover: 'DR' },
      { name: 'Typo', failover: { too: guid('g') } },
      { name: 'Not an id', failover: { to: 'DR group' } },
    ] });
    const found = problems(wrong);
    const expect = [
      new RegExp(`^"${guid('g').toUpperCase()}" :: A group cannot fail over to itself`),
      /^"DR" :: 'failover' is written as \{"to": "<id of the group to fail over to>"\}/,
      /^"too" :: 'too' is not a property of 'failover' \(expected one of to\)/,
      /^\{"too".*:: The fail-over group is missing/,
      /^"DR group" :: The fail-over group must be a GUID/,
    ];
    for (const pattern of expect) assert.ok(found.some((f) => pattern.test(f)), `${pattern}\nin\n${found.join('\n')}`);
    assert.equal(found.length, expect.length, found.join('\n'));
  });

  it('keeps a file\'s fail-over declarations on the tenant side of the diff, so they never show as a change', () => {
    const layout = tenantLayout(standardTenant(), { id: guid('tenant') });
    const eu = layout.connectorGroups.find((g) => g.id === guid('EU'))!;
    eu.failover = { to: guid('ASIA') };
    // One matched by its name only, in another case, as Preview Plan matches it.
    const byName = layout.connectorGroups.find((g) => g.id === guid('ASIA'))!;
    delete byName.id;
    byName.name = byName.name.toUpperCase();
    byName.failover = { to: guid('EU') };
    const tenantSide = tenantLayout(standardTenant(), { id: guid('tenant') }, layout);
    assert.deepEqual(tenantSide.connectorGroups.find((g) => g.id === guid('EU'))?.failover, { to: guid('ASIA') });
    assert.deepEqual(tenantSide.connectorGroups.find((g) => g.id === guid('ASIA'))?.failover, { to: guid('EU') });
    assert.equal(tenantSide.connectorGroups.filter((g) => g.failover).length, 2);
  });

  it('refuses a key written twice, which a person and the planner would read differently', () => {
    const tenant = guid('tenant');
    const text = `{ "tenant": { "id": "${tenant}" }, "prune": false, "connectorGroups": [ { "name": "A", "name": "B" } ], "prune": true }`;
    const found = problems(text);
    assert.equal(found.length, 2, found.join('\n'));
    assert.ok(found.some((f) => f.startsWith('"prune" :: \'prune\' is written twice in a layout')));
    assert.ok(found.some((f) => f.startsWith('"name" :: \'name\' is written twice in a connector group')));
  });

  it('refuses a file nested thousands deep with one problem instead of overflowing the stack', () => {
    for (const text of ['['.repeat(10_000) + ']'.repeat(10_000), '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)]) {
      const read = readLayout(text);
      assert.equal(read.ok, false);
      assert.equal(read.ok ? 0 : read.problems.length, 1);
      assert.match(read.ok ? '' : read.problems[0].message, /nest more than 32 deep/);
    }
    // Brackets inside a name or a comment are text, not nesting.
    const text = writeLayout({ tenant: { id: guid('tenant') }, prune: false, connectorGroups: [{ name: '['.repeat(100) }] });
    assert.ok(readLayout(text).ok);
    assert.ok(readLayout(`// ${'['.repeat(100)}\n/* ${'{'.repeat(100)} */\n${text}`).ok);
  });

  it('marks at most 200 problems of a file broken everywhere, and says how many more there are', () => {
    const text = `{"tenant": {"id": "${guid('tenant')}"}, "connectorGroups": [${Array.from({ length: 5000 }, () => '{"name": 1, "x": 2}').join(',')}]}`;
    const read = readLayout(text);
    assert.equal(read.ok, false);
    const found = read.ok ? [] : read.problems;
    assert.equal(found.length, MAX_PROBLEMS + 1);
    assert.match(found[MAX_PROBLEMS].message, /and 9800 more problems: the first 200 are marked/);
  });

  it('takes comments and a trailing comma, as a JSON file in the editor may have', () => {
    const read = readLayout(`{ // ours\n "tenant": {"id": "${guid('t')}"}, "connectorGroups": [{"name": "A",},], }`);
    assert.ok(read.ok);
    assert.equal(read.layout.prune, false);
    assert.deepEqual(read.layout.connectorGroups, [{ name: 'A' }]);
  });

  it('refuses a prototype key instead of ignoring it', () => {
    const found = problems(`{"tenant": {"id": "${guid('t')}"}, "connectorGroups": [{"name": "A", "__proto__": {"isDefault": true}}]}`);
    assert.match(found[0], /'__proto__' is not a property/);
  });
});

describe('layout file: the schema the editor uses and the reader agree', () => {
  const root = path.resolve(__dirname, '../../../..');
  const schema = JSON.parse(readFileSync(path.join(root, 'media/connectorgroups.schema.json'), 'utf8'));
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

  it('is the schema package.json gives *.connectorgroups.json files', () => {
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: '*.connectorgroups.json', url: './media/connectorgroups.schema.json' }]);
  });

  it('allows exactly the properties the reader allows, at every level', () => {
    const keys = (node: { properties: object }) => Object.keys(node.properties).sort();
    const group = schema.definitions.group;
    assert.deepEqual(keys(schema), ['$schema', 'connectorGroups', 'prune', 'tenant']);
    assert.deepEqual(keys(schema.properties.tenant), ['displayName', 'id']);
    assert.deepEqual(keys(group), ['applications', 'connectors', 'failover', 'id', 'isDefault', 'name', 'region']);
    assert.deepEqual(keys(group.properties.failover), ['to']);
    assert.deepEqual(keys(group.properties.connectors.items), ['id', 'machineName']);
    assert.deepEqual(keys(group.properties.applications.items), ['displayName', 'id']);
    for (const node of [schema, schema.properties.tenant, group, group.properties.connectors.items, group.properties.applications.items, group.properties.failover]) {
      assert.equal(node.additionalProperties, false);
    }
    // Each key the schema allows is read without a problem, and one it does not is refused.
    const text = JSON.stringify({ $schema: 'x', tenant: { id: guid('t'), displayName: 'T' }, prune: true, connectorGroups: [{ id: guid('g'), name: 'G', region: 'eur', isDefault: false, connectors: [{ id: guid('c'), machineName: 'C' }], applications: [{ id: guid('a'), displayName: 'A' }], failover: { to: guid('dr') } }] });
    assert.ok(readLayout(text).ok);
    assert.equal(readLayout(text.replace('"isDefault"', '"default"')).ok, false);
  });

  it('lists the regions the rules accept', () => {
    assert.deepEqual(schema.definitions.group.properties.region.anyOf[0].enum, [...REGIONS]);
  });
});
