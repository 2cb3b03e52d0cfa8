// The layout loop: Export Layout writes a tenant as a `*.connectorgroups.json` file; Preview Plan
// shows the tenant beside the file and the numbered steps between them; Apply Plan runs them after
// checking nobody changed the tenant since; Resume and Undo pick up a run that stopped; Compare with
// Tenant says whether a saved layout still holds.
import * as vscode from 'vscode';
import type { ConnectorGroupWithContents } from '../graph/types';
import { applySteps, remainingSteps, undoSteps, type ApplyResult, type DoneChange } from '../layout/applyPlan';
import { PLAN_LANGUAGE, PLAN_SCHEME, TENANT_LAYOUT_SCHEME } from '../layout/layoutDocuments';
import { LAYOUT_SUFFIX, readLayout, writeLayout, type Layout } from '../layout/layoutFile';
import { planNotes } from '../layout/planImpact';
import { isRegion } from '../shared/regions';
import { planLayout, type PlanStep } from '../layout/planner';
import { describeStep, planText, refusalText, reportText } from '../layout/planText';
import { changedGroups, tenantLayout } from '../layout/tenantLayout';
import { nameList } from '../shared/nameList';
import type { TenantContents } from '../tenants/tenantContents';
import type { TenantNode } from '../tree/tenantNode';
import type { TreeNode } from '../tree/treeNode';
import { ActionableError } from './actionableError';
import { saveTextAs } from './exportCommands';
import { fileNamePart } from './exportDocuments';
import type { Services } from './services';
import { Cancelled, loadedContents, pickTenant } from './targets';
import { assertCanWrite } from './writeAccess';

/** The last preview and what its runs did, so Apply, Resume and Undo know where they are. */
export interface PlanSession {
  file: vscode.Uri;
  /** The file's text as previewed: the steps are for that text. */
  text: string;
  tenantKey: string;
  layout: Layout;
  /** The tenant as the preview read it. */
  snapshot: ConnectorGroupWithContents[];
  steps: PlanStep[];
  /** Applications the plan cuts off (at the end or between steps) and what Undo cannot take back, in sentences. */
  warnings: string[];
  planUri: vscode.Uri;
  /** Every change made by this session's runs, in order: what Undo takes back. */
  done: DoneChange[];
  /** The steps of an Undo that stopped, still to run. */
  pendingUndo?: PlanStep[];
  /** The tenant as the last run left it, to tell what changed since (one copy, replaced by each run). */
  afterRun?: ConnectorGroupWithContents[];
  /** The last run: its steps and their outcomes. */
  lastRun?: { steps: PlanStep[]; result: ApplyResult; undoing: boolean };
  /** While Apply, Resume or Undo works on this session (a second one waits for nothing: it is refused). */
  busy?: boolean;
}

/** Runs one of Apply, Resume and Undo at a time on a session. */
async function exclusively<T>(session: PlanSession, task: () => Promise<T>): Promise<T> {
  if (session.busy) throw new Error(vscode.l10n.t('A run of this plan is already under way; wait for it to finish.'));
  session.busy = true;
  try {
    return await task();
  } finally {
    session.busy = false;
  }
}

const fileName = (uri: vscode.Uri) => uri.path.split('/').pop() ?? uri.path;
/** The time in the plan and report: UTC, to the second, the same for every reader. */
const now = () => `${new Date().toISOString().replace('T', ' ').slice(0, 19)} UTC`;

function setContexts(session: PlanSession | undefined): void {
  const run = session?.lastRun;
  const stopped = run !== undefined && !run.undoing && run.result.outcomes.some((o) => o.state !== 'done');
  void vscode.commands.executeCommand('setContext', 'connectorGroups.planReady', (session?.steps.length ?? 0) > 0 && run === undefined);
  void vscode.commands.executeCommand('setContext', 'connectorGroups.applyStopped', stopped);
  void vscode.commands.executeCommand('setContext', 'connectorGroups.canUndo', (session?.done.length ?? 0) > 0);
}

