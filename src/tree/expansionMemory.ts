// Which rows a person opened or closed, kept per workspace: after a reload the tenants,
// groups and folders come back as they were left, even when they arrive seconds after the view.
import type * as vscode from 'vscode';
import type { KeyValueStore } from '../tenants/savedTenants';

const STORE_KEY = 'connectorGroups.expansion';
/** Enough for every row a person opens by hand; the oldest are forgotten first. */
const MAX_REMEMBERED = 2000;

export class ExpansionMemory {
  /** Row id → expanded; in the order last changed. */
  private readonly rows: Map<string, boolean>;

  constructor(private readonly store: KeyValueStore) {
    const raw = store.get<unknown>(STORE_KEY);
    const entries = Array.isArray(raw) ? raw.filter(isEntry) : [];
    this.rows = new Map(entries.slice(-MAX_REMEMBERED));
  }

  /** The state to show a collapsible row in: as it was left, or `byDefault` for a row never touched. */
  state(id: string, byDefault: vscode.TreeItemCollapsibleState): vscode.TreeItemCollapsibleState {
    const expanded = this.rows.get(id);
    // The values of vscode.TreeItemCollapsibleState, which this file cannot import at run time in tests.
    return expanded === undefined ? byDefault : expanded ? 2 : 1;
  }

  set(id: string, expanded: boolean): void {
    // Told again and again as the tree redraws: only a change is written.
    if (this.rows.get(id) === expanded) return;
    this.rows.delete(id);
    this.rows.set(id, expanded);
    while (this.rows.size > MAX_REMEMBERED) this.rows.delete(this.rows.keys().next().value!);
    void this.store.update(STORE_KEY, [...this.rows]);
  }
}

function isEntry(value: unknown): value is [string, boolean] {
  return Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && value[0].length <= 1000 && typeof value[1] === 'boolean';
}
