// The one table of command id → handler, each wrapped with the same logging and error handling.
import * as vscode from 'vscode';
import { describeError } from './ui/describeError';
import { slowWork } from './ui/slowWork';
import { ActionableError } from './commands/actionableError';
import { assignApplications, moveApplication, unassignApplication } from './commands/applicationCommands';
import { moveConnector, moveConnectorsHere } from './commands/connectorCommands';
import { copyId, exportJson, openInPortal, saveExport } from './commands/exportCommands';
import { findGroup } from './commands/findCommands';
import { compareWithTenant, exportLayout, previewPlan } from './layoutLoop/layoutCommands';
import { applyPlan, resumeApply, undoApply } from './layoutLoop/runCommands';
import { tenantHistory } from './layoutLoop/historyCommands';
import { createGroup, deleteGroup, renameGroup } from './commands/groupCommands';
import { editRegion } from './commands/regionCommands';
import type { Services } from './services';
import { Cancelled } from './commands/targets';
import { checkAccess } from './commands/accessCommands';
import { exportHealth, showFindingGroup, sortFindings } from './commands/healthCommands';
import { checkConnectors, muteConnectorAlerts } from './commands/watchCommands';
import { applicationInventory } from './commands/inventoryCommands';
import { showTimeline } from './commands/timelineCommands';
import { drainConnectors, evacuateGroup, failBack, failOver, fixFinding, restoreDrained } from './layoutLoop/runbookCommands';
import { addTenant, askReadWrite, copyCodeAndOpenPage, grantAdminConsent, signInTenant, switchAccount } from './commands/signInCommands';
import { openSandboxTenant, refresh, refreshNode, removeTenant, showAllGroups, showLog, showProblemsOnly } from './commands/tenantCommands';

// Handlers take the services and whatever VS Code passes (the node, the multi-selection): each
// handler types its own arguments, which a table of them cannot.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Handler = (services: Services, ...args: any[]) => Promise<unknown>;

const COMMANDS: Record<string, Handler> = {
  openSandboxTenant,
  // "Sign In to Microsoft Entra…" is how most admins will look for Add Tenant.
  signIn: addTenant,
  addTenant,
  signInTenant,
  switchAccount,
  askReadWrite,
  copyCodeAndOpenPage,
  checkAccess,
  grantAdminConsent,
  removeTenant,
  refresh,
  refreshNode,
  findGroup,
  createGroup,
  renameGroup,
  deleteGroup,
  editRegion,
  moveConnector,
  moveConnectorsHere,
  assignApplications,
  moveApplication,
  unassignApplication,
  exportJson,
  saveExport,
  copyId,
  openInPortal,
  exportLayout,
  previewPlan,
  applyPlan,
  resumeApply,
  undoApply,
  compareWithTenant,
  tenantHistory,
  showProblemsOnly,
  showAllGroups,
  showLog,
  sortFindings,
  exportHealth,
  showFindingGroup,
  fixFinding,
  evacuateGroup,
  drainConnectors,
  restoreDrained,
  failOver,
  failBack,
  checkConnectors,
  muteConnectorAlerts,
  applicationInventory,
  showTimeline,
};

export function registerCommands(services: Services): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([name, handler]) =>
    vscode.commands.registerCommand(`connectorGroups.${name}`, (...args: unknown[]) => runReported(services, name, () => handler(services, ...args))));
}

/**
 * Runs a task; a failure is logged and shown once, with "Show log". Resolves to the task's result.
 * While it runs, Graph's retries for it are said in a notice with Cancel (see slowWork).
 */
export async function runReported(services: Services, name: string, task: () => Promise<unknown>): Promise<unknown> {
  try {
    return await slowWork(services, task);
  } catch (error) {
    if (error instanceof Cancelled) return undefined;
    const message = describeError(error);
    services.logger.error(`${name}: ${message}`);
    const showLogAction = vscode.l10n.t('Show Log');
    const actions = error instanceof ActionableError ? [error.actionLabel, showLogAction] : [showLogAction];
    void services.prompts.error(message, ...actions).then((choice) => {
      if (choice === showLogAction) services.logger.show(true);
      if (error instanceof ActionableError && choice === error.actionLabel) void runReported(services, name, error.action);
    });
    return undefined;
  }
}
