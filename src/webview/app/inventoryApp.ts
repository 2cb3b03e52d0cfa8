// The application inventory in the webview: a sortable, filterable table of every published application.
// A native table (not one custom element per cell) keeps thousands of rows light and gives screen
// readers its rows, headers and sort order; the controls are the VS Code elements the region form uses.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import { kindWords } from '../../health/applicationKind';
import type { Inventory, InventoryRow } from '../../inventory/inventory';
import type { FromWebview, ToWebview } from '../../inventory/inventoryMessages';
import { l10n } from '../../shared/l10n';
import { healthWords } from '../../tree/groupHealth';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): SavedState | undefined;
  setState(state: SavedState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

type ColumnId = 'name' | 'kind' | 'group' | 'externalUrl' | 'internalUrl' | 'preAuthentication' | 'backendValidation' | 'certificate' | 'thumbprint' | 'expiry' | 'findings';

interface SavedState {
  filter: string;
  onlyFindings: boolean;
  sort: ColumnId;
  descending: boolean;
}

/** More rows than this are not drawn at once: the filter narrows them. */
const MAX_DRAWN = 500;

const vscode = acquireVsCodeApi();
let state: SavedState = { filter: '', onlyFindings: false, sort: 'name', descending: false, ...vscode.getState() };
let inventory: Inventory | undefined;
let warningDays = 30;

function el(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  // Text only: nothing from Graph is ever parsed as HTML.
  node.append(...children);
  return node;
}

const SEVERITY_RANK = { error: 0, warning: 1, information: 2, hint: 3 } as const;

function preAuthWords(value: string | undefined): string {
  if (value === 'aadPreAuthentication') return l10n.t('Microsoft Entra ID');
  if (value === 'passthru') return l10n.t('Passthrough');
  return value ?? '';
}

function validationWords(value: boolean | undefined): string {
  return value === undefined ? '' : value ? l10n.t('on') : l10n.t('off');
}

function expiryWords(row: InventoryRow): string {
  const certificate = row.certificate;
  if (!certificate) return '';
  const day = certificate.expiryDate.slice(0, 10);
  // Worded as the certificate rules word them.
  if (certificate.daysLeft < 0) return l10n.t('{0} (expired)', day);
  if (certificate.daysLeft === 0) return l10n.t('{0} (today)', day);
  if (certificate.daysLeft === 1) return l10n.t('{0} (tomorrow)', day);
  return l10n.t('{0} ({1} days)', day, certificate.daysLeft);
}

const worst = (row: InventoryRow) => Math.min(4, ...row.findings.map((f) => SEVERITY_RANK[f.severity]));

interface Column {
  id: ColumnId;
  title: () => string;
  text: (row: InventoryRow) => string;
  /** What the column sorts by, when not its text. */
  key?: (row: InventoryRow) => number | string;
}

// What matters most first (the findings and the expiry), the settings after them.
const COLUMNS: Column[] = [
  { id: 'name', title: () => l10n.t('Application'), text: (r) => r.name },
  { id: 'kind', title: () => l10n.t('Kind'), text: (r) => kindWords(r.kind) },
  { id: 'group', title: () => l10n.t('Connector group'), text: (r) => [r.group.name, healthWords(r.group.health)].filter(Boolean).join(' · ') },
  { id: 'findings', title: () => l10n.t('Findings'), text: (r) => r.findings.map((f) => f.message).join(' ') + (r.readProblem ? ` ${r.readProblem}` : ''), key: (r) => worst(r) * 100 - r.findings.length },
  { id: 'expiry', title: () => l10n.t('Expires'), text: expiryWords, key: (r) => r.certificate?.daysLeft ?? Number.MAX_SAFE_INTEGER },
  { id: 'certificate', title: () => l10n.t('Certificate'), text: (r) => r.certificate?.subject ?? '' },
  { id: 'thumbprint', title: () => l10n.t('Thumbprint'), text: (r) => r.certificate?.thumbprint ?? '' },
  { id: 'preAuthentication', title: () => l10n.t('Pre-authentication'), text: (r) => preAuthWords(r.preAuthentication) },
  { id: 'backendValidation', title: () => l10n.t('Back-end validation'), text: (r) => validationWords(r.backendValidation) },
  { id: 'externalUrl', title: () => l10n.t('External URL'), text: (r) => r.externalUrl ?? '' },
  { id: 'internalUrl', title: () => l10n.t('Internal URL'), text: (r) => r.internalUrl ?? '' },
];

function remember(): void {
  vscode.setState(state);
}

function visibleRows(): InventoryRow[] {
  if (!inventory) return [];
  const needle = state.filter.trim().toLowerCase();
  const column = COLUMNS.find((c) => c.id === state.sort) ?? COLUMNS[0];
  const key = column.key ?? ((row: InventoryRow) => column.text(row).toLowerCase());
  const rows = inventory.rows.filter((row) => (!state.onlyFindings || row.findings.length > 0 || row.readProblem)
    && (needle === '' || COLUMNS.some((c) => c.text(row).toLowerCase().includes(needle))));
  const direction = state.descending ? -1 : 1;
  return rows.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return direction * order || a.name.localeCompare(b.name);
  });
}

