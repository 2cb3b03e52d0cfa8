// What command handlers work with; one object, built once at activation.
import type * as vscode from 'vscode';
import type { Logger } from './logging/logger';
import type { ExportDocuments } from './commands/exportDocuments';
import type { TenantRegistry } from './tenants/tenantRegistry';
import type { ConnectorGroupTreeProvider } from './tree/connectorGroupTreeProvider';
import type { TreeNode } from './tree/treeNode';
import type { Prompts } from './ui/prompts';
import type { Authentication } from './auth/sessions';
import type { SavedTenantStore } from './tenants/savedTenants';
import type { LayoutDocuments } from './layoutLoop/layoutDocuments';
import type { PlanWorker } from './layout/planClient';
import type { HistoryStore } from './layoutLoop/historyStore';
import type { JournalStore } from './layoutLoop/journalStore';
import type { PlanSessions } from './layoutLoop/planSessions';
import type { HealthTreeProvider } from './tree/healthView';
import type { MovedItems } from './runbooks/movedItems';
import type { ConnectorWatch } from './commands/connectorWatch';

export interface Services {
  readonly registry: TenantRegistry;
  readonly tree: ConnectorGroupTreeProvider;
  /** The Health view: each tenant's findings, from what the tree has read. */
  readonly health: HealthTreeProvider;
  readonly treeView: vscode.TreeView<TreeNode>;
  /** Reads each loaded tenant's connectors every few minutes and says what changed. */
  readonly watch: ConnectorWatch;
  readonly logger: Logger;
  readonly extensionUri: vscode.Uri;
  /** The texts behind the read-only export tabs. */
  readonly exports: ExportDocuments;
  /** Where drained connectors came from, for Restore Drained Connectors. */
  readonly drained: MovedItems;
  /** Where failed-over applications came from, for Fail Back. */
  readonly failedOver: MovedItems;
  /** The tenants added, kept across reloads. */
  readonly savedTenants: SavedTenantStore;
  /** VS Code's sign-in (a stand-in in the extension-host tests). */
  authentication: Authentication;
  /**
   * The layout loop's documents, each tenant's plan session, the runs' journals, the tenants'
   * history, and the worker that reads, plans and writes layouts off the host's thread.
   */
  readonly layouts: {
    readonly documents: LayoutDocuments; readonly sessions: PlanSessions; readonly journals: JournalStore; readonly history: HistoryStore; readonly worker: PlanWorker;
  };
  prompts: Prompts;
}
