// Problems in open layout files, as the user types: the file's own (broken JSON, a wrong value),
// and, once the tenant it names is loaded, the ids that tenant does not have. The file is checked in
// the plan worker, one check per file at a time (a change meanwhile is checked once it ends), and a
// file too large to check is said to be so instead of being read.
import * as vscode from 'vscode';
import { isApplicationProxyGroup } from '../graph/connectorGroupsApi';
import type { KnownIds, LayoutMark } from '../layout/layoutCheck';
import { LAYOUT_SUFFIX } from '../layout/layoutFile';
import type { Services } from '../services';

const SOURCE = 'Connector Groups';
/**
 * A layout of thousands of groups runs to hundreds of thousands of lines and takes a second or more
 * to read: such a file is checked when it opens and when it is saved, not while it is typed in.
 */
const LARGE_LINES = 50_000;
/** Ten times the layout of a tenant of 5,000 groups: beyond this a file is not a layout anyone wrote. */
export const MAX_CHECKED_CHARS = 64 * 1024 * 1024;

function isLayoutFile(document: vscode.TextDocument): boolean {
  return (document.uri.scheme === 'file' || document.uri.scheme === 'untitled') && document.uri.path.endsWith(LAYOUT_SUFFIX);
}

function diagnostic(document: vscode.TextDocument, mark: LayoutMark): vscode.Diagnostic {
  const range = new vscode.Range(document.positionAt(mark.span.offset), document.positionAt(mark.span.offset + mark.span.length));
  const item = new vscode.Diagnostic(range, mark.message, mark.warning ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Error);
  item.source = SOURCE;
  return item;
}

/** The loaded tenants' ids, for the worker to check a file against. */
function knownIds(services: Services): KnownIds[] {
  return services.tree.roots().filter((n) => n.tenant.tenantId && n.contents.state.kind === 'loaded').map((n) => {
    const groups = n.contents.groups.filter(isApplicationProxyGroup);
    const ids = (items: { id: string }[]) => items.map((i) => i.id.toLowerCase()).join('\n');
    return {
      tenantId: n.tenant.tenantId, name: n.tenant.displayName, groups: ids(groups),
      connectors: ids(groups.flatMap((g) => g.members)), applications: ids(groups.flatMap((g) => g.applications)),
      regions: groups.filter((g) => g.region).map((g) => `${g.id.toLowerCase()}\t${g.region}`).join('\n'),
    };
  });
}

export async function layoutDiagnostics(services: Services, document: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
  const text = document.getText();
  if (text.length > MAX_CHECKED_CHARS) {
    return [diagnostic(document, { span: { offset: 0, length: 0 }, message: vscode.l10n.t('This file is too large to check ({0} MB); Preview Plan reads it when asked.', Math.round(text.length / 1024 / 1024)) })];
  }
  const marks = await services.layouts.worker.run({ kind: 'check', text, tenants: knownIds(services) });
  return marks.map((mark) => diagnostic(document, mark));
}

/** Keeps the diagnostics of open layout files current: on open, on edit, and when a tenant loads. */
export function watchLayoutFiles(services: Services): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('connectorGroups.layout');
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  /** Files being checked, and whether they changed meanwhile. */
  const checking = new Map<string, { again: boolean }>();
  const run = (document: vscode.TextDocument, key: string) => {
    const current = checking.get(key);
    if (current) {
      current.again = true;
      return;
    }
    const state = { again: false };
    checking.set(key, state);
    layoutDiagnostics(services, document)
      .then((found) => { if (!document.isClosed) collection.set(document.uri, found); })
      .catch((error: unknown) => services.logger.warn(`${document.uri.path.split('/').pop()} could not be checked: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        checking.delete(key);
        if (state.again && !document.isClosed) run(document, key);
      });
  };
  const check = (document: vscode.TextDocument) => {
    if (!isLayoutFile(document)) return;
    const key = document.uri.toString();
    clearTimeout(pending.get(key));
    // Typing fires a change per key; the file is read once the typing pauses.
    pending.set(key, setTimeout(() => {
      pending.delete(key);
      if (!document.isClosed) run(document, key);
    }, 250));
  };
  vscode.workspace.textDocuments.forEach(check);
  const subscriptions = [
    collection,
    vscode.workspace.onDidOpenTextDocument(check),
    vscode.workspace.onDidChangeTextDocument((e) => { if (e.document.lineCount <= LARGE_LINES) check(e.document); }),
    vscode.workspace.onDidSaveTextDocument(check),
    vscode.workspace.onDidCloseTextDocument((d) => collection.delete(d.uri)),
    services.tree.onDidChangeTreeData(() => vscode.workspace.textDocuments.forEach(check)),
  ];
  return vscode.Disposable.from(...subscriptions, { dispose: () => pending.forEach((t) => clearTimeout(t)) });
}
