// The application inventory's panel: one per tenant, strict CSP with a nonce, every message from the
// webview checked before anything is done. The panel keeps the last inventory it showed, so a webview
// drawn again (hidden and shown) gets it back without a read.
import * as vscode from 'vscode';
import type { Inventory } from '../inventory/inventory';
import { parseInventoryMessage, type ExportFormat, type ToWebview } from '../inventory/inventoryMessages';
import { visibleText } from '../shared/plainText';
import { describeError } from '../ui/describeError';
import { webviewOptions, webviewPage } from './webviewPage';

/** What the panel needs from the extension: handed in by the command, so the panel imports none. */
export interface InventoryHost {
  /** Reads the tenant's inventory afresh (with the progress it shows). */
  read(tenantKey: string): Promise<Inventory>;
  exportInventory(inventory: Inventory, format: ExportFormat): Promise<void>;
  showGroup(tenantKey: string, groupId: string): Promise<void>;
  warn(message: string): void;
  certificateWarningDays(): number;
}

export const INVENTORY_VIEW_TYPE = 'connectorGroups.inventory';

export class InventoryPanel {
  private static readonly open = new Map<string, InventoryPanel>();
  private inventory: Inventory | undefined;
  private reading: Promise<Inventory> | undefined;
  /** Reading or failed: said again to a webview drawn anew (a hidden panel misses what is posted). */
  private status: Extract<ToWebview, { type: 'reading' | 'failed' }> | undefined;
  private disposed = false;

  /** The tenant's panel, opened or brought forward, with a fresh read. */
  static async show(host: InventoryHost, extensionUri: vscode.Uri, tenantKey: string, tenantName: string): Promise<Inventory> {
    let panel = InventoryPanel.open.get(tenantKey);
    if (panel) panel.panel.reveal();
    else {
      const created = vscode.window.createWebviewPanel(INVENTORY_VIEW_TYPE, title(tenantName), vscode.ViewColumn.Active, webviewOptions(extensionUri));
      panel = new InventoryPanel(host, extensionUri, created, tenantKey);
    }
    return panel.refresh();
  }

  /** Closes the panel of a tenant that was removed. */
  static close(tenantKey: string): void {
    InventoryPanel.open.get(tenantKey)?.panel.dispose();
  }

  private constructor(private readonly host: InventoryHost, extensionUri: vscode.Uri, readonly panel: vscode.WebviewPanel, private readonly tenantKey: string) {
    InventoryPanel.open.set(tenantKey, this);
    panel.webview.html = webviewPage(panel.webview, extensionUri, { script: 'inventory.js', styles: ['media/inventory.css'], title: vscode.l10n.t('Application inventory') });
    const subscriptions = [
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.handle(raw)),
      panel.onDidDispose(() => {
        this.disposed = true;
        if (InventoryPanel.open.get(tenantKey) === this) InventoryPanel.open.delete(tenantKey);
        for (const s of subscriptions) s.dispose();
      }),
    ];
  }

  private post(message: ToWebview): void {
    if (!this.disposed) void this.panel.webview.postMessage(message);
  }

  private showInventory(): void {
    if (this.inventory) this.post({ type: 'inventory', inventory: this.inventory, certificateWarningDays: this.host.certificateWarningDays(), bundle: vscode.l10n.bundle });
  }

  private say(status: NonNullable<InventoryPanel['status']>): void {
    this.status = status;
    this.post(status);
  }

  /** One read at a time: a second Refresh while one runs waits for it. */
  refresh(): Promise<Inventory> {
    this.reading ??= (async () => {
      this.say({ type: 'reading' });
      try {
        this.inventory = await this.host.read(this.tenantKey);
        this.status = undefined;
        if (!this.disposed) this.panel.title = title(this.inventory.tenant.displayName);
        this.showInventory();
        return this.inventory;
      } catch (error) {
        this.say({ type: 'failed', message: describeError(error) });
        throw error;
      } finally {
        this.reading = undefined;
      }
    })();
    return this.reading;
  }

  private async handle(raw: unknown): Promise<void> {
    const parsed = parseInventoryMessage(raw);
    if (!parsed.ok) {
      this.host.warn(vscode.l10n.t('The inventory sent a message that was refused: {0}', parsed.error));
      return;
    }
    const message = parsed.message;
    try {
      switch (message.type) {
        case 'ready':
          this.showInventory();
          if (this.status) this.post(this.status);
          return;
        case 'refresh': await this.refresh(); return;
        case 'export':
          if (this.inventory) await this.host.exportInventory(this.inventory, message.format);
          return;
        case 'showGroup': return await this.host.showGroup(this.tenantKey, message.groupId);
      }
    } catch (error) {
      // Said in the panel by refresh; the rest as a message.
      if (message.type !== 'refresh') void vscode.window.showErrorMessage(describeError(error));
    }
  }
}

function title(tenantName: string): string {
  return vscode.l10n.t('Applications: {0}', visibleText(tenantName));
}
