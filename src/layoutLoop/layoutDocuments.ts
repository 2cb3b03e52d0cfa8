// The read-only documents of the layout loop: the tenant's side of a diff, and the plan (which
// becomes the apply report). Their text changes in place, so an open tab follows a run.
import * as vscode from 'vscode';

export const PLAN_SCHEME = 'connector-groups-plan';
export const TENANT_LAYOUT_SCHEME = 'connector-groups-layout';
/** The plan's language (package.json): its grammar colours the steps and outcomes. */
export const PLAN_LANGUAGE = 'connectorGroupsPlan';

export class LayoutDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** The document at `scheme:/name` now holds `text`. */
  set(scheme: string, name: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme, path: `/${name}` });
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
    return uri;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
