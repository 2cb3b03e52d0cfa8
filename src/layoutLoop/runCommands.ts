// The layout loop's writing commands: Apply Plan sends the previewed steps after checking nobody
// changed the file or the tenant since; Resume picks up a run that stopped; Undo takes back what
// the tenant's runs did. Each asks first with what it will send, and holds the tenant's session.
import * as vscode from 'vscode';
import { stepCount } from '../shared/counts';
import { applySteps, remainingSteps, type ApplyResult } from '../layout/applyPlan';
import type { PlanStep } from '../layout/planner';
import type { GroupsJson } from '../layout/planWork';
import { describeStep, reportText } from '../layout/planText';
import { JOURNAL_VERSION } from '../layout/runJournal';
import type { Services } from '../services';
import { isRegion } from '../shared/regions';
import { nameList } from '../shared/nameList';
import type { TenantContents } from '../tenants/tenantContents';
import type { TenantNode } from '../tree/tenantNode';
import { ActionableError } from '../commands/actionableError';
import { Cancelled } from '../commands/targets';
import { withRunProgress } from '../ui/progress';
import { assertCanWrite } from '../commands/writeAccess';
import { PLAN_SCHEME } from './layoutDocuments';
import { fileName, freshContents, groupsOf, now, setTenantSide, showPlan, stepList, tenantText } from './layoutEditors';
import type { Preview, PlanSession, Run } from './planSession';

type Ran = (run: Run, groupsAfter: TenantContents['groups'], afterJson: GroupsJson) => void;

/** The session a command was run on, its tenant, and the command held on it until it is done. */
async function holding<T>(services: Services, planUri: vscode.Uri | undefined, command: string,
  task: (session: PlanSession, tenantNode: TenantNode, ran: Ran) => Promise<T>): Promise<T> {
  const session = services.layouts.sessions.target(planUri);
  const tenantNode = services.tree.tenantNode(session.tenantKey);
  if (!tenantNode) throw new Error(vscode.l10n.t('The tenant of this plan is no longer open.'));
  try {
    return await session.working(command, (ran) => {
      services.layouts.sessions.updateContexts();
      return task(session, tenantNode, ran);
    });
  } finally {
    services.layouts.sessions.updateContexts();
  }
}

/** The steps are for the file as it was previewed, not as it has been edited since. */
async function assertFileAsPreviewed(services: Services, preview: Preview): Promise<void> {
  const text = (await vscode.workspace.openTextDocument(preview.file)).getText();
  if (await services.layouts.worker.run({ kind: 'hash', text }) === preview.textHash) return;
  throw new ActionableError(vscode.l10n.t('{0} changed since the preview: nothing was sent. Preview the plan again.', fileName(preview.file)),
    vscode.l10n.t('Preview Plan'), async () => vscode.commands.executeCommand('connectorGroups.previewPlan', preview.file));
}

export async function applyPlan(services: Services, planUri?: vscode.Uri): Promise<ApplyResult | undefined> {
  return holding(services, planUri, vscode.l10n.t('Apply Plan'), async (session, tenantNode, ran) => {
    const { tenant } = tenantNode;
    const preview = session.preview;
    if (!preview || (session.state.kind === 'idle' && preview.steps.length > 0)) throw new Error(vscode.l10n.t('Preview a plan first: Preview Plan on a layout file.'));
    if (preview.steps.length === 0) {
      services.prompts.info(vscode.l10n.t("Nothing to apply: '{0}' already matches {1}.", tenant.displayName, fileName(preview.file)));
      return undefined;
    }
    if (!session.canApply) throw new Error(vscode.l10n.t('This plan has run already: Resume or Undo it, or preview the file again.'));
    assertCanWrite(tenant, vscode.l10n.t('Apply Plan'));
    await assertFileAsPreviewed(services, preview);
    const question = preview.steps.length === 1
      ? vscode.l10n.t("Apply 1 step to '{0}'?", tenant.displayName)
      : vscode.l10n.t("Apply {0} steps to '{1}'?", preview.steps.length, tenant.displayName);
    const detail = [...preview.warnings, stepList(preview.steps)].join('\n\n');
    if (!(await services.prompts.confirm(question, detail, vscode.l10n.t('Apply')))) throw new Cancelled();
    // Someone else may have changed the tenant since the preview: the steps were planned for what it was.
    const contents = await freshContents(services, tenantNode);
    const now = await groupsOf(contents);
    const changed = await services.layouts.worker.run({ kind: 'changed', before: preview.snapshot, now });
    if (changed.length > 0) {
      throw new ActionableError(
        vscode.l10n.t("'{0}' changed since the preview ({1}): nothing was sent. Preview the plan again.", tenant.displayName, nameList(changed.map((n) => `'${n}'`))),
        vscode.l10n.t('Preview Plan'), async () => vscode.commands.executeCommand('connectorGroups.previewPlan', preview.file));
    }
    return run(services, session, preview, tenantNode, { contents, now }, preview.steps, false, ran, vscode.l10n.t('Apply Plan'));
  });
}

