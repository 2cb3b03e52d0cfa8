// The region form's panel: one per group, strict CSP with a nonce, messages routed to the controller.
import * as vscode from 'vscode';
import type { ConnectorGroup, GroupChanges } from '../graph/types';
import type { GroupNode } from '../tree/groupNode';
import type { TenantNode } from '../tree/tenantNode';
import { visibleText } from '../shared/plainText';
import { describeError } from '../ui/describeError';
import { RegionFormController } from './regionFormController';
import { webviewOptions, webviewPage } from './webviewPage';

/** What the form needs from the extension: handed in by whoever opens it, so the panel imports no command. */
export interface RegionFormHost {
  tenantNode(key: string): TenantNode | undefined;
  /** Fires when the tree changes (a rename anywhere renames the tab). */
  onDidChangeTree: vscode.Event<unknown>;
  warn(message: string): void;
  /** The duplicate-name question of Create and Rename; true to go on with the name. */
  confirmName(tenant: TenantNode, name: string, ownId: string): Promise<boolean>;
  update(tenant: TenantNode, group: ConnectorGroup, changes: GroupChanges): Promise<ConnectorGroup>;
}

export const REGION_FORM_VIEW_TYPE = 'connectorGroups.regionForm';

/** What the webview keeps with setState, so a restored panel knows its group. */
export interface RegionFormState {
  tenantKey: string;
  groupId: string;
}

export class RegionFormPanel {
  private static readonly open = new Map<string, RegionFormPanel>();
  private readonly disposables: vscode.Disposable[] = [];

  /** Shows the form of a group, reusing its panel when it is already open. */
  static show(host: RegionFormHost, extensionUri: vscode.Uri, group: GroupNode): RegionFormPanel {
    const key = `${group.tenantKey}/${group.group.id}`;
    const existing = RegionFormPanel.open.get(key);
    if (existing) {
      existing.panel.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(REGION_FORM_VIEW_TYPE, title(group.group.name), vscode.ViewColumn.Active, webviewOptions(extensionUri));
    return new RegionFormPanel(host, extensionUri, panel, group.tenantNode, group.group.id);
  }

  /** Re-attaches a panel VS Code restored after a reload, if its tenant is open again. */
  static async restore(host: RegionFormHost, extensionUri: vscode.Uri, panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const { tenantKey, groupId } = (state ?? {}) as Partial<RegionFormState>;
    const tenant = typeof tenantKey === 'string' ? host.tenantNode(tenantKey) : undefined;
    if (!tenant || typeof groupId !== 'string') {
      panel.dispose();
      return;
    }
    await tenant.contents.load();
    if (!tenant.contents.group(groupId)) {
      panel.dispose();
      return;
    }
    panel.webview.options = webviewOptions(extensionUri);
    new RegionFormPanel(host, extensionUri, panel, tenant, groupId);
  }

  private constructor(
    host: RegionFormHost,
    extensionUri: vscode.Uri,
    readonly panel: vscode.WebviewPanel,
    tenant: TenantNode,
    readonly groupId: string,
  ) {
    const tenantKey = tenant.tenant.key;
    const key = `${tenantKey}/${groupId}`;
    RegionFormPanel.open.set(key, this);
    // The tenant is looked up by key each time: a tenant added again under its key is served, and a
    // removed one closes the form instead of leaving it to read a tenant that is gone.
    const current = (): TenantNode => {
      const node = host.tenantNode(tenantKey);
      if (!node) throw new Error(vscode.l10n.t('The tenant of this group was removed from the view.'));
      return node;
    };
    const controller = new RegionFormController({
      group: () => host.tenantNode(tenantKey)?.contents.group(groupId),
      defaultRegion: () => host.tenantNode(tenantKey)?.contents.defaultGroup()?.region,
      confirmName: (name, id) => host.confirmName(current(), name, id),
      update: (group, changes) => host.update(current(), group, changes),
      // A save can end after the form was closed (its tenant removed): nothing is posted to a disposed webview.
      post: (message) => { if (RegionFormPanel.open.get(key) === this) void panel.webview.postMessage(message); },
      close: () => panel.dispose(),
      describe: describeError,
      log: (message) => host.warn(message),
      bundle: vscode.l10n.bundle,
    });
    panel.webview.html = html(panel.webview, extensionUri, { tenantKey, groupId });
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: unknown) => controller.handle(message)),
      host.onDidChangeTree(() => {
        const node = host.tenantNode(tenantKey);
        if (!node) {
          panel.dispose();
          return;
        }
        // The tab's title follows the group's name, renamed here or anywhere else.
        const group = node.contents.group(groupId);
        if (group) panel.title = title(group.name);
      }),
      panel.onDidDispose(() => {
        RegionFormPanel.open.delete(key);
        for (const d of this.disposables) d.dispose();
      }),
    );
  }
}

function title(name: string): string {
  return vscode.l10n.t('Region: {0}', visibleText(name));
}

function html(webview: vscode.Webview, extensionUri: vscode.Uri, state: RegionFormState): string {
  return webviewPage(webview, extensionUri, {
    script: 'regionForm.js',
    styles: ['media/regionForm.css'],
    title: vscode.l10n.t('Edit region'),
    data: { 'tenant-key': state.tenantKey, 'group-id': state.groupId },
  });
}