export async function exportLayout(services: Services, node?: TreeNode): Promise<vscode.Uri> {
  const tenantNode = await pickTenant(services, node);
  const contents = await loadedContents(tenantNode);
  const { tenant } = tenantNode;
  const text = writeLayout(tenantLayout(contents.groups, { id: tenant.tenantId, displayName: tenant.displayName }));
  // The suffix is what gives the file its schema and its Preview Plan button.
  const target = await saveTextAs(services, `${fileNamePart(tenant.displayName)}${LAYOUT_SUFFIX}`, text,
    (picked) => (picked.path.endsWith(LAYOUT_SUFFIX) ? picked : picked.with({ path: picked.path.replace(/(\.json)?$/, LAYOUT_SUFFIX) })));
  services.logger.info(`Exported the layout of '${tenant.displayName}' to ${fileName(target)}.`);
  return target;
}

/**
 * A plan is of the file as saved: one previewed from unsaved text would be applied from a file that
 * says something else on disk (and in review). Asks to save first.
 */
async function savedFirst(services: Services, document: vscode.TextDocument): Promise<void> {
  if (!document.isDirty) return;
  const save = vscode.l10n.t('Save and Preview');
  if (!(await services.prompts.confirm(vscode.l10n.t("'{0}' has changes that are not saved.", fileName(document.uri)),
    vscode.l10n.t('The plan is made from the file as saved, so what is applied is what is kept and reviewed.'), save))) {
    throw new Cancelled();
  }
  if (!(await document.save())) throw new Error(vscode.l10n.t("'{0}' could not be saved.", fileName(document.uri)));
}

/** The layout file a command acts on: the one passed (editor title), else the active editor's. */
async function layoutDocument(uri?: vscode.Uri): Promise<vscode.TextDocument> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!target || !target.path.endsWith(LAYOUT_SUFFIX)) {
    throw new Error(vscode.l10n.t('Open a {0} file first (Export Layout on a tenant writes one).', `*${LAYOUT_SUFFIX}`));
  }
  return vscode.workspace.openTextDocument(target);
}

function readFile(document: vscode.TextDocument): Layout {
  const read = readLayout(document.getText());
  if (read.ok) return read.layout;
  const [first] = read.problems;
  const line = document.positionAt(first.span.offset).line + 1;
  throw new Error(read.problems.length === 1
    ? vscode.l10n.t('{0} has a problem on line {1}: {2}', fileName(document.uri), line, first.message)
    : vscode.l10n.t('{0} has {1} problems (marked in the editor); the first, on line {2}: {3}', fileName(document.uri), read.problems.length, line, first.message));
}

/** The open tenant the layout is for (tenants whose id is not known yet are read first). */
async function tenantFor(services: Services, layout: Layout): Promise<TenantNode> {
  const id = layout.tenant.id.toLowerCase();
  for (const node of services.tree.roots()) {
    if (!node.tenant.tenantId) await loadedContents(node).catch(() => undefined);
    if (node.tenant.tenantId.toLowerCase() === id) return node;
  }
  const name = layout.tenant.displayName ? `'${layout.tenant.displayName}' (${layout.tenant.id})` : layout.tenant.id;
  throw new ActionableError(vscode.l10n.t('The layout is for the tenant {0}, which is not open in the Connector Groups view.', name),
    vscode.l10n.t('Add Tenant…'), async () => vscode.commands.executeCommand('connectorGroups.addTenant'));
}

/** The tenant read now (the tree shows the same read); a failed read is the command's failure. */
async function freshContents(services: Services, tenantNode: TenantNode): Promise<TenantContents> {
  const contents = tenantNode.contents;
  if (contents.state.kind === 'loaded') {
    await services.tree.refresh(tenantNode);
    const state = contents.state as TenantContents['state'];
    if (state.kind === 'loaded' && state.staleError) throw state.staleError;
    return contents;
  }
  return loadedContents(tenantNode);
}

/** The tenant as a layout, in the file's order, so the diff shows only what differs. */
function setTenantSide(services: Services, tenantNode: TenantNode, groups: ConnectorGroupWithContents[], layout: Layout): vscode.Uri {
  const { tenant } = tenantNode;
  return services.layouts.documents.set(TENANT_LAYOUT_SCHEME, `${fileNamePart(tenant.displayName)} (tenant)${LAYOUT_SUFFIX}`,
    writeLayout(tenantLayout(groups, { id: tenant.tenantId, displayName: tenant.displayName }, layout)));
}

