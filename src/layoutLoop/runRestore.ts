// After a reload or a crash: each tenant's last run comes back from its journal as it opens. A run
// the window closed on says where it stopped, with Resume and Undo; the step it was in is read back
// from the tenant, so Undo takes back what it did too. A run that finished only brings Undo back.
import * as vscode from 'vscode';
import { journalRun } from '../layout/runJournal';
import { reportText } from '../layout/planText';
import type { Services } from '../services';
import type { TenantNode } from '../tree/tenantNode';
import { loadedContents } from '../commands/targets';
import { PLAN_SCHEME } from './layoutDocuments';
import { fileName, groupsOf, showPlan } from './layoutEditors';
import type { Preview } from './planSession';

export function watchJournals(services: Services): vscode.Disposable {
  const tried = new Set<string>();
  const check = () => {
    for (const tenant of services.registry.list()) {
      const node = services.tree.tenantNode(tenant.key);
      if (!node || tried.has(tenant.key)) continue;
      tried.add(tenant.key);
      restore(services, node).catch((error: unknown) => {
        // Tried again when the tenant changes (signed in, reloaded), so a failed read loses nothing.
        tried.delete(tenant.key);
        services.logger.warn(`The last run on '${tenant.displayName}' could not be restored yet: ${error instanceof Error ? error.message : String(error)}`);
      });
    }
    // A tenant removed and added again is looked at again.
    for (const key of tried) if (!services.registry.get(key)) tried.delete(key);
  };
  check();
  return services.registry.onDidChange(check);
}

async function restore(services: Services, tenantNode: TenantNode): Promise<void> {
  const { tenant } = tenantNode;
  const read = services.layouts.journals.read(tenant.key);
  if (!read || services.layouts.sessions.find(tenant.key)?.preview) return;
  const contents = await loadedContents(tenantNode);
  const { header } = read;
  const result = journalRun(read, contents.groups, vscode.l10n.t('The window closed during this step: what it did was read back from the tenant.'));
  const planUri = vscode.Uri.from({ scheme: PLAN_SCHEME, path: `/${header.planName}` });
  const file = vscode.Uri.parse(header.file);
  const preview: Preview = { file, textHash: header.fileHash, layoutText: header.layoutText, prune: false, snapshot: [], steps: header.steps, warnings: [], planUri };
  const session = services.layouts.sessions.of(tenant.key, () => tenant.displayName);
  const groups = await groupsOf(contents);
  // A preview or a run made while the tenant was read is newer than the journal: it stays.
  if (session.preview || session.busy || session.canUndo) return;
  session.restored(preview, { steps: header.steps, result, undoing: header.undoing }, header, contents.groups, groups);
  services.layouts.sessions.showing(planUri, tenant.key);
  services.layouts.sessions.updateContexts();
  const what = header.undoing ? vscode.l10n.t('Undo of {0} in {1}', fileName(file), tenant.displayName) : vscode.l10n.t('Run of {0} on {1}', fileName(file), tenant.displayName);
  services.layouts.documents.set(PLAN_SCHEME, header.planName, reportText(header.steps, result, [
    what,
    read.finished ? vscode.l10n.t('Started at {0}; restored from its journal.', header.startedAt) : vscode.l10n.t('Started at {0}; the window closed before it finished.', header.startedAt),
  ]));
  services.logger.info(`Restored the last run on '${tenant.displayName}' from its journal (${read.finished ? 'finished' : 'stopped when the window closed'}).`);
  const stoppedAt = result.outcomes.findIndex((o) => o.state !== 'done') + 1;
  if (read.finished || stoppedAt === 0) return;
  const resume = vscode.l10n.t('Resume');
  const undo = vscode.l10n.t('Undo');
  const showReport = vscode.l10n.t('Show Report');
  const message = header.undoing
    ? vscode.l10n.t("Undo of {0} on '{1}' stopped at step {2} of {3} when the window closed.", fileName(file), tenant.displayName, stoppedAt, header.steps.length)
    : vscode.l10n.t("Apply of {0} on '{1}' stopped at step {2} of {3} when the window closed.", fileName(file), tenant.displayName, stoppedAt, header.steps.length);
  const choice = await services.prompts.notify(message, ...(header.undoing ? [] : [resume]), ...(session.canUndo ? [undo] : []), showReport);
  if (choice === resume) void vscode.commands.executeCommand('connectorGroups.resumeApply', planUri);
  if (choice === undo) void vscode.commands.executeCommand('connectorGroups.undoApply', planUri);
  if (choice === showReport) void showPlan(planUri, true);
}
