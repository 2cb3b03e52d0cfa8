// Assign published applications to a group, or send one back to the default group.
import * as vscode from 'vscode';
import { unassignApplication as unassignOnService } from '../operations/relocation';
import { withViewProgress } from '../ui/progress';
import { assignApplicationsTo } from './moveOperations';
import { applicationsChoice } from './groupChoice';
import type { Services } from '../services';
import { assertCanWrite } from './writeAccess';
import { Cancelled, applicationTarget, groupTarget, pickGroup } from './targets';

export async function assignApplications(services: Services, node?: unknown): Promise<number> {
  const target = await groupTarget(services, node, vscode.l10n.t('Assign applications to which group?'));
  const contents = target.tenantNode.contents;
  const candidates = contents.applicationProxyGroups()
    .filter((g) => g.id !== target.group.id)
    .flatMap((g) => g.applications.map((a) => ({ label: a.displayName, description: g.name, detail: a.onPremisesPublishing?.externalUrl, application: a })))
    .sort((a, b) => a.label.localeCompare(b.label));
  if (candidates.length === 0) throw new Error(vscode.l10n.t("Every published application is already in '{0}'.", target.group.name));
  const picked = await services.prompts.pickMany(candidates, {
    title: vscode.l10n.t('Assign applications to {0}', target.group.name),
    placeHolder: vscode.l10n.t('Published applications in other groups'),
    matchOnDescription: true,
  });
  if (!picked || picked.length === 0) throw new Cancelled();
  return assignApplicationsTo(services, picked.map((p) => p.application), target);
}

export async function unassignApplication(services: Services, node?: unknown): Promise<boolean> {
  const target = await applicationTarget(services, node);
  const tenant = target.tenantNode;
  assertCanWrite(tenant.tenant, vscode.l10n.t('Unassigning an application'));
  const contents = tenant.contents;
  const home = contents.defaultGroup();
  const { application } = target;
  if (!home || contents.groupOfApplication(application.id)?.id === home.id) {
    services.prompts.info(vscode.l10n.t("'{0}' is already in the default group.", application.displayName));
    return false;
  }
  await withViewProgress(vscode.l10n.t('Unassigning {0}…', application.displayName),
    () => unassignOnService(contents, application.id, application.displayName));
  services.tree.changed(tenant);
  services.logger.info(`Unassigned '${application.displayName}' (${application.id}): it is in the default group '${home.name}' again`);
  return true;
}

/** "Move to Connector Group…" on an application: the group picked, the application assigned there. */
export async function moveApplication(services: Services, node?: unknown): Promise<number> {
  const target = await applicationTarget(services, node);
  const current = target.tenantNode.contents.groupOfApplication(target.application.id);
  const group = await pickGroup(services, target.tenantNode, vscode.l10n.t('Move {0} to…', target.application.displayName), applicationsChoice(current));
  return assignApplicationsTo(services, [target.application], group);
}