async function showDiff(services: Services, document: vscode.TextDocument, tenantNode: TenantNode, groups: ConnectorGroupWithContents[], layout: Layout): Promise<void> {
  const { tenant } = tenantNode;
  const left = setTenantSide(services, tenantNode, groups, layout);
  await vscode.commands.executeCommand('vscode.diff', left, document.uri, vscode.l10n.t('{0} (tenant) ↔ {1}', tenant.displayName, fileName(document.uri)), { preview: false });
}

/** The plan beside the diff, in its own language (steps and outcomes coloured, long lines wrapped). */
async function showPlan(uri: vscode.Uri, focus: boolean): Promise<void> {
  const document = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), PLAN_LANGUAGE);
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: !focus });
}

function heading(session: { file: vscode.Uri; layout: Layout; warnings: string[] }, tenantNode: TenantNode, steps: PlanStep[]): string[] {
  return [
    vscode.l10n.t('Plan: {0} → {1} ({2})', fileName(session.file), tenantNode.tenant.displayName, tenantNode.tenant.tenantId),
    vscode.l10n.t('Read from the tenant at {0}.', now()),
    session.layout.prune
      ? vscode.l10n.t('prune is on: groups the file leaves out are deleted, and what it leaves out goes to the default group.')
      : vscode.l10n.t('prune is off: nothing the file does not mention is touched.'),
    steps.length === 1 ? vscode.l10n.t('1 step.') : vscode.l10n.t('{0} steps.', steps.length),
    ...session.warnings.map((w) => vscode.l10n.t('Warning: {0}', w)),
  ];
}

export async function previewPlan(services: Services, uri?: vscode.Uri): Promise<{ steps: PlanStep[] }> {
  const document = await layoutDocument(uri);
  await savedFirst(services, document);
  const layout = readFile(document);
  const tenantNode = await tenantFor(services, layout);
  const contents = await freshContents(services, tenantNode);
  const plan = planLayout(contents.groups, layout);
  await showDiff(services, document, tenantNode, contents.groups, layout);
  const name = `${vscode.l10n.t('Plan')} – ${fileName(document.uri).slice(0, -LAYOUT_SUFFIX.length)}.txt`;
  if (!plan.ok) {
    const text = refusalText(vscode.l10n.t('{0} cannot be applied to {1}, and nothing was sent:', fileName(document.uri), tenantNode.tenant.displayName), plan.refusals);
    const planUri = services.layouts.documents.set(PLAN_SCHEME, name, text);
    await showPlan(planUri, false);
    services.layouts.session = undefined;
    setContexts(undefined);
    throw new Error(plan.refusals.length === 1
      ? vscode.l10n.t('Nothing was sent: {0}', plan.refusals[0])
      : vscode.l10n.t('Nothing was sent: {0} (and {1} more reasons, listed beside the diff).', plan.refusals[0], plan.refusals.length - 1));
  }
  const session: PlanSession = {
    file: document.uri, text: document.getText(), tenantKey: tenantNode.tenant.key, layout, snapshot: structuredClone(contents.groups), steps: plan.steps,
    planUri: vscode.Uri.from({ scheme: PLAN_SCHEME, path: `/${name}` }), done: [], warnings: planNotes(contents.groups, plan.steps),
  };
  services.layouts.documents.set(PLAN_SCHEME, name, planText(plan.steps, heading(session, tenantNode, plan.steps)));
  // The plan takes the focus: its title bar holds Apply Plan.
  await showPlan(session.planUri, true);
  services.layouts.session = session;
  setContexts(session);
  return { steps: plan.steps };
}

/** The last preview, and its tenant; `planUri` is the plan tab a button was clicked on, if any. */
function sessionTenant(services: Services, planUri?: vscode.Uri): { session: PlanSession; tenantNode: TenantNode } {
  const session = services.layouts.session;
  if (!session) throw new Error(vscode.l10n.t('Preview a plan first: Preview Plan on a {0} file.', `*${LAYOUT_SUFFIX}`));
  if (planUri?.scheme === PLAN_SCHEME && planUri.toString() !== session.planUri.toString()) {
    const name = planUri.path.replace(/^\/[^–]*– /, '').replace(/\.txt$/, LAYOUT_SUFFIX);
    throw new Error(vscode.l10n.t('This plan was replaced by the preview of {0}: preview {1} again to apply it.', fileName(session.file), name));
  }
  const tenantNode = services.tree.tenantNode(session.tenantKey);
  if (!tenantNode) throw new Error(vscode.l10n.t('The tenant of the last plan is no longer open.'));
  return { session, tenantNode };
}

