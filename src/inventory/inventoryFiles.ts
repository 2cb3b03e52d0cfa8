// The inventory as files: CSV for a spreadsheet (one row per application) and JSON with every field.
import { kindWords } from '../health/applicationKind';
import { csvText, type CsvCell } from '../shared/csv';
import type { Inventory, InventoryRow } from './inventory';

const COLUMNS: [header: string, cell: (row: InventoryRow) => CsvCell][] = [
  ['Application', (r) => r.name],
  ['Application ID', (r) => r.appId],
  ['Object ID', (r) => r.id],
  ['Kind', (r) => kindWords(r.kind)],
  ['Connector group', (r) => r.group.name],
  ['Group health', (r) => r.group.health],
  ['External URL', (r) => r.externalUrl],
  ['Internal URL', (r) => r.internalUrl],
  ['Pre-authentication', (r) => r.preAuthentication],
  ['Back-end certificate validation', (r) => r.backendValidation],
  ['Certificate subject', (r) => r.certificate?.subject],
  ['Certificate thumbprint', (r) => r.certificate?.thumbprint],
  ['Certificate issuer', (r) => r.certificate?.issuer],
  ['Certificate expiry', (r) => r.certificate?.expiryDate],
  ['Days left', (r) => r.certificate?.daysLeft],
  ['Findings', (r) => r.findings.map((f) => `${f.severity}: ${f.message}`).join('\n')],
  ['Read problem', (r) => r.readProblem],
];

export function inventoryCsv(inventory: Inventory): string {
  return csvText(COLUMNS.map(([header]) => header), inventory.rows.map((row) => COLUMNS.map(([, read]) => read(row))));
}

export function inventoryJson(inventory: Inventory): string {
  return JSON.stringify(inventory, null, 2);
}