export async function resumeApply(services: Services, planUri?: vscode.Uri): Promise<ApplyResult | undefined> {
  return holding(services, planUri, vscode.l10n.t('Resume'), async (session, tenantNode, ran) => {
    const last = session.stoppedRun;
    const preview = session.preview;
    if (!last || !preview) throw new Error(vscode.l10n.t('There is no stopped run to resume.'));
    const { tenant } = tenantNode;
    assertCanWrite(tenant, vscode.l10n.t('Resume'));
    // The same gates as Apply: the file as previewed, what will be sent shown and confirmed.
    await assertFileAsPreviewed(services, preview);
    // What is left is planned again from the tenant as it is now: a step that half happened (a batch
    // with some items moved, an answer lost) is finished, not repeated.
    const contents = await freshContents(services, tenantNode);
    const now = await groupsOf(contents);
    const planned = await services.layouts.worker.run({ kind: 'plan', groups: now, text: preview.layoutText });
    if (!planned.ok) throw new Error(vscode.l10n.t('The rest cannot be planned: {0}', planned.problems[0].message));
    const { plan, notes } = planned;
    if (!plan.ok) throw new Error(vscode.l10n.t('The rest cannot be planned: {0}', plan.refusals.join(' ')));
    if (plan.steps.length === 0) {
      services.prompts.info(vscode.l10n.t("Nothing left to do: '{0}' already matches {1}.", tenant.displayName, fileName(preview.file)));
      return undefined;
    }
    // Anything beyond the untried remainder (someone changed the tenant since the run stopped) is said.
    const remainder = remainingSteps(last.steps, last.result, contents.groups).map(describeStep);
    const asPlanned = plan.steps.length === remainder.length && plan.steps.every((step, i) => describeStep(step) === remainder[i]);
    const origin = asPlanned
      ? vscode.l10n.t('These are the steps the run did not finish.')
      : vscode.l10n.t("'{0}' changed since the run stopped: these steps are planned anew from it, and differ from what the run left.", tenant.displayName);
    const question = plan.steps.length === 1
      ? vscode.l10n.t("Resume with 1 step on '{0}'?", tenant.displayName)
      : vscode.l10n.t("Resume with {0} steps on '{1}'?", plan.steps.length, tenant.displayName);
    const detail = [origin, ...notes, stepList(plan.steps)].join('\n\n');
    if (!(await services.prompts.confirm(question, detail, vscode.l10n.t('Resume')))) throw new Cancelled();
    return run(services, session, preview, tenantNode, { contents, now }, plan.steps, false, ran, vscode.l10n.t('Resume'));
  });
}

export async function undoApply(services: Services, planUri?: vscode.Uri): Promise<ApplyResult | undefined> {
  return holding(services, planUri, vscode.l10n.t('Undo'), async (session, tenantNode, ran) => {
    const preview = session.preview;
    if (!session.canUndo || !preview) throw new Error(vscode.l10n.t('Nothing to undo: no run on this tenant changed anything.'));
    const { tenant } = tenantNode;
    assertCanWrite(tenant, vscode.l10n.t('Undo'));
    const planned = session.undoPlan();
    // A region outside Graph's list cannot be set again: that step is left out, and said, so the
    // rest (what was moved out of the group before) still goes back.
    const steps = planned.filter((step) => step.kind !== 'setRegion' || isRegion(step.to));
    const skipped = planned.filter((step) => !steps.includes(step)).map((step) => step.kind === 'setRegion'
      ? vscode.l10n.t("'{0}' stays in '{1}': its region before, '{2}', is one Graph does not take.", step.name, step.from, step.to || vscode.l10n.t('none'))
      : '');
    // Read before asking, so the question says what the undo cuts off and what changed since the run.
    const contents = await freshContents(services, tenantNode);
    const now = await groupsOf(contents);
    const changed = session.afterRun ? await services.layouts.worker.run({ kind: 'changed', before: session.afterRun, now }) : [];
    const drift = changed.length > 0
      ? [vscode.l10n.t("'{0}' changed since the run ({1}): Undo takes back the run's changes, not these.", tenant.displayName, nameList(changed.map((n) => `'${n}'`)))]
      : [];
    const question = vscode.l10n.t("Undo every change made to '{0}' since the last Undo? {1} take them back.", tenant.displayName, stepCount(steps.length));
    const notes = await services.layouts.worker.run({ kind: 'notes', groups: now, steps });
    const detail = [...drift, ...skipped, ...notes, stepList(steps)].join('\n\n');
    if (!(await services.prompts.confirm(question, detail, vscode.l10n.t('Undo')))) throw new Cancelled();
    return run(services, session, preview, tenantNode, { contents, now }, steps, true, ran, vscode.l10n.t('Undo'));
  });
}

