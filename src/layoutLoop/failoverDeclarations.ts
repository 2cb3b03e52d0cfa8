// The fail-over pairs declared for a tenant in the layout files at hand: the open ones (as edited,
// saved or not) and those in the workspace.
import * as vscode from 'vscode';
import type { ConnectorGroupWithContents } from '../graph/types';
import { LAYOUT_SUFFIX, readLayout } from '../layout/layoutFile';
import { declaredPairs, type FailoverPair } from '../runbooks/failover';

/** Enough for any real workspace; a search past it would slow the command for nothing. */
const MAX_FILES = 200;

export async function declaredFailovers(tenantId: string, groups: readonly ConnectorGroupWithContents[]): Promise<FailoverPair[]> {
  const open = vscode.workspace.textDocuments.filter((d) => d.uri.path.endsWith(LAYOUT_SUFFIX));
  const texts = new Map(open.map((d) => [d.uri.toString(), { name: vscode.workspace.asRelativePath(d.uri), text: d.getText() }]));
  const files = await vscode.workspace.findFiles(`**/*${LAYOUT_SUFFIX}`, '**/node_modules/**', MAX_FILES);
  for (const uri of files.filter((f) => !texts.has(f.toString()))) {
    try {
      texts.set(uri.toString(), { name: vscode.workspace.asRelativePath(uri), text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) });
    } catch {
      // A file that cannot be read declares nothing; the others still count.
    }
  }
  return [...texts.values()].flatMap(({ name, text }) => {
    const read = readLayout(text);
    return read.ok ? declaredPairs(read.layout, name, tenantId, groups) : [];
  });
}