function findingsCell(row: InventoryRow): HTMLElement {
  const cell = el('td', { class: 'findings' });
  for (const finding of row.findings) {
    cell.append(el('div', { class: `finding ${finding.severity}` }, el('span', { class: 'severity' }, severityWord(finding.severity)), ' ', finding.message));
  }
  if (row.readProblem) cell.append(el('div', { class: 'finding warning' }, row.readProblem));
  return cell;
}

function severityWord(severity: keyof typeof SEVERITY_RANK): string {
  switch (severity) {
    case 'error': return l10n.t('Error:');
    case 'warning': return l10n.t('Warning:');
    case 'information': return l10n.t('Information:');
    case 'hint': return l10n.t('Hint:');
  }
}

function bodyRow(row: InventoryRow): HTMLElement {
  const cells = COLUMNS.map((column) => {
    if (column.id === 'findings') return findingsCell(row);
    if (column.id === 'group') {
      // The group's name opens it in the tree: a button, so the keyboard reaches it.
      const health = healthWords(row.group.health);
      const button = el('button', { class: 'link', type: 'button', 'data-group-id': row.group.id, title: l10n.t('Show in Connector Groups') }, row.group.name);
      return el('td', {}, button, ...(health ? [el('span', { class: `health ${row.group.health}` }, ` · ${health}`)] : []));
    }
    const text = column.text(row);
    const attrs: Record<string, string> = { class: column.id };
    if (column.id === 'expiry' && row.certificate) {
      if (row.certificate.daysLeft < 0) attrs.class += ' expired';
      else if (row.certificate.daysLeft < warningDays) attrs.class += ' expiring';
    }
    return el('td', attrs, text);
  });
  return el('tr', { 'data-id': row.id }, ...cells);
}

function header(): HTMLElement {
  return el('thead', {}, el('tr', {}, ...COLUMNS.map((column) => {
    const sorted = state.sort === column.id;
    const button = el('button', { type: 'button', class: 'sort', 'data-column': column.id }, column.title(), sorted ? (state.descending ? ' ↓' : ' ↑') : '');
    return el('th', { scope: 'col', 'aria-sort': sorted ? (state.descending ? 'descending' : 'ascending') : 'none' }, button);
  })));
}

function renderTable(): void {
  const rows = visibleRows();
  const total = inventory?.rows.length ?? 0;
  const drawn = rows.slice(0, MAX_DRAWN);
  const table = el('table', { id: 'inventory', 'aria-rowcount': String(rows.length + 1) },
    el('caption', { class: 'sr-only' }, l10n.t('Published applications of {0}', inventory?.tenant.displayName ?? '')),
    header(),
    el('tbody', {}, ...drawn.map(bodyRow)));
  const summary = rows.length > MAX_DRAWN
    ? l10n.t('Showing {0} of {1} matching applications ({2} in all): filter to narrow.', MAX_DRAWN, rows.length, total)
    : l10n.t('{0} of {1} applications.', rows.length, total);
  document.getElementById('summary')!.textContent = summary;
  document.getElementById('table')!.replaceChildren(table);
}

