// The inventory panel's messages, both ways. What the webview sends is untrusted: each message is
// checked whole (type, fields, values) before the extension acts on it.
import { l10n } from '../shared/l10n';
import { messageFields, unknownType, type Parsed } from '../shared/webviewMessage';
import { isGuid } from '../shared/validation';
import type { Inventory } from './inventory';

export type ToWebview =
  | { type: 'reading' }
  /** bundle: vscode.l10n.bundle, the translations of the panel's texts (none for English). */
  | { type: 'inventory'; inventory: Inventory; certificateWarningDays: number; bundle?: Record<string, string> }
  | { type: 'failed'; message: string };

export type ExportFormat = 'csv' | 'json';

export type FromWebview =
  | { type: 'ready' }
  | { type: 'refresh' }
  | { type: 'export'; format: ExportFormat }
  | { type: 'showGroup'; groupId: string };

export function parseInventoryMessage(raw: unknown): Parsed<FromWebview> {
  const fields = messageFields(raw);
  if (!fields.ok) return fields;
  const { message, keys } = fields;
  switch (message.type) {
    case 'ready':
    case 'refresh':
      return keys === 'type' ? { ok: true, message: { type: message.type } } : { ok: false, error: l10n.t("Unexpected fields in a '{0}' message.", message.type) };
    case 'export':
      if (keys !== 'format,type' || (message.format !== 'csv' && message.format !== 'json')) return { ok: false, error: l10n.t("An 'export' message has exactly a format, csv or json.") };
      return { ok: true, message: { type: 'export', format: message.format } };
    case 'showGroup':
      if (keys !== 'groupId,type' || !isGuid(message.groupId)) return { ok: false, error: l10n.t("A 'showGroup' message has exactly a valid group id.") };
      return { ok: true, message: { type: 'showGroup', groupId: message.groupId } };
    default:
      return unknownType(message.type);
  }
}
