// The connector timeline's panel: one per tenant or group, strict CSP with a nonce, drawn again
// whenever the watch records a poll of its tenant. Every message from the webview is checked.
import * as vscode from 'vscode';
import { parseTimelineMessage, type ToWebview, type TimelineView } from '../watch/timelineMessages';
import { visibleText } from '../shared/plainText';
import { describeError } from '../ui/describeError';
import { webviewOptions, webviewPage } from './webviewPage';

export interface TimelineHost {
  /** The view now, or the sentence to show instead (no record yet, tenant gone). */
  view(tenantKey: string, groupId: string | undefined): TimelineView | string;
  /** Every change of the tenant's (or the group's) record, not only the rows the panel shows. */
  exportCsv(tenantKey: string, groupId: string | undefined, title: string): Promise<void>;
  /** Fires with a tenant's key when its history changed. */
  onDidRecord: vscode.Event<string>;
  warn(message: string): void;
}

export const TIMELINE_VIEW_TYPE = 'connectorGroups.timeline';

export class TimelinePanel {
  private static readonly open = new Map<string, TimelinePanel>();
  private disposed = false;

  static show(host: TimelineHost, extensionUri: vscode.Uri, tenantKey: string, groupId: string | undefined, title: string): TimelinePanel {
    const key = `${tenantKey}/${groupId ?? '*'}`;
    const existing = TimelinePanel.open.get(key);
    if (existing) {
      existing.panel.reveal();
      existing.update();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(TIMELINE_VIEW_TYPE, visibleText(title), vscode.ViewColumn.Active, webviewOptions(extensionUri));
    return new TimelinePanel(host, extensionUri, panel, key, tenantKey, groupId);
  }

  /** Closes every timeline of a tenant that was removed. */
  static closeTenant(tenantKey: string): void {
    for (const [key, panel] of TimelinePanel.open) if (key.startsWith(`${tenantKey}/`)) panel.panel.dispose();
  }

  private constructor(
    private readonly host: TimelineHost,
    extensionUri: vscode.Uri,
    readonly panel: vscode.WebviewPanel,
    key: string,
    private readonly tenantKey: string,
    private readonly groupId: string | undefined,
  ) {
    TimelinePanel.open.set(key, this);
    panel.webview.html = webviewPage(panel.webview, extensionUri, {
      script: 'timeline.js', styles: ['dist/webview/timeline.css', 'media/timeline.css'], title: vscode.l10n.t('Connector timeline'),
    });
    const subscriptions = [
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.handle(raw)),
      host.onDidRecord((recorded) => { if (recorded === tenantKey) this.update(); }),
      panel.onDidDispose(() => {
        this.disposed = true;
        if (TimelinePanel.open.get(key) === this) TimelinePanel.open.delete(key);
        for (const s of subscriptions) s.dispose();
      }),
    ];
  }

  /** What the panel shows now: the view, or why there is none. */
  current(): TimelineView | string {
    return this.host.view(this.tenantKey, this.groupId);
  }

  update(): void {
    if (this.disposed) return;
    const view = this.current();
    const message: ToWebview = typeof view === 'string'
      ? { type: 'empty', message: view, bundle: vscode.l10n.bundle }
      : { type: 'timeline', view, bundle: vscode.l10n.bundle };
    if (typeof view !== 'string') this.panel.title = visibleText(view.title);
    void this.panel.webview.postMessage(message);
  }

  private async handle(raw: unknown): Promise<void> {
    const parsed = parseTimelineMessage(raw);
    if (!parsed.ok) {
      this.host.warn(vscode.l10n.t('The timeline sent a message that was refused: {0}', parsed.error));
      return;
    }
    if (parsed.message.type === 'ready') return this.update();
    const view = this.current();
    try {
      if (typeof view !== 'string') await this.host.exportCsv(this.tenantKey, this.groupId, view.title);
    } catch (error) {
      void vscode.window.showErrorMessage(describeError(error));
    }
  }
}
