// The layout loop's reading commands: Export Layout writes a tenant as a `*.connectorgroups.json`
// file; Preview Plan shows the tenant beside the file and the numbered steps between them (the
// tenant's plan session keeps them for Apply); Compare with Tenant says whether a layout still holds.
import * as vscode from 'vscode';
import { stepCount } from '../shared/counts';
import { LAYOUT_SUFFIX } from '../layout/layoutFile';
import type { PlanStep } from '../layout/planner';
import { planText, refusalText } from '../layout/planText';
import type { Services } from '../services';
import type { TenantNode } from '../tree/tenantNode';
import type { TreeNode } from '../tree/treeNode';
import { saveTextAs } from '../commands/exportCommands';
import { loadedContents, pickTenant } from '../commands/targets';
import { PLAN_SCHEME } from './layoutDocuments';
import { fileName, fileProblems, freshContents, groupsOf, layoutDocument, layoutTenant, now, savedFirst, showDiff, showPlan, tenantFor, tenantText } from './layoutEditors';
import type { PlanSession } from './planSession';

export async function exportLayout(services: Services, node?: TreeNode): Promise<vscode.Uri> {
  const tenantNode = await pickTenant(services, node);
  const contents = await loadedContents(tenantNode);
  const { tenant } = tenantNode;
  const text = await tenantText(services, tenantNode, await groupsOf(contents));
  // The suffix is what gives the file its schema and its Preview Plan button.
  const target = await saveTextAs(services, `${repositoryName(tenant.displayName)}${LAYOUT_SUFFIX}`, text,
    (picked) => (picked.path.endsWith(LAYOUT_SUFFIX) ? picked : picked.with({ path: picked.path.replace(/(\.json)?$/, LAYOUT_SUFFIX) })));
  services.logger.info(`Exported the layout of '${tenant.displayName}' to ${fileName(target)}.`);
  return target;
}

function heading(file: vscode.Uri, prune: boolean, warnings: string[], tenantNode: TenantNode, steps: PlanStep[], session: PlanSession): string[] {
  const undoable = session.canUndo
    ? [vscode.l10n.t('Undo still takes back what the earlier runs on this tenant did; applying this plan adds to it.')]
    : [];
  return [
    vscode.l10n.t('Plan: {0} → {1} ({2})', fileName(file), tenantNode.tenant.displayName, tenantNode.tenant.tenantId),
    vscode.l10n.t('Read from the tenant at {0}.', now()),
    prune
      ? vscode.l10n.t('prune is on: groups the file leaves out are deleted, and what it leaves out goes to the default group.')
      : vscode.l10n.t('prune is off: nothing the file does not mention is touched.'),
    steps.length === 1 ? vscode.l10n.t('1 step.') : vscode.l10n.t('{0} steps.', steps.length),
    ...undoable,
    ...warnings.map((w) => vscode.l10n.t('Warning: {0}', w)),
  ];
}

export async function previewPlan(services: Services, uri?: vscode.Uri): Promise<{ steps: PlanStep[] }> {
  const document = await layoutDocument(uri);
  await savedFirst(services, document);
  const text = document.getText();
  const tenantNode = await tenantFor(services, await layoutTenant(services, document));
  const { tenant } = tenantNode;
  const session = services.layouts.sessions.of(tenant.key, () => tenant.displayName);
  // A preview while this tenant's run works would plan from a tenant that is still changing.
  session.assertFree();
  const contents = await freshContents(services, tenantNode);
  const snapshot = await groupsOf(contents);
  const answer = await services.layouts.worker.run({ kind: 'preview', groups: snapshot, text, tenant: { id: tenant.tenantId, displayName: tenant.displayName } });
  if (answer.read === 'problems') throw fileProblems(document, answer.problems);
  const { plan } = answer;
  await showDiff(services, document, tenantNode, answer.tenantSide);
  const name = services.layouts.sessions.planName(fileName(document.uri).slice(0, -LAYOUT_SUFFIX.length), tenant.key, tenant.displayName);
  const planUri = vscode.Uri.from({ scheme: PLAN_SCHEME, path: `/${name}` });
  services.layouts.sessions.showing(planUri, tenant.key);
  if (!plan.ok) {
    const text = refusalText(vscode.l10n.t('{0} cannot be applied to {1}, and nothing was sent:', fileName(document.uri), tenant.displayName), plan.refusals);
    services.layouts.documents.set(PLAN_SCHEME, name, text);
    await showPlan(planUri, false);
    session.previewed(undefined);
    services.layouts.sessions.updateContexts();
    // A preview never sends anything: the toast says why the file cannot be applied, not that nothing went out.
    throw new Error(plan.refusals.length === 1
      ? vscode.l10n.t('This layout cannot be applied: {0}', plan.refusals[0])
      : vscode.l10n.t('This layout cannot be applied: {0} (and {1} more reasons, listed beside the diff).', plan.refusals[0], plan.refusals.length - 1));
  }
  const warnings = answer.notes;
  session.previewed({ file: document.uri, textHash: answer.textHash, layoutText: text, prune: answer.prune, snapshot, steps: plan.steps, warnings, planUri });
  services.layouts.documents.set(PLAN_SCHEME, name, planText(plan.steps, heading(document.uri, answer.prune, warnings, tenantNode, plan.steps, session)));
  services.layouts.sessions.updateContexts();
  // The plan takes the focus: its title bar holds Apply Plan.
  await showPlan(planUri, true);
  return { steps: plan.steps };
}

export async function compareWithTenant(services: Services, uri?: vscode.Uri): Promise<{ differences: number }> {
  const document = await layoutDocument(uri);
  const tenantNode = await tenantFor(services, await layoutTenant(services, document));
  const contents = await freshContents(services, tenantNode);
  const { tenant } = tenantNode;
  const answer = await services.layouts.worker.run({ kind: 'preview', groups: await groupsOf(contents), text: document.getText(), tenant: { id: tenant.tenantId, displayName: tenant.displayName } });
  if (answer.read === 'problems') throw fileProblems(document, answer.problems);
  const { plan } = answer;
  await showDiff(services, document, tenantNode, answer.tenantSide);
  const name = tenant.displayName;
  if (!plan.ok) {
    services.prompts.info(vscode.l10n.t("'{0}' differs from {1}, and the file cannot be applied as it is: {2}", name, fileName(document.uri), plan.refusals[0]));
    return { differences: -1 };
  }
  services.prompts.info(plan.steps.length === 0
    ? vscode.l10n.t("'{0}' matches {1}.", name, fileName(document.uri))
    : vscode.l10n.t("'{0}' differs from {1}: {2} would make it match (Preview Plan lists them).", name, fileName(document.uri), stepCount(plan.steps.length)));
  return { differences: plan.steps.length };
}

/** A file name a repository keeps well: lower case, letters and digits joined by dashes ("Contoso (sandbox)" → "contoso-sandbox"). */
export function repositoryName(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'tenant';
}
