// The timeline panel's messages, both ways; what the webview sends is checked whole before use.
import { l10n } from '../shared/l10n';
import { messageFields, unknownType, type Parsed } from '../shared/webviewMessage';
import type { Outage, TimelineSeries, timelineRows } from './groupTimeline';

export type TimelineRow = ReturnType<typeof timelineRows>[number];

export interface TimelineView {
  title: string;
  series: TimelineSeries;
  outages: Outage[];
  /** The latest changes, at most MAX_TABLE_ROWS (the CSV has every one). */
  rows: TimelineRow[];
  /** How many changes the record has in all. */
  totalRows: number;
  /** Each group's applications now: who is at risk when its count falls to one or none. */
  applications: Record<string, string[]>;
}

/** A table of thousands of rows helps nobody and slows the panel: the latest are drawn. */
export const MAX_TABLE_ROWS = 1000;

export type ToWebview =
  | { type: 'timeline'; view: TimelineView; bundle?: Record<string, string> }
  | { type: 'empty'; message: string; bundle?: Record<string, string> };

export type FromWebview = { type: 'ready' } | { type: 'exportCsv' };

export function parseTimelineMessage(raw: unknown): Parsed<FromWebview> {
  const fields = messageFields(raw);
  if (!fields.ok) return fields;
  const { message, keys } = fields;
  if (message.type !== 'ready' && message.type !== 'exportCsv') return unknownType(message.type);
  if (keys !== 'type') return { ok: false, error: l10n.t("Unexpected fields in a '{0}' message.", message.type) };
  return { ok: true, message: { type: message.type } };
}
