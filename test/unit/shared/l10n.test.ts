import * as assert from 'node:assert/strict';
import { format, l10n } from '../../../src/shared/l10n';
import { regionLockReason } from '../../../src/shared/regionFormMessages';
import { validateGroupName } from '../../../src/shared/validation';

describe('l10n of the shared rules', () => {
  afterEach(() => l10n.useBundle(undefined));

  it('fills placeholders by position and leaves unknown ones as they are', () => {
    assert.equal(format('{1} then {0}, {2}', ['a', 7]), '7 then a, {2}');
  });

  it('speaks English without a bundle', () => {
    const result = validateGroupName('');
    assert.equal(result.ok ? '' : result.message, 'A connector group needs a name.');
  });

  it('translates from a bundle keyed by the English template, placeholders included', () => {
    l10n.useBundle({
      'A connector group needs a name.': 'Eine Connectorgruppe braucht einen Namen.',
      'The region can only change while no connector and no application is assigned. This group has {0} and {1}: move them to another group first.':
        'Die Region ändert sich nur ohne Connectors und Anwendungen: {0}, {1}.',
      '{0} connectors': '{0} Connectors',
      '1 application': '1 Anwendung',
    });
    const result = validateGroupName('  ');
    assert.equal(result.ok ? '' : result.message, 'Eine Connectorgruppe braucht einen Namen.');
    const group = { id: 'x', name: 'G', isDefault: false, region: 'eur', connectors: 3, applications: 1 };
    assert.equal(regionLockReason(group), 'Die Region ändert sich nur ohne Connectors und Anwendungen: 3 Connectors, 1 Anwendung.');
  });

  it('falls back to English for a template the bundle lacks', () => {
    l10n.useBundle({ 'Something else': 'Etwas anderes' });
    const result = validateGroupName('<b>');
    assert.equal(result.ok ? '' : result.message, 'The name cannot contain < or >.');
  });
});