function stepList(steps: PlanStep[]): string {
  const shown = steps.slice(0, 8).map((s, i) => `${i + 1}. ${describeStep(s)}`);
  if (steps.length > shown.length) shown.push(vscode.l10n.t('… and {0} more', steps.length - shown.length));
  return shown.join('\n');
}

export async function applyPlan(services: Services, planUri?: vscode.Uri): Promise<ApplyResult | undefined> {
  const { session, tenantNode } = sessionTenant(services, planUri);
  return exclusively(session, () => applyPlanNow(services, session, tenantNode));
}

async function applyPlanNow(services: Services, session: PlanSession, tenantNode: TenantNode): Promise<ApplyResult | undefined> {
  const { tenant } = tenantNode;
  if (session.lastRun) throw new Error(vscode.l10n.t('This plan has run already: Resume or Undo it, or preview the file again.'));
  if (session.steps.length === 0) {
    services.prompts.info(vscode.l10n.t("Nothing to apply: '{0}' already matches {1}.", tenant.displayName, fileName(session.file)));
    return undefined;
  }
  assertCanWrite(tenant, vscode.l10n.t('Apply Plan'));
  // The steps are for the file as it was previewed, not as it has been edited since.
  if ((await vscode.workspace.openTextDocument(session.file)).getText() !== session.text) {
    throw new ActionableError(vscode.l10n.t('{0} changed since the preview: nothing was sent. Preview the plan again.', fileName(session.file)),
      vscode.l10n.t('Preview Plan'), () => previewPlan(services, session.file));
  }
  const apply = vscode.l10n.t('Apply');
  const question = session.steps.length === 1
    ? vscode.l10n.t("Apply 1 step to '{0}'?", tenant.displayName)
    : vscode.l10n.t("Apply {0} steps to '{1}'?", session.steps.length, tenant.displayName);
  const detail = [...session.warnings, stepList(session.steps)].join('\n\n');
  if (!(await services.prompts.confirm(question, detail, apply))) throw new Cancelled();
  // Someone else may have changed the tenant since the preview: the steps were planned for what it was.
  const contents = await freshContents(services, tenantNode);
  const changed = changedGroups(session.snapshot, contents.groups);
  if (changed.length > 0) {
    throw new ActionableError(
      vscode.l10n.t("'{0}' changed since the preview ({1}): nothing was sent. Preview the plan again.", tenant.displayName, nameList(changed.map((n) => `'${n}'`))),
      vscode.l10n.t('Preview Plan'), () => previewPlan(services, session.file));
  }
  return run(services, session, tenantNode, contents, session.steps, false);
}

export async function resumeApply(services: Services, planUri?: vscode.Uri): Promise<ApplyResult | undefined> {
  const { session, tenantNode } = sessionTenant(services, planUri);
  return exclusively(session, () => resumeApplyNow(services, session, tenantNode));
}

