// One set of input rules for the extension and the webview: names, regions and ids.
import { l10n } from './l10n';
import { hasInvisibleCharacters } from './plainText';
import { REGIONS, isRegion, type Region } from './regions';

export const MAX_GROUP_NAME_LENGTH = 256;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type Validation<T> = { ok: true; value: T } | { ok: false; message: string };

export function isGuid(value: unknown): value is string {
  return typeof value === 'string' && GUID.test(value);
}

/** A group name: required, trimmed, at most 256 characters (the sandbox's bound; Graph documents none). */
export function validateGroupName(raw: unknown): Validation<string> {
  if (typeof raw !== 'string') return { ok: false, message: l10n.t('The name must be text.') };
  const value = raw.trim();
  if (value === '') return { ok: false, message: l10n.t('A connector group needs a name.') };
  if (value.length > MAX_GROUP_NAME_LENGTH) {
    return { ok: false, message: l10n.t('The name is {0} characters long; at most {1} are allowed.', value.length, MAX_GROUP_NAME_LENGTH) };
  }
  if (/[\u0000-\u001f\u007f]/.test(value)) return { ok: false, message: l10n.t('The name cannot contain control characters.') };
  // Invisible and direction-changing characters let one name pose as another ("Default").
  if (hasInvisibleCharacters(value)) return { ok: false, message: l10n.t('The name cannot contain invisible or text-direction characters.') };
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value)) {
    return { ok: false, message: l10n.t('The name contains a broken character (a lone surrogate).') };
  }
  // Markup in a name is never meant, and shows up raw wherever names are listed.
  if (/[<>]/.test(value)) return { ok: false, message: l10n.t('The name cannot contain < or >.') };
  return { ok: true, value };
}

export function validateRegion(raw: unknown): Validation<Region> {
  return isRegion(raw)
    ? { ok: true, value: raw }
    : { ok: false, message: l10n.t('Choose a region from the list ({0}).', REGIONS.join(', ')) };
}
