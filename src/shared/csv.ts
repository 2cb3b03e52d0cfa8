// CSV as spreadsheets read it (RFC 4180: commas, quotes doubled, CRLF). A text cell that a
// spreadsheet would run as a formula (= + - @, a tab or a return first) starts with ' to stay text.

export type CsvCell = string | number | boolean | undefined;

function cell(value: CsvCell): string {
  if (value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvText(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((line) => line.map(cell).join(',')).join('\r\n') + '\r\n';
}
