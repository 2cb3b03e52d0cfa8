// Counts in words: "1 connector", "3 connectors". Each form is its own template, as vscode.l10n has
// no plural rules, so translators see whole phrases.
import { l10n } from './l10n';

export function connectorCount(n: number): string {
  return n === 1 ? l10n.t('1 connector') : l10n.t('{0} connectors', n);
}

export function applicationCount(n: number): string {
  return n === 1 ? l10n.t('1 application') : l10n.t('{0} applications', n);
}

/** The short form a narrow side bar has room for. */
export function appCount(n: number): string {
  return n === 1 ? l10n.t('1 app') : l10n.t('{0} apps', n);
}

export function stepCount(n: number): string {
  return n === 1 ? l10n.t('1 step') : l10n.t('{0} steps', n);
}