function render(): void {
  if (!inventory) return;
  const withFindings = inventory.rows.filter((r) => r.findings.length > 0).length;
  const unread = inventory.rows.filter((r) => r.readProblem !== undefined).length;
  const app = document.getElementById('app')!;
  const filter = el('vscode-textfield', { id: 'filter', placeholder: l10n.t('Filter by any column'), 'aria-label': l10n.t('Filter'), value: state.filter });
  const only = el('vscode-checkbox', { id: 'only-findings', label: l10n.t('Only applications with findings'), ...(state.onlyFindings ? { checked: '' } : {}) });
  app.replaceChildren(
    el('h1', {}, l10n.t('Applications of {0}', inventory.tenant.displayName)),
    el('p', { class: 'read-at' }, l10n.t('Read {0}; {1} with findings; certificates expiring within {2} days are marked.', new Date(inventory.readAt).toLocaleString(), withFindings, warningDays),
      ...(inventory.gone.length > 0 ? [' ', l10n.t('Deleted since the tree read them: {0}.', inventory.gone.map((g) => g.name).join(', '))] : [])),
    // Rows the fresh read missed show the tree's copy: said here, not only in their own cells.
    ...(unread > 0 ? [el('p', { class: 'error', role: 'alert' }, unread === 1
      ? l10n.t('1 of {0} applications could not be read again: it is shown as the tree read it, and its Findings cell says why. Refresh to try again.', inventory.rows.length)
      : l10n.t('{0} of {1} applications could not be read again: they are shown as the tree read them, and their Findings cells say why. Refresh to try again.', unread, inventory.rows.length))] : []),
    el('div', { class: 'toolbar' },
      filter, only,
      el('vscode-button', { id: 'refresh', secondary: '' }, l10n.t('Refresh')),
      el('vscode-button', { id: 'export-csv', secondary: '' }, l10n.t('Export CSV')),
      el('vscode-button', { id: 'export-json', secondary: '' }, l10n.t('Export JSON'))),
    el('p', { id: 'summary', role: 'status' }),
    el('div', { id: 'table', class: 'table' }),
  );
  filter.addEventListener('input', () => {
    state = { ...state, filter: (filter as HTMLElement & { value: string }).value };
    remember();
    renderTable();
  });
  only.addEventListener('change', () => {
    state = { ...state, onlyFindings: (only as HTMLElement & { checked: boolean }).checked };
    remember();
    renderTable();
  });
  document.getElementById('refresh')!.addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));
  document.getElementById('export-csv')!.addEventListener('click', () => vscode.postMessage({ type: 'export', format: 'csv' }));
  document.getElementById('export-json')!.addEventListener('click', () => vscode.postMessage({ type: 'export', format: 'json' }));
  renderTable();
}

// One listener for the table's buttons, which are drawn again on every sort and filter.
document.addEventListener('click', (event) => {
  const target = (event.target as HTMLElement).closest('button');
  if (!target) return;
  const column = target.dataset.column as ColumnId | undefined;
  if (column) {
    state = { ...state, sort: column, descending: state.sort === column ? !state.descending : false };
    remember();
    renderTable();
    document.querySelector<HTMLElement>(`button[data-column="${column}"]`)?.focus({ preventScroll: true });
    return;
  }
  const groupId = target.dataset.groupId;
  if (groupId) vscode.postMessage({ type: 'showGroup', groupId });
});

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  switch (message.type) {
    case 'reading':
      if (!inventory) document.getElementById('app')!.replaceChildren(el('p', {}, l10n.t('Reading the publishing settings…')));
      else document.getElementById('summary')!.textContent = l10n.t('Reading the publishing settings…');
      break;
    case 'inventory':
      l10n.useBundle(message.bundle);
      inventory = message.inventory;
      warningDays = message.certificateWarningDays;
      render();
      break;
    case 'failed':
      // A failed refresh keeps the table it had: the message goes above it.
      if (!inventory) {
        const retry = el('vscode-button', { id: 'retry' }, l10n.t('Try Again'));
        retry.addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));
        document.getElementById('app')!.replaceChildren(el('p', { class: 'error', role: 'alert' }, message.message), retry);
      } else document.getElementById('summary')!.replaceChildren(el('span', { class: 'error', role: 'alert' }, message.message));
      break;
  }
});

vscode.postMessage({ type: 'ready' });
