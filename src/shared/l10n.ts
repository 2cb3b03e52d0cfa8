// Text for the code that runs outside the extension host too (the webview, unit tests): English
// templates with {0} placeholders, written as `l10n.t(...)` like vscode.l10n so one export of the
// strings finds them all. The extension routes them to vscode.l10n; the webview looks them up in
// the bundle the extension sends it; elsewhere they stay English.
export type Translate = (template: string, ...args: (string | number)[]) => string;

export function format(template: string, args: readonly (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (match, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : match));
}

let translate: Translate = (template, ...args) => format(template, args);

export const l10n = {
  t(template: string, ...args: (string | number)[]): string {
    return translate(template, ...args);
  },
  /** Routes every template to another translator (vscode.l10n.t in the extension). */
  use(next: Translate): void {
    translate = next;
  },
  /** Translates from a bundle of `{ english: translated }`, as vscode.l10n.bundle holds it. */
  useBundle(bundle: Readonly<Record<string, string>> | undefined): void {
    translate = (template, ...args) => format(bundle?.[template] ?? template, args);
  },
};