async function resumeApplyNow(services: Services, session: PlanSession, tenantNode: TenantNode): Promise<ApplyResult | undefined> {
  const last = session.lastRun;
  if (!last || last.undoing || last.result.outcomes.every((o) => o.state === 'done')) throw new Error(vscode.l10n.t('There is no stopped run to resume.'));
  const { tenant } = tenantNode;
  assertCanWrite(tenant, vscode.l10n.t('Resume'));
  // The same gates as Apply: the file as previewed, what will be sent shown and confirmed.
  if ((await vscode.workspace.openTextDocument(session.file)).getText() !== session.text) {
    throw new ActionableError(vscode.l10n.t('{0} changed since the preview: nothing was sent. Preview the plan again.', fileName(session.file)),
      vscode.l10n.t('Preview Plan'), () => previewPlan(services, session.file));
  }
  // What is left is planned again from the tenant as it is now: a step that half happened (a batch
  // with some items moved, an answer lost) is finished, not repeated.
  const contents = await freshContents(services, tenantNode);
  const plan = planLayout(contents.groups, session.layout);
  if (!plan.ok) throw new Error(vscode.l10n.t('The rest cannot be planned: {0}', plan.refusals.join(' ')));
  if (plan.steps.length === 0) {
    services.prompts.info(vscode.l10n.t("Nothing left to do: '{0}' already matches {1}.", tenant.displayName, fileName(session.file)));
    return undefined;
  }
  // Anything beyond the untried remainder (someone changed the tenant since the run stopped) is said.
  const remainder = remainingSteps(session.steps, last.result, contents.groups).map(describeStep);
  const asPlanned = plan.steps.length === remainder.length && plan.steps.every((step, i) => describeStep(step) === remainder[i]);
  const origin = asPlanned
    ? vscode.l10n.t('These are the steps the run did not finish.')
    : vscode.l10n.t("'{0}' changed since the run stopped: these steps are planned anew from it, and differ from what the run left.", tenant.displayName);
  const question = plan.steps.length === 1
    ? vscode.l10n.t("Resume with 1 step on '{0}'?", tenant.displayName)
    : vscode.l10n.t("Resume with {0} steps on '{1}'?", plan.steps.length, tenant.displayName);
  const detail = [origin, ...planNotes(contents.groups, plan.steps), stepList(plan.steps)].join('\n\n');
  if (!(await services.prompts.confirm(question, detail, vscode.l10n.t('Resume')))) throw new Cancelled();
  return run(services, session, tenantNode, contents, plan.steps, false);
}

export async function undoApply(services: Services, planUri?: vscode.Uri): Promise<ApplyResult | undefined> {
  const { session, tenantNode } = sessionTenant(services, planUri);
  return exclusively(session, () => undoApplyNow(services, session, tenantNode));
}

async function undoApplyNow(services: Services, session: PlanSession, tenantNode: TenantNode): Promise<ApplyResult | undefined> {
  if (session.done.length === 0) throw new Error(vscode.l10n.t('Nothing to undo: no step of the last plan was done.'));
  const { tenant } = tenantNode;
  assertCanWrite(tenant, vscode.l10n.t('Undo'));
  const planned = session.pendingUndo ?? undoSteps(session.done);
  // A region outside Graph's list cannot be set again: that step is left out, and said, so the
  // rest (what was moved out of the group before) still goes back.
  const steps = planned.filter((step) => step.kind !== 'setRegion' || isRegion(step.to));
  const skipped = planned.filter((step) => !steps.includes(step)).map((step) => step.kind === 'setRegion'
    ? vscode.l10n.t("'{0}' stays in '{1}': its region before, '{2}', is one Graph does not take.", step.name, step.from, step.to || vscode.l10n.t('none'))
    : '');
  // Read before asking, so the question says what the undo cuts off and what changed since the run.
  const contents = await freshContents(services, tenantNode);
  const changed = session.afterRun ? changedGroups(session.afterRun, contents.groups) : [];
  const drift = changed.length > 0
    ? [vscode.l10n.t("'{0}' changed since the run ({1}): Undo takes back the run's changes, not these.", tenant.displayName, nameList(changed.map((n) => `'${n}'`)))]
    : [];
  const undo = vscode.l10n.t('Undo');
  const question = vscode.l10n.t("Undo the changes made to '{0}'? {1} steps take them back.", tenant.displayName, steps.length);
  const detail = [...drift, ...skipped, ...planNotes(contents.groups, steps), stepList(steps)].join('\n\n');
  if (!(await services.prompts.confirm(question, detail, undo))) throw new Cancelled();
  return run(services, session, tenantNode, contents, steps, true);
}

