// Problems in open layout files, as the user types: the file's own (broken JSON, a wrong value),
// and, once the tenant it names is loaded, the ids that tenant does not have.
import * as vscode from 'vscode';
import { isApplicationProxyGroup } from '../graph/connectorGroupsApi';
import type { Services } from '../services';
import { LAYOUT_SUFFIX, MAX_PROBLEMS, readLayout, type TextSpan } from '../layout/layoutFile';

const SOURCE = 'Connector Groups';
/**
 * A layout of thousands of groups runs to hundreds of thousands of lines and takes a second or more
 * to read: such a file is checked when it opens and when it is saved, not while it is typed in.
 */
const LARGE_LINES = 50_000;

function isLayoutFile(document: vscode.TextDocument): boolean {
  return (document.uri.scheme === 'file' || document.uri.scheme === 'untitled') && document.uri.path.endsWith(LAYOUT_SUFFIX);
}

function diagnostic(document: vscode.TextDocument, span: TextSpan, message: string, severity = vscode.DiagnosticSeverity.Error): vscode.Diagnostic {
  const range = new vscode.Range(document.positionAt(span.offset), document.positionAt(span.offset + span.length));
  const item = new vscode.Diagnostic(range, message, severity);
  item.source = SOURCE;
  return item;
}

export function layoutDiagnostics(services: Services, document: vscode.TextDocument): vscode.Diagnostic[] {
  const read = readLayout(document.getText());
  if (!read.ok) return read.problems.map((p) => diagnostic(document, p.span, p.message));
  const id = read.layout.tenant.id;
  const tenantNode = services.tree.roots().find((n) => n.tenant.tenantId.toLowerCase() === id && n.contents.state.kind === 'loaded');
  if (!tenantNode) return [];
  const name = tenantNode.tenant.displayName;
  const groups = tenantNode.contents.groups.filter(isApplicationProxyGroup);
  const lower = (items: { id: string }[]) => items.map((i) => i.id.toLowerCase());
  const groupIds = new Set(lower(groups));
  const connectorIds = new Set(groups.flatMap((g) => lower(g.members)));
  const applicationIds = new Set(groups.flatMap((g) => lower(g.applications)));
  const found: vscode.Diagnostic[] = [];
  for (const [groupId, span] of read.spans.groups) {
    if (!groupIds.has(groupId)) found.push(diagnostic(document, span, vscode.l10n.t("No Application Proxy connector group has this id in '{0}'. Remove the id to create the group.", name)));
  }
  const items = (spans: Map<string, TextSpan[]>, known: Set<string>, unknown: string, twice: string) => {
    for (const [itemId, at] of spans) {
      for (const span of at) {
        if (!known.has(itemId)) found.push(diagnostic(document, span, unknown));
        else if (at.length > 1) found.push(diagnostic(document, span, twice));
      }
    }
  };
  items(read.spans.connectors, connectorIds, vscode.l10n.t("No connector has this id in '{0}'.", name),
    vscode.l10n.t('This connector is listed more than once; a connector belongs to exactly one group.'));
  items(read.spans.applications, applicationIds, vscode.l10n.t("No application published through Application Proxy has this id in '{0}'.", name),
    vscode.l10n.t('This application is listed more than once; an application has one connector group.'));
  // A file of another tenant's ids would mark every line: the first ones say enough.
  return found.length > MAX_PROBLEMS
    ? [...found.slice(0, MAX_PROBLEMS), diagnostic(document, { offset: 0, length: 0 }, vscode.l10n.t('… and {0} more ids this tenant does not have: the first {1} are marked.', found.length - MAX_PROBLEMS, MAX_PROBLEMS))]
    : found;
}

/** Keeps the diagnostics of open layout files current: on open, on edit, and when a tenant loads. */
export function watchLayoutFiles(services: Services): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('connectorGroups.layout');
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  const check = (document: vscode.TextDocument) => {
    if (!isLayoutFile(document)) return;
    const key = document.uri.toString();
    clearTimeout(pending.get(key));
    // Typing fires a change per key; the file is read once the typing pauses.
    pending.set(key, setTimeout(() => {
      pending.delete(key);
      if (!document.isClosed) collection.set(document.uri, layoutDiagnostics(services, document));
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
