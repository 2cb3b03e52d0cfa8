// Strings from Graph or a user shown as text and nothing else: never a link in a notification, never
// an icon in a picker, and never an invisible character that lets one name pose as another.

/**
 * Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), zero-width
 * characters (U+200B–U+200F, U+2060–U+2064, U+FEFF), the Arabic letter mark (U+061C), the soft
 * hyphen (U+00AD), the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0) and the tag characters
 * (U+E0000–U+E007F): each renders as nothing, so `De\u00ADfault` would read as "Default".
 */
const INVISIBLE = /[\u00AD\u061C\u115F\u1160\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u3164\uFEFF\uFFA0\u{E0000}-\u{E007F}]/gu;

export function hasInvisibleCharacters(text: string): boolean {
  INVISIBLE.lastIndex = 0;
  return INVISIBLE.test(text);
}

/** Each invisible or direction-changing character written out as its code point, e.g. `[U+202E]`. */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE, codePoint);
}

/** A character written as its code point: `[U+202E]`, `[U+E0041]`. */
function codePoint(char: string): string {
  return `[U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`;
}

/**
 * For a line of a text document (a plan, a report): line breaks and other control characters
 * written out too, so a name cannot start a line that looks like one of the document's own.
 */
export function lineText(text: string): string {
  return visibleText(text).replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]/g, codePoint);
}

/**
 * For notifications and dialogs: VS Code renders `[label](command:…)` there as a link that runs the
 * command on one click. A zero-width space between `]` and `(` keeps every character as it was
 * written, and the link syntax is gone.
 */
export function notificationText(text: string): string {
  return visibleText(text).replace(/\]\s*\(/g, (match) => `${match.slice(0, -1)}\u200B(`);
}

/** For QuickPick labels, descriptions and titles: `$(name)` would render as an icon; `\$(` shows it as typed. */
export function pickerText(text: string): string {
  return visibleText(text).replace(/\$\(/g, '\\$(');
}
