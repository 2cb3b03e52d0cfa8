// Building OData query strings and paths safely: literals escaped, ids checked before they enter a URL.
import { isGuid } from '../shared/validation';
import { GraphInputError } from './errors';

/** An OData string literal: quotes doubled, as OData requires. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Returns the id if it is a GUID; anything else never reaches a URL. */
export function requireId(id: string, what: string): string {
  if (!isGuid(id)) throw new GraphInputError(`'${String(id).slice(0, 80)}' is not a valid ${what} id.`);
  return id;
}

export function query(options: Record<string, string | number | boolean | undefined>): string {
  const parts = Object.entries(options)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(wellFormed(String(value)))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** A lone surrogate (which encodeURIComponent refuses) becomes U+FFFD, as TextEncoder would write it. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