async function run(services: Services, session: PlanSession, tenantNode: TenantNode, contents: TenantContents, steps: PlanStep[], undoing: boolean): Promise<ApplyResult> {
  const { tenant } = tenantNode;
  const title = undoing ? vscode.l10n.t("Undoing in '{0}'", tenant.displayName) : vscode.l10n.t("Applying the plan to '{0}'", tenant.displayName);
  services.logger.info(`${undoing ? 'Undo' : 'Apply'}: ${steps.length} steps on '${tenant.displayName}' from ${fileName(session.file)}.`);
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    (progress, token) => applySteps(contents, steps, {
      cancelled: () => token.isCancellationRequested,
      starting: (index, step) => progress.report({ message: `${index + 1}/${steps.length}: ${describeStep(step)}`, increment: index === 0 ? 0 : 100 / steps.length }),
    }),
  );
  if (undoing) {
    // What was undone is no longer to undo; an Undo that stopped goes on from where it stopped.
    const finished = result.outcomes.every((o) => o.state === 'done');
    session.done = finished ? [] : session.done;
    session.pendingUndo = finished ? undefined : remainingSteps(steps, result, contents.groups);
  } else {
    session.done.push(...result.done);
  }
  session.lastRun = { steps, result, undoing };
  session.afterRun = structuredClone(contents.groups);
  services.layouts.documents.set(PLAN_SCHEME, session.planUri.path.slice(1), reportText(steps, result, [
    undoing ? vscode.l10n.t('Undo of {0} in {1}', fileName(session.file), tenant.displayName) : vscode.l10n.t('Run of {0} on {1}', fileName(session.file), tenant.displayName),
    vscode.l10n.t('Finished at {0}.', now()),
  ]));
  setContexts(session);
  // The tree and the tenant's side of the diff show the tenant as the run left it.
  await services.tree.refresh(tenantNode);
  setTenantSide(services, tenantNode, contents.groups, session.layout);
  tell(services, session, steps, result, undoing);
  return result;
}

function tell(services: Services, session: PlanSession, steps: PlanStep[], result: ApplyResult, undoing: boolean): void {
  const done = result.outcomes.filter((o) => o.state === 'done').length;
  const failedAt = result.outcomes.findIndex((o) => o.state === 'failed');
  const resume = vscode.l10n.t('Resume');
  const undo = vscode.l10n.t('Undo');
  const showReport = vscode.l10n.t('Show Report');
  const act = (choice: string | undefined) => {
    if (choice === resume) void vscode.commands.executeCommand('connectorGroups.resumeApply');
    if (choice === undo) void vscode.commands.executeCommand('connectorGroups.undoApply');
    if (choice === showReport) void showPlan(session.planUri, true);
  };
  const canUndo = session.done.length > 0 ? [undo] : [];
  const notTried = result.outcomes.filter((o) => o.state === 'notTried').length;
  if (failedAt >= 0) {
    const outcome = result.outcomes[failedAt];
    const message = vscode.l10n.t('Step {0} of {1} failed: {2} Done: {3}; not tried: {4}.', failedAt + 1, steps.length, outcome.message ?? '', done, notTried);
    services.logger.error(message);
    void services.prompts.error(message, ...(undoing ? [] : [resume]), ...canUndo, showReport).then(act);
  } else if (result.cancelled) {
    void services.prompts.notify(vscode.l10n.t('Stopped after {0} of {1} steps, as asked; {2} not tried.', done, steps.length, notTried), ...(undoing ? [] : [resume]), ...canUndo, showReport).then(act);
  } else if (undoing) {
    services.prompts.info(vscode.l10n.t('Undone: {0} steps took back the changes of {1}.', done, fileName(session.file)));
  } else {
    void services.prompts.notify(vscode.l10n.t('Applied {0} steps: the tenant matches {1}.', done, fileName(session.file)), ...canUndo, showReport).then(act);
  }
}

export async function compareWithTenant(services: Services, uri?: vscode.Uri): Promise<{ differences: number }> {
  const document = await layoutDocument(uri);
  const layout = readFile(document);
  const tenantNode = await tenantFor(services, layout);
  const contents = await freshContents(services, tenantNode);
  await showDiff(services, document, tenantNode, contents.groups, layout);
  const plan = planLayout(contents.groups, layout);
  const name = tenantNode.tenant.displayName;
  if (!plan.ok) {
    services.prompts.info(vscode.l10n.t("'{0}' differs from {1}, and the file cannot be applied as it is: {2}", name, fileName(document.uri), plan.refusals[0]));
    return { differences: -1 };
  }
  services.prompts.info(plan.steps.length === 0
    ? vscode.l10n.t("'{0}' matches {1}.", name, fileName(document.uri))
    : vscode.l10n.t("'{0}' differs from {1}: {2} steps would make it match (Preview Plan lists them).", name, fileName(document.uri), plan.steps.length));
  return { differences: plan.steps.length };
}
