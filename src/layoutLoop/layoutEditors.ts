// What the layout commands share with the editors: the layout file a command acts on (saved first,
// read with its problems placed), the tenant it names, read afresh, and the diff and plan tabs.
import * as vscode from 'vscode';
import { LAYOUT_SUFFIX, type Layout, type LayoutProblem } from '../layout/layoutFile';
import { groupsJson } from '../layout/planClient';
import type { GroupsJson } from '../layout/planWork';
import type { PlanStep } from '../layout/planner';
import { describeStep } from '../layout/planText';
import type { Services } from '../services';
import type { TenantContents } from '../tenants/tenantContents';
import type { TenantNode } from '../tree/tenantNode';
import { ActionableError } from '../commands/actionableError';
import { fileNamePart } from '../commands/exportDocuments';
import { Cancelled, loadedContents } from '../commands/targets';
import { PLAN_LANGUAGE, TENANT_LAYOUT_SCHEME } from './layoutDocuments';

export const fileName = (uri: vscode.Uri) => uri.path.split('/').pop() ?? uri.path;
/** The time in the plan and report: UTC, to the second, the same for every reader. */
export const now = () => `${new Date().toISOString().replace('T', ' ').slice(0, 19)} UTC`;

/**
 * A plan is of the file as saved: one previewed from unsaved text would be applied from a file that
 * says something else on disk (and in review). Asks to save first.
 */
export async function savedFirst(services: Services, document: vscode.TextDocument): Promise<void> {
  if (!document.isDirty) return;
  const save = vscode.l10n.t('Save and Preview');
  if (!(await services.prompts.confirm(vscode.l10n.t("'{0}' has changes that are not saved.", fileName(document.uri)),
    vscode.l10n.t('The plan is made from the file as saved, so what is applied is what is kept and reviewed.'), save))) {
    throw new Cancelled();
  }
  if (!(await document.save())) throw new Error(vscode.l10n.t("'{0}' could not be saved.", fileName(document.uri)));
}

/** The layout file a command acts on: the one passed (editor title), else the active editor's. */
export async function layoutDocument(uri?: vscode.Uri): Promise<vscode.TextDocument> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!target || !target.path.endsWith(LAYOUT_SUFFIX)) {
    throw new Error(vscode.l10n.t('Open a {0} file first (Export Layout on a tenant writes one).', `*${LAYOUT_SUFFIX}`));
  }
  return vscode.workspace.openTextDocument(target);
}

/** The file's problems as the command's failure: the first, with its line, and how many there are. */
export function fileProblems(document: vscode.TextDocument, problems: LayoutProblem[]): Error {
  const [first] = problems;
  const line = document.positionAt(first.span.offset).line + 1;
  return new Error(problems.length === 1
    ? vscode.l10n.t('{0} has a problem on line {1}: {2}', fileName(document.uri), line, first.message)
    : vscode.l10n.t('{0} has {1} problems (marked in the editor); the first, on line {2}: {3}', fileName(document.uri), problems.length, line, first.message));
}

/** The tenant's groups as the plan worker takes them. */
export const groupsOf = (contents: TenantContents) => groupsJson(contents.groups);

/** The tenant written as a layout by the plan worker (ordered like `like`; prune as given). */
export async function tenantText(services: Services, tenantNode: TenantNode, groups: GroupsJson, like?: string, prune?: boolean): Promise<string> {
  const { tenant } = tenantNode;
  return services.layouts.worker.run({ kind: 'write', groups, tenant: { id: tenant.tenantId, displayName: tenant.displayName }, ...(like ? { like } : {}), ...(prune !== undefined ? { prune } : {}) });
}

/** The tenant a layout file is for, read in the worker; a file that cannot be read fails the command. */
export async function layoutTenant(services: Services, document: vscode.TextDocument): Promise<Layout['tenant']> {
  const answer = await services.layouts.worker.run({ kind: 'tenant', text: document.getText() });
  if (!answer.ok) throw fileProblems(document, answer.problems);
  return answer.tenant;
}

/** The open tenant the layout is for (tenants whose id is not known yet are read first). */
export async function tenantFor(services: Services, wanted: Layout['tenant']): Promise<TenantNode> {
  const id = wanted.id.toLowerCase();
  for (const node of services.tree.roots()) {
    if (!node.tenant.tenantId) await loadedContents(node).catch(() => undefined);
    if (node.tenant.tenantId.toLowerCase() === id) return node;
  }
  const name = wanted.displayName ? `'${wanted.displayName}' (${wanted.id})` : wanted.id;
  throw new ActionableError(vscode.l10n.t('The layout is for the tenant {0}, which is not open in the Connector Groups view.', name),
    vscode.l10n.t('Add Tenant…'), async () => vscode.commands.executeCommand('connectorGroups.addTenant'));
}

/** The tenant read now (the tree shows the same read); a failed read is the command's failure. */
export async function freshContents(services: Services, tenantNode: TenantNode): Promise<TenantContents> {
  const contents = tenantNode.contents;
  if (contents.state.kind === 'loaded') {
    await services.tree.refresh(tenantNode);
    const state = contents.state as TenantContents['state'];
    if (state.kind === 'loaded' && state.staleError) throw state.staleError;
    return contents;
  }
  return loadedContents(tenantNode);
}

/** The tenant's side of the diff: the tenant as a layout in the file's order, so only what differs shows. */
export function setTenantSide(services: Services, tenantNode: TenantNode, text: string): vscode.Uri {
  return services.layouts.documents.set(TENANT_LAYOUT_SCHEME, `${fileNamePart(tenantNode.tenant.displayName)} (tenant)${LAYOUT_SUFFIX}`, text);
}

export async function showDiff(services: Services, document: vscode.TextDocument, tenantNode: TenantNode, tenantSide: string): Promise<void> {
  const left = setTenantSide(services, tenantNode, tenantSide);
  await vscode.commands.executeCommand('vscode.diff', left, document.uri, vscode.l10n.t('{0} (tenant) ↔ {1}', tenantNode.tenant.displayName, fileName(document.uri)), { preview: false });
}

/** The plan beside the diff, in its own language (steps and outcomes coloured, long lines wrapped). */
export async function showPlan(uri: vscode.Uri, focus: boolean): Promise<void> {
  const document = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), PLAN_LANGUAGE);
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: !focus });
}

/** The first steps, numbered, for a confirmation. */
export function stepList(steps: PlanStep[]): string {
  const shown = steps.slice(0, 8).map((s, i) => `${i + 1}. ${describeStep(s)}`);
  if (steps.length > shown.length) shown.push(vscode.l10n.t('… and {0} more', steps.length - shown.length));
  return shown.join('\n');
}