/** `read`: the tenant as the command read it, and as JSON (made once, for its checks and the snapshot). */
async function run(services: Services, session: PlanSession, preview: Preview, tenantNode: TenantNode, read: { contents: TenantContents; now: GroupsJson },
  steps: PlanStep[], undoing: boolean, ran: Ran, command: string): Promise<ApplyResult> {
  const { contents } = read;
  const { tenant } = tenantNode;
  const title = undoing ? vscode.l10n.t("Undoing in '{0}'", tenant.displayName) : vscode.l10n.t("Applying the plan to '{0}'", tenant.displayName);
  services.logger.info(`${undoing ? 'Undo' : 'Apply'}: ${steps.length} steps on '${tenant.displayName}' from ${fileName(preview.file)}.`);
  // The tenant as it is before the run, kept for Tenant History… (prune on: restoring it is exact).
  services.layouts.history.save(tenant.key, await tenantText(services, tenantNode, read.now, undefined, true), {
    before: command, layoutFile: fileName(preview.file), groups: contents.applicationProxyGroups().length,
  });
  const journal = services.layouts.journals.begin({
    journal: JOURNAL_VERSION, tenantKey: tenant.key, tenantName: tenant.displayName, undoing, file: preview.file.toString(), fileHash: preview.textHash,
    layoutText: preview.layoutText, planName: fileName(preview.planUri), steps, startedAt: new Date().toISOString(), ...session.undoBase(),
  });
  const result = await withRunProgress(title, (report, cancelled) => applySteps(contents, steps, {
    cancelled,
    starting: (index, step) => {
      // A create whose answer is lost to a crash is found later by its name among groups not there now.
      journal.append({ started: index, ...(step.kind === 'create' ? { sameName: contents.groups.filter((g) => g.name === step.name).map((g) => g.id) } : {}) });
      report(`${index + 1}/${steps.length}: ${describeStep(step)}`, index === 0 ? 0 : 100 / steps.length);
    },
    finished: (index, outcome, change, created) => journal.append({ step: index, outcome, ...(change ? { change } : {}), ...(created ? { created } : {}) }),
  }));
  journal.append({ finishedAt: new Date().toISOString(), cancelled: result.cancelled });
  const after = await groupsOf(contents);
  ran({ steps, result, undoing }, contents.groups, after);
  // A run that leaves nothing to undo or resume leaves nothing for a reload to offer.
  if (!session.canUndo && !session.stoppedRun) services.layouts.journals.remove(tenant.key);
  services.layouts.documents.set(PLAN_SCHEME, preview.planUri.path.slice(1), reportText(steps, result, [
    undoing ? vscode.l10n.t('Undo of {0} in {1}', fileName(preview.file), tenant.displayName) : vscode.l10n.t('Run of {0} on {1}', fileName(preview.file), tenant.displayName),
    vscode.l10n.t('Finished at {0}.', now()),
  ]));
  // The tree and the tenant's side of the diff show the tenant as the run left it.
  await services.tree.refresh(tenantNode);
  setTenantSide(services, tenantNode, await tenantText(services, tenantNode, after, preview.layoutText));
  tell(services, session, preview, steps, result, undoing);
  return result;
}

function tell(services: Services, session: PlanSession, preview: Preview, steps: PlanStep[], result: ApplyResult, undoing: boolean): void {
  const done = result.outcomes.filter((o) => o.state === 'done').length;
  const failedAt = result.outcomes.findIndex((o) => o.state === 'failed');
  const resume = vscode.l10n.t('Resume');
  const undo = vscode.l10n.t('Undo');
  const showReport = vscode.l10n.t('Show Report');
  // The buttons act on this tenant's plan, whichever editor is active when they are clicked.
  const act = (choice: string | undefined) => {
    if (choice === resume) void vscode.commands.executeCommand('connectorGroups.resumeApply', preview.planUri);
    if (choice === undo) void vscode.commands.executeCommand('connectorGroups.undoApply', preview.planUri);
    if (choice === showReport) void showPlan(preview.planUri, true);
  };
  const canUndo = session.undoPlan().length > 0 ? [undo] : [];
  const notTried = result.outcomes.filter((o) => o.state === 'notTried').length;
  if (failedAt >= 0) {
    const outcome = result.outcomes[failedAt];
    const message = vscode.l10n.t('Step {0} of {1} failed: {2} Done: {3}; not tried: {4}.', failedAt + 1, steps.length, outcome.message ?? '', done, notTried);
    services.logger.error(message);
    void services.prompts.error(message, ...(undoing ? [] : [resume]), ...canUndo, showReport).then(act);
  } else if (result.cancelled) {
    void services.prompts.notify(vscode.l10n.t('Stopped after {0} of {1}, as asked; {2} not tried.', done, stepCount(steps.length), notTried), ...(undoing ? [] : [resume]), ...canUndo, showReport).then(act);
  } else if (undoing) {
    // Undo takes back every run since the last Undo, not only the last plan's: said, so no one thinks an earlier run stays.
    services.prompts.info(vscode.l10n.t('Undone: {0} took back every change since the last Undo (the last plan applied: {1}).', stepCount(done), fileName(preview.file)));
  } else {
    void services.prompts.notify(vscode.l10n.t('Applied {0}: the tenant matches {1}.', stepCount(done), fileName(preview.file)), ...canUndo, showReport).then(act);
  }
}
