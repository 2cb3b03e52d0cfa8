// Names in a sentence: "Wiki", "Wiki and SAP Fiori", "A, B and C", at most five then a count.
import { l10n } from './l10n';

const SHOWN = 5;

export function nameList(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length > SHOWN) return l10n.t('{0} and {1} more', names.slice(0, SHOWN).join(', '), names.length - SHOWN);
  return l10n.t('{0} and {1}', names.slice(0, -1).join(', '), names[names.length - 1]);
}
