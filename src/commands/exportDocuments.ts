// Exports open as read-only documents named after what they hold and the day ("Contoso – EU
// Frankfurt – 2026-12-01.json"): no "Untitled-3", no prompt to save on close, and Save As when wanted.
import * as vscode from 'vscode';

export const EXPORT_SCHEME = 'connector-groups-export';

export class ExportDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** A new document for this export; a second export of the same thing on the same day gets " (2)". */
  add(parts: string[], text: string, extension = 'json'): vscode.Uri {
    const base = [...parts, new Date().toISOString().slice(0, 10)].map(fileNamePart).join(' – ');
    let uri = vscode.Uri.from({ scheme: EXPORT_SCHEME, path: `/${base}.${extension}` });
    for (let n = 2; this.texts.has(uri.toString()); n++) uri = vscode.Uri.from({ scheme: EXPORT_SCHEME, path: `/${base} (${n}).${extension}` });
    this.texts.set(uri.toString(), text);
    return uri;
  }

  text(uri: vscode.Uri): string | undefined {
    return this.texts.get(uri.toString());
  }
}

/** A name from Graph as part of a file name: no path separators or characters file systems refuse. */
export function fileNamePart(text: string): string {
  return text.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim().slice(0, 80) || '_';
}
