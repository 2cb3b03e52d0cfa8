// Activation wires the pieces together and does nothing else.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { moveConnectorsTo, assignApplicationsTo } from './commands/moveOperations';
import { EXPORT_SCHEME, ExportDocuments } from './commands/exportDocuments';
import { registerCommands, runReported } from './registerCommands';
import type { Services } from './services';
import { openSandboxTenant } from './commands/tenantCommands';
import { vscodeAuthentication, type Authentication } from './auth/sessions';
import { restoreTenants } from './commands/signInCommands';
import { watchSessions } from './commands/sessionWatch';
import { createLogger } from './logging/logger';
import { LayoutDocuments, PLAN_SCHEME, TENANT_LAYOUT_SCHEME } from './layoutLoop/layoutDocuments';
import { watchLayoutFiles } from './layoutLoop/layoutDiagnostics';
import { PlanSessions } from './layoutLoop/planSessions';
import { JournalStore } from './layoutLoop/journalStore';
import { HistoryStore } from './layoutLoop/historyStore';
import { PlanWorker } from './layout/planClient';
import { watchJournals } from './layoutLoop/runRestore';
import { SavedTenantStore } from './tenants/savedTenants';
import { l10n } from './shared/l10n';
import { TenantRegistry } from './tenants/tenantRegistry';
import { ConnectorGroupTreeProvider } from './tree/connectorGroupTreeProvider';
import { ConnectorGroupDragAndDrop } from './tree/dragAndDrop';
import { ExpansionMemory } from './tree/expansionMemory';
import { jsonFileStore } from './shared/jsonFileStore';
import { HEALTH_VIEW_ID, HealthTreeProvider } from './tree/healthView';
import { DRAINED_CONNECTORS, FAILED_OVER_APPLICATIONS, MovedItems } from './runbooks/movedItems';
import { RUNBOOK_SCHEME } from './layoutLoop/runbookCommands';
import { SANDBOX_KEY } from './tenants/sandboxTenant';
import { showProblems } from './tree/problemBadge';
import type { TreeNode } from './tree/treeNode';
import { TREE_VIEW_ID } from './ui/progress';
import { windowPrompts, type Prompts } from './ui/prompts';
import { REGION_FORM_VIEW_TYPE, RegionFormPanel } from './webview/regionFormPanel';
import { regionFormHost } from './commands/regionCommands';
import { ConnectorWatch, MutedTenants } from './commands/connectorWatch';
import { WatchHistory } from './watch/watchHistory';

/** What activate returns: used by the extension-host tests to read the tree and answer prompts. */
export interface ConnectorGroupsExtensionApi {
  readonly services: Services;
  readonly dragAndDrop: vscode.TreeDragAndDropController<TreeNode>;
  setPrompts(prompts: Prompts | undefined): void;
  /** Stands in for VS Code's sign-in for the tenants added from now on (undefined: the real one). */
  setAuthentication(authentication: Authentication | undefined): void;
  /** Shows the saved tenants again, as after a reload of the window. */
  restoreTenants(): Promise<void>;
}

