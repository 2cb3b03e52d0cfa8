// What every webview message reader starts with: the message must be a plain object, and its
// fields are compared as one sorted list, so an extra field is refused as surely as a missing one.
import { l10n } from './l10n';

export type Parsed<T> = { ok: true; message: T } | { ok: false; error: string };

export type Fields = { ok: true; message: Record<string, unknown>; keys: string } | { ok: false; error: string };

export function messageFields(raw: unknown): Fields {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, error: l10n.t('The message is not an object.') };
  const message = raw as Record<string, unknown>;
  return { ok: true, message, keys: Object.keys(message).sort().join(',') };
}

export function unknownType(type: unknown): { ok: false; error: string } {
  return { ok: false, error: l10n.t("Unknown message type '{0}'.", String(type).slice(0, 40)) };
}
