// What the layout commands share with the editors: the layout file a command acts on (saved first,
// read with its problems placed), the tenant it names, read afresh, and the diff and plan tabs.
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import type { ConnectorGroupWithContents } from '../graph/types';
import { LAYOUT_SUFFIX, readLayout, writeLayout, type Layout } from '../layout/layoutFile';
import type { PlanStep } from '../layout/planner';
import { describeStep } from '../layout/planText';
import { tenantLayout } from '../layout/tenantLayout';
import type { Services } from '../services';
import type { TenantContents } from '../tenants/tenantContents';
import type { TenantNode } from '../tree/tenantNode';
import { ActionableError } from '../commands/actionableError';
import { fileNamePart } from '../commands/exportDocuments';
import { Cancelled, loadedContents } from '../commands/targets';
import { PLAN_LANGUAGE, TENANT_LAYOUT_SCHEME } from './layoutDocuments';

export const fileName = (uri: vscode.Uri) => uri.path.split('/').pop() ?? uri.path;
/** What a plan keeps of the file's text to tell later whether it changed. */
export const textHash = (text: string) => createHash('sha256').update(text).digest('base64');
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

export function readFile(document: vscode.TextDocument): Layout {
  const read = readLayout(document.getText());
  if (read.ok) return read.layout;
  const [first] = read.problems;
  const line = document.positionAt(first.span.offset).line + 1;
  throw new Error(read.problems.length === 1
    ? vscode.l10n.t('{0} has a problem on line {1}: {2}', fileName(document.uri), line, first.message)
    : vscode.l10n.t('{0} has {1} problems (marked in the editor); the first, on line {2}: {3}', fileName(document.uri), read.problems.length, line, first.message));
}

/** The open tenant the layout is for (tenants whose id is not known yet are read first). */
export async function tenantFor(services: Services, layout: Layout): Promise<TenantNode> {
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

/** The tenant as a layout, in the file's order, so the diff shows only what differs. */
export function setTenantSide(services: Services, tenantNode: TenantNode, groups: ConnectorGroupWithContents[], layout: Layout): vscode.Uri {
  const { tenant } = tenantNode;
  return services.layouts.documents.set(TENANT_LAYOUT_SCHEME, `${fileNamePart(tenant.displayName)} (tenant)${LAYOUT_SUFFIX}`,
    writeLayout(tenantLayout(groups, { id: tenant.tenantId, displayName: tenant.displayName }, layout)));
}

export async function showDiff(services: Services, document: vscode.TextDocument, tenantNode: TenantNode, groups: ConnectorGroupWithContents[], layout: Layout): Promise<void> {
  const left = setTenantSide(services, tenantNode, groups, layout);
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
