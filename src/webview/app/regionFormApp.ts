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
import { applicationCount, connectorCount } from '../../shared/counts';
import { l10n } from '../../shared/l10n';
import { MAX_GROUP_NAME_LENGTH } from '../../shared/validation';
import { regionFact, undocumentedRegion } from '../../shared/regions';
import { visibleText } from '../../shared/plainText';

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

const nameHint = () => l10n.t('Required; at most {0} characters.', MAX_GROUP_NAME_LENGTH);
const regionHint = () => l10n.t('Connectors in a region-optimised group serve traffic through that region.');

function render(): void {
  if (!group) return;
  const current = group.region ?? '';
  const options = [...regions];
  if (!options.some((o) => o.value === current)) {
    options.unshift({ value: current, label: current ? undocumentedRegion(current) : l10n.t('(no region)') });
  }
  const lock = regionLockReason(group);
  const select = el('vscode-single-select', { id: 'region', 'aria-describedby': 'region-help', ...(lock ? { disabled: '' } : {}) },
    ...options.map((o) => el('vscode-option', { value: o.value, description: o.value }, o.label)));
  const app = byId('app');
  app.replaceChildren(
    el('h1', {}, l10n.t('Region of {0}', visibleText(group.name))),
    el('dl', { class: 'facts' },
      el('dt', {}, l10n.t('ID')), el('dd', { id: 'fact-id' }, group.id),
      el('dt', {}, l10n.t('Default group')), el('dd', { id: 'fact-default' }, group.isDefault ? l10n.t('yes') : l10n.t('no')),
      el('dt', {}, l10n.t('Current region')), el('dd', { id: 'fact-region' }, regionFact(group.region)),
      el('dt', {}, l10n.t('Assigned')), el('dd', { id: 'fact-assigned' }, l10n.t('{0}, {1}', connectorCount(group.connectors), applicationCount(group.applications))),
      ...(group.unreachable ? [el('dt', {}, l10n.t('Reachability')), el('dd', { id: 'fact-unreachable', class: 'warning' }, group.unreachable)] : []),
    ),
    el('form', { id: 'form', novalidate: '' },
      el('div', { class: 'field' },
        el('vscode-label', { for: 'name', required: '' }, l10n.t('Name')),
        el('vscode-textfield', { id: 'name', maxlength: String(MAX_GROUP_NAME_LENGTH + 1), 'aria-describedby': 'name-help' }),
        el('vscode-form-helper', { id: 'name-help' }),
      ),
      el('div', { class: 'field' },
        el('vscode-label', { for: 'region' }, l10n.t('Region')),
        select,
        el('vscode-form-helper', { id: 'region-help', class: lock ? 'locked' : '' }),
      ),
      el('div', { class: 'actions' },
        el('vscode-button', { id: 'save', type: 'submit' }, l10n.t('Save')),
        el('vscode-button', { id: 'cancel', secondary: '' }, l10n.t('Cancel')),
      ),
    ),
    // The same live region across renders: one made anew with its text is not announced.
    statusRegion(),
  );
  entered = { name: draft?.name ?? group.name, region: draft?.region ?? current };
  // validate() below writes the helper texts under both fields.
  const name = byId<Field>('name');
  name.value = entered.name;
  byId<Field>('region').value = entered.region;
  name.addEventListener('input', () => onEdit({ name: name.value }));
  byId('region').addEventListener('change', () => onEdit({ region: byId<Field>('region').value }));
  // Save is a submit button, and Enter in the name submits too: the form's submit event covers both.
  byId('form').addEventListener('submit', (event) => { event.preventDefault(); save(); });
  byId('cancel').addEventListener('click', () => vscode.postMessage({ type: 'cancel' }));
  validate();
}

/** Shows the errors of the current values; returns true when there are none. */
function validate(): boolean {
  if (!group) return false;
  const errors = validateRegionForm(group, entered.name, entered.region);
  const name = byId<Field>('name');
  name.invalid = Boolean(errors.name);
  byId('name-help').textContent = errors.name ?? nameHint();
  byId('name-help').classList.toggle('error', Boolean(errors.name));
  const lock = regionLockReason(group);
  byId<Field>('region').invalid = Boolean(errors.region);
  byId('region-help').textContent = errors.region ?? lock ?? regionHint();
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

let statusNode: HTMLElement | undefined;

function statusRegion(): HTMLElement {
  statusNode ??= el('div', { id: 'status', role: 'status', 'aria-live': 'polite' });
  return statusNode;
}

function status(text: string, kind: 'info' | 'error' | 'success' = 'info'): void {
  const node = statusRegion();
  node.textContent = text;
  node.className = kind;
  node.setAttribute('role', kind === 'error' ? 'alert' : 'status');
}

/** The elements render their inner input asynchronously; focus delegates to it only once it is there. */
function focusWhenRendered(element: HTMLElement, selectText = false): void {
  const field = element as HTMLElement & { updateComplete?: Promise<unknown>; wrappedElement?: HTMLInputElement };
  void field.updateComplete?.then(() => {
    element.focus();
    if (selectText) field.wrappedElement?.select?.();
  });
}

function busy(on: boolean): void {
  for (const id of ['save', 'cancel']) byId<Field>(id).disabled = on;
}

function save(): void {
  if (!group) return;
  if (!validate()) {
    (byId<Field>('name').invalid ? byId('name') : byId('region')).focus();
    status(l10n.t('Fix the highlighted field first.'), 'error');
    return;
  }
  focusedAtSave = document.activeElement?.id || undefined;
  vscode.postMessage({ type: 'save', groupId: group.id, ...entered });
}

let focusedAtSave: string | undefined;

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  switch (message.type) {
    case 'init':
      l10n.useBundle(message.bundle);
      group = message.group;
      regions = message.regions;
      render();
      focusWhenRendered(byId('name'));
      break;
    case 'saving':
      busy(true);
      status(l10n.t('Saving…'));
      break;
    case 'saved': {
      // The form is drawn again with the saved values; the focus goes back to the control that had
      // it when the person saved (Save is disabled meanwhile, which takes the focus away).
      const focused = focusedAtSave;
      group = message.group;
      draft = undefined;
      remember();
      render();
      if (focused) focusWhenRendered(byId(focused));
      status(l10n.t('Saved.'), 'success');
      break;
    }
    case 'unchanged':
      status(l10n.t('Nothing to save: the name and region are as they were.'));
      break;
    case 'failed':
      busy(false);
      if (message.field) {
        // Said once, under the field, which gets the focus (with its text selected, to type anew):
        // the reader speaks the field's description as it lands there.
        status('');
        const field = byId<Field>(message.field);
        field.invalid = true;
        byId(`${message.field}-help`).textContent = message.message;
        byId(`${message.field}-help`).classList.add('error');
        focusWhenRendered(field, true);
      } else {
        status(message.message, 'error');
      }
      break;
  }
});

remember();
vscode.postMessage({ type: 'ready' });
