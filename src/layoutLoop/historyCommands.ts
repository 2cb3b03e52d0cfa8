// Tenant History…: the snapshots taken before each Apply, Resume and Undo on a tenant, newest first;
// one is opened, compared with the tenant, or restored through the same preview and gates as any
// layout (Restore writes it as a layout the tenant can reach now, and previews that).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LAYOUT_SUFFIX } from '../layout/layoutFile';
import type { Services } from '../services';
import type { TreeNode } from '../tree/treeNode';
import { fileNamePart } from '../commands/exportDocuments';
import { Cancelled, loadedContents, pickTenant } from '../commands/targets';
import { compareWithTenant, previewPlan } from './layoutCommands';
import { groupsOf } from './layoutEditors';
import type { Snapshot } from './historyStore';

const shown = (iso: string) => new Date(iso).toLocaleString();

export async function tenantHistory(services: Services, node?: TreeNode): Promise<unknown> {
  const tenantNode = await pickTenant(services, node);
  const { tenant } = tenantNode;
  const snapshots = services.layouts.history.list(tenant.key).filter((s) => services.layouts.history.exists(s));
  if (snapshots.length === 0) {
    services.prompts.info(vscode.l10n.t("'{0}' has no history yet: a snapshot is taken before every Apply, Resume and Undo.", tenant.displayName));
    return undefined;
  }
  const picked = await services.prompts.pick(snapshots.map((snapshot) => ({
    label: shown(snapshot.takenAt),
    description: vscode.l10n.t('before {0} of {1}', snapshot.before, snapshot.layoutFile),
    detail: vscode.l10n.t('{0} groups', snapshot.groups),
    snapshot,
  })), { title: vscode.l10n.t("History of '{0}'", tenant.displayName), placeHolder: vscode.l10n.t('The tenant as it was before each run, newest first') });
  if (!picked) throw new Cancelled();
  const actions = [
    { label: vscode.l10n.t('Restore…'), detail: vscode.l10n.t('Preview the plan that makes the tenant this again, then apply it'), act: () => restoreSnapshot(services, node ?? tenantNode, picked.snapshot) },
    { label: vscode.l10n.t('Compare with Tenant'), detail: vscode.l10n.t('The tenant now beside the snapshot'), act: () => compareWithTenant(services, vscode.Uri.file(picked.snapshot.file)) },
    { label: vscode.l10n.t('Open'), detail: vscode.l10n.t('The snapshot as a layout file'), act: () => vscode.window.showTextDocument(vscode.Uri.file(picked.snapshot.file)) },
  ];
  const action = await services.prompts.pick(actions, { title: vscode.l10n.t('Snapshot of {0}', shown(picked.snapshot.takenAt)) });
  if (!action) throw new Cancelled();
  return action.act();
}

/**
 * The snapshot made reachable from the tenant as it is now (groups deleted since come back by name,
 * what the tenant no longer has is left out), written as a layout file and previewed.
 */
async function restoreSnapshot(services: Services, node: TreeNode, snapshot: Snapshot): Promise<unknown> {
  const tenantNode = await pickTenant(services, node);
  const contents = await loadedContents(tenantNode);
  const made = await services.layouts.worker.run({ kind: 'restore', groups: await groupsOf(contents), snapshot: readFileSync(snapshot.file, 'utf8') });
  if (!made.ok) throw new Error(vscode.l10n.t('The snapshot of {0} cannot be read: {1}', shown(snapshot.takenAt), made.problems[0].message));
  const folder = path.join(path.dirname(path.dirname(snapshot.file)), 'restore');
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${fileNamePart(tenantNode.tenant.displayName)} as of ${snapshot.takenAt.slice(0, 19).replace(/[:T]/g, '-')}${LAYOUT_SUFFIX}`);
  writeFileSync(file, made.text);
  const uri = vscode.Uri.file(file);
  await vscode.window.showTextDocument(uri, { preview: false });
  const planned = await previewPlan(services, uri);
  if (made.notes.length > 0) services.prompts.info(vscode.l10n.t('The restore cannot bring everything back: {0}', made.notes.join(' ')));
  return planned;
}
