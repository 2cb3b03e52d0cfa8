import * as assert from 'node:assert/strict';
import { notificationText, pickerText, visibleText } from '../../../src/shared/plainText';
import { validateGroupName } from '../../../src/shared/validation';

// VS Code's own pattern for links in notifications (src/vs/base/common/linkedText.ts).
const VSCODE_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;

describe('plain text: names from Graph never become links, icons or look-alikes', () => {
  const attack = '[Show Log](command:workbench.action.openSettings?%22x%22)';

  it('keeps a markdown command link in a notification from being a link, every character still shown', () => {
    const shown = notificationText(`Connector FRA-01 cannot be moved into '${attack}'.`);
    assert.equal(shown.match(VSCODE_LINK), null);
    assert.equal(shown.replace(/\u200B/g, ''), `Connector FRA-01 cannot be moved into '${attack}'.`);
    assert.equal(notificationText('[a](https://evil.example/x) and [b] (command:x)').match(VSCODE_LINK), null);
  });

  it('keeps $(icon) in a picker label as typed', () => {
    assert.equal(pickerText('$(alert) Default'), '\\$(alert) Default');
  });

  it('writes out bidirectional overrides and zero-width characters, so no group can pose as "Default"', () => {
    assert.equal(visibleText('Def\u200Bault'), 'Def[U+200B]ault');
    assert.equal(visibleText('\u202Etluafed'), '[U+202E]tluafed');
    assert.equal(visibleText('\u2066x\u2069\uFEFF'), '[U+2066]x[U+2069][U+FEFF]');
    assert.equal(visibleText('Tokyo (legacy)'), 'Tokyo (legacy)');
  });

  it('writes out the soft hyphen, Hangul fillers and tag characters, which render as nothing', () => {
    assert.equal(visibleText('De\u00ADfault'), 'De[U+00AD]fault');
    assert.equal(visibleText('\u115F\u1160x\u3164\uFFA0'), '[U+115F][U+1160]x[U+3164][U+FFA0]');
    // Tag characters lie outside the Basic Multilingual Plane: one code point, two UTF-16 units.
    assert.equal(visibleText('Default\u{E0041}\u{E007F}'), 'Default[U+E0041][U+E007F]');
    assert.equal(visibleText('\u{1F600} kept'), '\u{1F600} kept', 'a visible character outside the BMP stays');
    for (const name of ['De\u00ADfault', 'a\u115Fb', 'a\u1160b', 'a\u3164b', 'a\uFFA0b', 'Default\u{E0001}', 'x\u{E007F}']) {
      assert.equal(validateGroupName(name).ok, false, JSON.stringify(name));
    }
  });

  it('refuses such characters and lone surrogates in a name the user types', () => {
    for (const name of ['Def\u200Bault', '\u202Etluafed', 'a\u2067b', 'x\uFEFFy', 'broken \uD800 name']) {
      const result = validateGroupName(name);
      assert.equal(result.ok, false, JSON.stringify(name));
    }
    assert.equal(validateGroupName(attack).ok, true, 'brackets and parentheses are fine in a name: it is shown as text');
  });
});
