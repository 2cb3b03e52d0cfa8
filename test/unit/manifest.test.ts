// The manifest as the palette and the view's menus show it: every command tells itself apart there.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const words: Record<string, string> = JSON.parse(readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8'));
const said = (text: string) => text.replace(/^%(.+)%$/, (_, key: string) => words[key] ?? `missing ${key}`);

describe('manifest: what the palette and the menus show', () => {
  it('gives every command a title of its own in the palette', () => {
    const hidden = new Set((manifest.contributes.menus.commandPalette as { command: string; when?: string }[])
      .filter((m) => m.when === 'false').map((m) => m.command));
    const titles = (manifest.contributes.commands as { command: string; title: string; category?: string }[])
      .filter((c) => !hidden.has(c.command))
      .map((c) => `${c.category ? `${said(c.category)}: ` : ''}${said(c.title)}`);
    assert.ok(titles.length > 30, `the commands were read (${titles.length})`);
    assert.deepEqual(titles.filter((t, i) => titles.indexOf(t) !== i), []);
    assert.deepEqual(titles.filter((t) => t.includes('missing ')), []);
  });

  it("offers one way to add a tenant in the view's title menu", () => {
    const titleMenu = manifest.contributes.menus['view/title'] as { command: string }[];
    const adding = titleMenu.filter((m) => ['connectorGroups.addTenant', 'connectorGroups.signIn'].includes(m.command));
    assert.deepEqual(adding.map((m) => m.command), ['connectorGroups.addTenant']);
  });
});