export function activate(context: vscode.ExtensionContext): ConnectorGroupsExtensionApi {
  const activationStarted = performance.now();
  // The shared rules' messages are translated like the rest of the extension's.
  l10n.use((template, ...args) => vscode.l10n.t(template, ...args));
  const logger = createLogger();
  const savedTenants = new SavedTenantStore(context.globalState);
  const registry = new TenantRegistry((key) => {
    const saved = savedTenants.indexOf(key);
    return key === SANDBOX_KEY ? -1 : saved < 0 ? Number.MAX_SAFE_INTEGER : saved;
  });
  // Per workspace (or for the window without one), in a file of its own: see jsonFileStore.
  const expansion = new ExpansionMemory(jsonFileStore(path.join((context.storageUri ?? context.globalStorageUri).fsPath, 'expansion.json'), (message) => logger.warn(message)));
  const watchHistory = new WatchHistory(context.globalState);
  const tree = new ConnectorGroupTreeProvider(registry, expansion, (line) => logger.info(line), (key, id) => watchHistory.record(key, id));
  const health = new HealthTreeProvider(registry, tree);
  const exports = new ExportDocuments();
  const layoutDocuments = new LayoutDocuments();
  // The engine's sentences in the worker are translated like the extension's.
  const planWorker = new PlanWorker(path.join(__dirname, 'planWorker.js'), vscode.l10n.bundle);
  const services = {
    registry, tree, health, logger, exports, prompts: windowPrompts, extensionUri: context.extensionUri, layouts: {
      documents: layoutDocuments, sessions: new PlanSessions(),
      journals: new JournalStore(path.join(context.globalStorageUri.fsPath, 'journals'), (message) => logger.warn(message)),
      history: new HistoryStore(path.join(context.globalStorageUri.fsPath, 'history'), (message) => logger.warn(message)),
      worker: planWorker,
    },
    savedTenants, drained: new MovedItems(context.globalState, DRAINED_CONNECTORS),
    failedOver: new MovedItems(context.globalState, FAILED_OVER_APPLICATIONS), authentication: vscodeAuthentication,
  } as Services & { treeView: vscode.TreeView<TreeNode>; watch: ConnectorWatch };
  const dragAndDrop = new ConnectorGroupDragAndDrop({
    moveConnectors: (connectors, target) => runReported(services, 'drop', () => moveConnectorsTo(services, connectors, target)),
    assignApplications: (applications, target) => runReported(services, 'drop', () => assignApplicationsTo(services, applications, target)),
  });
  services.treeView = vscode.window.createTreeView(TREE_VIEW_ID, {
    treeDataProvider: tree,
    dragAndDropController: dragAndDrop,
    canSelectMany: true,
    showCollapseAll: true,
  });
  context.subscriptions.push(
    services.treeView.onDidExpandElement(({ element }) => expansion.set(element.id, true)),
    services.treeView.onDidCollapseElement(({ element }) => expansion.set(element.id, false)),
    logger, registry, tree, services.treeView, health,
    vscode.window.createTreeView(HEALTH_VIEW_ID, { treeDataProvider: health, showCollapseAll: true }), showProblems(tree, services.treeView, HEALTH_VIEW_ID), ...registerCommands(services),
    vscode.workspace.registerTextDocumentContentProvider(EXPORT_SCHEME, exports),
    layoutDocuments,
    planWorker,
    vscode.workspace.registerTextDocumentContentProvider(PLAN_SCHEME, layoutDocuments),
    vscode.workspace.registerTextDocumentContentProvider(TENANT_LAYOUT_SCHEME, layoutDocuments),
    vscode.workspace.registerTextDocumentContentProvider(RUNBOOK_SCHEME, layoutDocuments),
    watchLayoutFiles(services),
    vscode.window.registerWebviewPanelSerializer(REGION_FORM_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state) => RegionFormPanel.restore(regionFormHost(services), context.extensionUri, panel, state),
    }),
  );
  // Started after the tree: its first poll comes an interval after activation, on what the tree read.
  services.watch = new ConnectorWatch(services, new MutedTenants(context.globalState), watchHistory);
  context.subscriptions.push(services.watch);
  void vscode.commands.executeCommand('setContext', 'connectorGroups.hasTenants', false);
  void runReported(services, 'restoreTenants', () => restoreTenants(services));
  context.subscriptions.push(watchSessions(services), watchJournals(services));
  // Started at once (not through the command queue), so the view says "Opening…" from its first paint.
  if (process.env.CONNECTOR_GROUPS_SANDBOX_URL) void runReported(services, 'openSandboxTenant', () => openSandboxTenant(services));
  // Activation registers and returns; tenants sign in and load after it, each at its own pace.
  logger.info(`Activated in ${Math.round(performance.now() - activationStarted)} ms; the tenants open after.`);
  return {
    services,
    dragAndDrop,
    setPrompts: (prompts) => { services.prompts = prompts ?? windowPrompts; },
    setAuthentication: (authentication) => { services.authentication = authentication ?? vscodeAuthentication; },
    restoreTenants: () => restoreTenants(services),
  };
}

export function deactivate(): void {
  // Disposables registered in activate stop the tenants and any in-process sandbox.
}
