// The fail-over pairs declared for a tenant in the layout files at hand: the open ones (as edited,
// saved or not) and those in the workspace. Only an admin's own files count: the tenant side of a
// diff, a runbook's layout or a version from source control declares nothing.
import * as vscode from 'vscode';
import type { ConnectorGroupWithContents } from '../graph/types';
import { LAYOUT_SUFFIX, readLayout } from '../layout/layoutFile';
import { declaredPairs, type FailoverPair } from '../runbooks/failover';

/** Enough for any real workspace; a search past it would slow the command for nothing. */
const MAX_FILES = 200;
/** A layout file bigger than this is not read here (as the editor's checks leave it to Preview Plan). */
const MAX_CHARS = 5_000_000;

export interface Declarations {
  pairs: FailoverPair[];
  /** Files that mention a fail-over but could not be read as a layout: said, not silently skipped. */
  unread: string[];
}

export async function declaredFailovers(tenantId: string, groups: readonly ConnectorGroupWithContents[]): Promise<Declarations> {
  const own = (uri: vscode.Uri) => (uri.scheme === 'file' || uri.scheme === 'untitled') && uri.path.endsWith(LAYOUT_SUFFIX);
  const texts = new Map(vscode.workspace.textDocuments.filter((d) => own(d.uri)).map((d) => [d.uri.toString(), { uri: d.uri, text: d.getText() }]));
  const files = await vscode.workspace.findFiles(`**/*${LAYOUT_SUFFIX}`, '**/node_modules/**', MAX_FILES);
  for (const uri of files.filter((f) => !texts.has(f.toString()))) {
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size <= MAX_CHARS) texts.set(uri.toString(), { uri, text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) });
    } catch {
      // A file that cannot be read declares nothing; the others still count.
    }
  }
  const found: Declarations = { pairs: [], unread: [] };
  for (const { uri, text } of texts.values()) {
    if (text.length > MAX_CHARS || !text.includes('"failover"')) continue;
    const name = vscode.workspace.asRelativePath(uri);
    const read = readLayout(text);
    if (read.ok) found.pairs.push(...declaredPairs(read.layout, name, tenantId, groups));
    else found.unread.push(name);
  }
  return found;
}
