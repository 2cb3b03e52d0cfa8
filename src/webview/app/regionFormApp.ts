// The region form in the webview: renders the group, validates as the user types (with the same rules
// the extension applies again), and keeps a draft across hide/show with getState/setState.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-form-helper/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import {
  regionLockReason, validateRegionForm,
  type FromWebview, type RegionFormGroup, type ToWebview,
} from '../../shared/regionFormMessages';
import { MAX_GROUP_NAME_LENGTH } from '../../shared/validation';
import { regionLabel } from '../../shared/regions';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): SavedState | undefined;
  setState(state: SavedState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface SavedState {
  tenantKey: string;
  groupId: string;
  draft?: { name: string; region: string };
}

type Field = HTMLElement & { value: string; invalid: boolean; disabled: boolean };

const vscode = acquireVsCodeApi();
const { tenantKey = '', groupId = '' } = document.body.dataset;
const saved = vscode.getState();
let draft = saved?.groupId === groupId ? saved.draft : undefined;
let group: RegionFormGroup | undefined;
/** What the user has entered; kept here rather than read back from the elements, which update asynchronously. */
let entered = { name: '', region: '' };
let regions: { value: string; label: string }[] = [];

function el(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  // Text only: nothing from Graph is ever parsed as HTML.
  node.append(...children);
  return node;
}

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function remember(): void {
  vscode.setState({ tenantKey, groupId, draft });
}

function render(): void {
  if (!group) return;
  const current = group.region ?? '';
  const options = [...regions];
  if (!options.some((o) => o.value === current)) {
    options.unshift({ value: current, label: current ? `${current} (as reported by Graph)` : '(no region)' });
  }
  const lock = regionLockReason(group);
  const select = el('vscode-single-select', { id: 'region', 'aria-describedby': 'region-help', ...(lock ? { disabled: '' } : {}) },
    ...options.map((o) => el('vscode-option', { value: o.value, description: o.value }, o.label)));
  const app = byId('app');
  app.replaceChildren(
    el('h1', {}, `Region of ${group.name}`),
    el('dl', { class: 'facts' },
      el('dt', {}, 'ID'), el('dd', { id: 'fact-id' }, group.id),
      el('dt', {}, 'Default group'), el('dd', { id: 'fact-default' }, group.isDefault ? 'yes' : 'no'),
      el('dt', {}, 'Current region'), el('dd', { id: 'fact-region' }, group.region ? `${regionLabel(group.region)} (${group.region})` : 'none'),
      el('dt', {}, 'Assigned'), el('dd', { id: 'fact-assigned' }, `${group.connectors} connector(s), ${group.applications} application(s)`),
    ),
    el('form', { id: 'form', novalidate: '' },
      el('div', { class: 'field' },
        el('vscode-label', { for: 'name', required: '' }, 'Name'),
        el('vscode-textfield', { id: 'name', maxlength: String(MAX_GROUP_NAME_LENGTH + 1), 'aria-describedby': 'name-help' }),
        el('vscode-form-helper', { id: 'name-help' }, `Required; at most ${MAX_GROUP_NAME_LENGTH} characters.`),
      ),
      el('div', { class: 'field' },
        el('vscode-label', { for: 'region' }, 'Region'),
        select,
        el('vscode-form-helper', { id: 'region-help', class: lock ? 'locked' : '' },
          lock ?? 'Connectors in a region-optimised group serve traffic through that region.'),
      ),
      el('div', { class: 'actions' },
        el('vscode-button', { id: 'save', type: 'submit' }, 'Save'),
        el('vscode-button', { id: 'cancel', secondary: '' }, 'Cancel'),
      ),
      el('div', { id: 'status', role: 'status', 'aria-live': 'polite' }),
    ),
  );
  entered = { name: draft?.name ?? group.name, region: draft?.region ?? current };
  const name = byId<Field>('name');
  name.value = entered.name;
  byId<Field>('region').value = entered.region;
  name.addEventListener('input', () => onEdit({ name: name.value }));
  byId('region').addEventListener('change', () => onEdit({ region: byId<Field>('region').value }));
  byId('form').addEventListener('submit', (event) => { event.preventDefault(); save(); });
  name.addEventListener('keydown', (event) => { if ((event as KeyboardEvent).key === 'Enter') save(); });
  byId('save').addEventListener('click', save);
  byId('cancel').addEventListener('click', () => vscode.postMessage({ type: 'cancel' }));
  validate();
}

/** Shows the errors of the current values; returns true when there are none. */
function validate(): boolean {
  if (!group) return false;
  const errors = validateRegionForm(group, entered.name, entered.region);
  const name = byId<Field>('name');
  name.invalid = Boolean(errors.name);
  byId('name-help').textContent = errors.name ?? `Required; at most ${MAX_GROUP_NAME_LENGTH} characters.`;
  byId('name-help').classList.toggle('error', Boolean(errors.name));
  const lock = regionLockReason(group);
  byId<Field>('region').invalid = Boolean(errors.region);
  byId('region-help').textContent = errors.region ?? lock ?? 'Connectors in a region-optimised group serve traffic through that region.';
  byId('region-help').classList.toggle('error', Boolean(errors.region));
  return !errors.name && !errors.region;
}

function onEdit(change: Partial<typeof entered>): void {
  entered = { ...entered, ...change };
  draft = entered;
  remember();
  status('');
  validate();
}

function status(text: string, kind: 'info' | 'error' | 'success' = 'info'): void {
  const node = byId('status');
  node.textContent = text;
  node.className = kind;
  node.setAttribute('role', kind === 'error' ? 'alert' : 'status');
}

function busy(on: boolean): void {
  for (const id of ['save', 'cancel']) byId<Field>(id).disabled = on;
}

function save(): void {
  if (!group) return;
  if (!validate()) {
    (byId<Field>('name').invalid ? byId('name') : byId('region')).focus();
    status('Fix the highlighted field first.', 'error');
    return;
  }
  vscode.postMessage({ type: 'save', groupId: group.id, ...entered });
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  switch (message.type) {
    case 'init':
      group = message.group;
      regions = message.regions;
      render();
      byId('name').focus();
      break;
    case 'saving':
      busy(true);
      status('Saving…');
      break;
    case 'saved':
      group = message.group;
      draft = undefined;
      remember();
      render();
      status('Saved.', 'success');
      break;
    case 'failed':
      busy(false);
      status(message.message, 'error');
      if (message.field) {
        byId<Field>(message.field).invalid = true;
        byId(`${message.field}-help`).textContent = message.message;
        byId(`${message.field}-help`).classList.add('error');
      }
      break;
  }
});

remember();
vscode.postMessage({ type: 'ready' });
