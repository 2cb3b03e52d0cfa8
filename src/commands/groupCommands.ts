// Create, rename and delete connector groups.
import * as vscode from 'vscode';
import type { ConnectorGroup, GroupChanges } from '../graph/types';
import { applicationCount, connectorCount } from '../shared/counts';
import { REGIONS, regionName } from '../shared/regions';
import { validateGroupName } from '../shared/validation';
import type { TenantNode } from '../tree/tenantNode';
import type { TreeNode } from '../tree/treeNode';
import { withViewProgress } from '../ui/progress';
import type { GroupNode } from '../tree/groupNode';
import { createGroup as createOnService, deleteGroup as deleteOnService, updateGroup } from '../operations/groupOperations';
import { applicationsCutOff, cutOffText } from '../tenants/impact';
import { besides, destinationChoice } from './groupChoice';
import { cutOffDetail } from './impactPrompt';
import { checkName } from './nameRule';
import { notDoneIf } from './notDone';
import { assertCanWrite } from './writeAccess';
import { emptyAndDeleteGroup } from './moveOperations';
import type { Services } from '../services';
import { Cancelled, groupTarget, loadedContents, pickGroup, pickTenant } from './targets';

function nameValidator(raw: string): string | undefined {
  const result = validateGroupName(raw);
  return result.ok ? undefined : result.message;
}

export async function createGroup(services: Services, node?: TreeNode): Promise<ConnectorGroup | undefined> {
  const tenant = await pickTenant(services, node);
  const contents = await loadedContents(tenant);
  assertCanWrite(tenant.tenant, vscode.l10n.t('Creating a connector group'));
  let value: string | undefined;
  let trimmed: string;
  let sameName: ConnectorGroup[];
  for (;;) {
    const name = await services.prompts.input({
      title: vscode.l10n.t('Create connector group in {0}', tenant.tenant.displayName),
      prompt: vscode.l10n.t('Name of the new connector group'),
      value,
      validateInput: nameValidator,
    });
    if (name === undefined) throw new Cancelled();
    trimmed = name.trim();
    // These ids also tell a lost create's group from the others (see createGroup in operations).
    const decision = await notDoneIf(vscode.l10n.t("'{0}' was not created", trimmed),
      () => checkName(services, contents, trimmed, vscode.l10n.t('Create Anyway')));
    if (decision.use) {
      sameName = decision.sameName;
      break;
    }
    if (!decision.again) throw new Cancelled();
    value = trimmed;
  }
  const region = await services.prompts.pick(
    [
      { label: vscode.l10n.t('Default region'), description: vscode.l10n.t('the tenant\'s default'), region: undefined as string | undefined },
      ...REGIONS.map((r) => ({ label: regionName(r), description: r, region: r as string | undefined })),
    ],
    { title: vscode.l10n.t('Region of {0}', trimmed) },
  );
  if (!region) throw new Cancelled();
  const { group: created, foundAfterLostAnswer } = await notDoneIf(vscode.l10n.t("'{0}' was not created", trimmed),
    () => withViewProgress(vscode.l10n.t('Creating {0}…', trimmed),
      () => createOnService(contents, { name: trimmed, region: region.region }, new Set(sameName.map((g) => g.id)))));
  services.tree.changed(tenant);
  if (foundAfterLostAnswer) {
    services.prompts.info(vscode.l10n.t("Graph's answer was lost, but reading back shows that '{0}' was created.", created.name));
  }
  const createdNode = tenant.groupNodes().find((g) => g.group.id === created.id);
  if (createdNode) await services.treeView.reveal(createdNode, { select: true, focus: true }).then(undefined, () => undefined);
  services.logger.info(`Created connector group '${created.name}' (${created.id}) in ${tenant.tenant.displayName}`);
  return created;
}

export async function renameGroup(services: Services, node?: TreeNode): Promise<ConnectorGroup | undefined> {
  const target = await groupTarget(services, node, vscode.l10n.t('Choose the group to rename'));
  assertCanWrite(target.tenantNode.tenant, vscode.l10n.t('Renaming a connector group'));
  const { group } = target;
  if (!target.isApplicationProxy) {
    throw new Error(vscode.l10n.t("'{0}' belongs to another hybrid agent, not to Application Proxy: manage it where that agent is managed.", group.name));
  }
  const name = await services.prompts.input({
    title: vscode.l10n.t('Rename {0}', group.name),
    value: group.name,
    prompt: vscode.l10n.t('New name of the connector group'),
    validateInput: nameValidator,
  });
  if (name === undefined || name.trim() === group.name) throw new Cancelled();
  const notRenamed = vscode.l10n.t("'{0}' was not renamed", group.name);
  const decision = await notDoneIf(notRenamed, () => checkName(services, target.tenantNode.contents, name.trim(), vscode.l10n.t('Rename Anyway'), group.id));
  if (!decision.use) {
    if (decision.again) return renameGroup(services, target);
    throw new Cancelled();
  }
  return notDoneIf(notRenamed, () => withViewProgress(vscode.l10n.t('Renaming {0}…', group.name),
    () => updateGroupInTree(services, target.tenantNode, group, { name: name.trim() })));
}

/** Renames a group and/or sets its region, then shows the change in the tree. */
export async function updateGroupInTree(services: Services, tenant: TenantNode, group: ConnectorGroup, changes: GroupChanges): Promise<ConnectorGroup> {
  const updated = await updateGroup(tenant.contents, group, changes);
  services.tree.changed(tenant);
  services.logger.info(`Updated connector group '${updated.name}' (${updated.id}): ${JSON.stringify(changes)}`);
  return updated;
}

export async function deleteGroup(services: Services, node?: TreeNode): Promise<boolean> {
  // Delete on a Connectors or Applications folder is not a delete of its group.
  const target = await groupTarget(services, node, vscode.l10n.t('Choose the group to delete'), { exclude: (g) => g.isDefault }, { folderIsGroup: false });
  const { group } = target;
  const tenant = target.tenantNode;
  assertCanWrite(tenant.tenant, vscode.l10n.t('Deleting a connector group'));
  if (!target.isApplicationProxy) {
    throw new Error(vscode.l10n.t("'{0}' belongs to another hybrid agent, not to Application Proxy: manage it where that agent is managed.", group.name));
  }
  if (group.isDefault) {
    throw new Error(vscode.l10n.t("'{0}' is the tenant's default connector group and cannot be deleted.", group.name));
  }
  const connectors = group.members.length;
  const applications = group.applications.length;
  if (connectors > 0 || applications > 0) {
    // The destination first: a group the region rule refuses is refused before any confirmation.
    const contents = tenant.contents;
    const choice = destinationChoice(contents, group);
    const contentsText = vscode.l10n.t('{0} and {1}', connectorCount(connectors), applicationCount(applications));
    const pickTitle = vscode.l10n.t("A group can be deleted only when empty: move the {0} of '{1}' to…", contentsText, group.name);
    let destination = await pickGroup(services, tenant, pickTitle, choice);
    for (;;) {
      const cutOff = applicationsCutOff(contents.groups, {
        connectors: { ids: group.members.map((c) => c.id), to: destination.group.id },
        applications: { ids: group.applications.map((a) => a.id), to: destination.group.id },
        deleting: group.id,
      });
      const go = vscode.l10n.t('Move and Delete');
      const another = vscode.l10n.t('Choose Another Group');
      const answer = await services.prompts.choose(
        vscode.l10n.t("Move {0} to '{1}', then delete '{2}'?", contentsText, destination.group.name, group.name),
        [cutOffText(cutOff), cutOff.length > 0 ? cutOffDetail() : undefined, vscode.l10n.t('Deleting a connector group cannot be undone.')].filter(Boolean).join(' '),
        cutOff.length > 0 ? [another, go] : [go],
      );
      if (answer === undefined) throw new Cancelled();
      if (answer === go) break;
      destination = await pickGroup(services, tenant, pickTitle, besides(choice, destination.group.id));
    }
    return emptyThenDelete(services, target, destination);
  }
  const confirmed = await services.prompts.confirm(
    vscode.l10n.t("Delete the connector group '{0}'?", group.name),
    vscode.l10n.t('It has no connectors and no applications. This cannot be undone.'),
    vscode.l10n.t('Delete'),
  );
  if (!confirmed) throw new Cancelled();
  const next = focusAfter(tenant, group.id);
  await notDoneIf(vscode.l10n.t("'{0}' was not deleted", group.name),
    () => withViewProgress(vscode.l10n.t('Deleting {0}…', group.name), () => deleteOnService(tenant.contents, group)));
  services.tree.changed(tenant);
  services.logger.info(`Deleted connector group '${group.name}' (${group.id})`);
  await next(services);
  return true;
}

/** Moves what is in the group to another, then deletes it; run again (Resume) it carries on with what is left. */
async function emptyThenDelete(services: Services, source: GroupNode, destination: GroupNode): Promise<boolean> {
  const next = focusAfter(source.tenantNode, source.group.id);
  await emptyAndDeleteGroup(services, source, destination, () => emptyThenDelete(services, source, destination));
  services.logger.info(`Deleted connector group '${source.group.name}' (${source.group.id})`);
  await next(services);
  return true;
}

/**
 * Where the keyboard goes once a group is deleted: the group after it in the tree (or before it,
 * for the last one), so a row has the focus and Delete or F2 can go on from there.
 */
function focusAfter(tenant: TenantNode, deletedId: string): (services: Services) => Promise<void> {
  const shown = tenant.groupNodes().filter((g) => g.isApplicationProxy);
  const at = shown.findIndex((g) => g.group.id === deletedId);
  const neighbour = shown[at + 1] ?? shown[at - 1];
  return async (services) => {
    const node = neighbour && tenant.groupNodes().find((g) => g.group.id === neighbour.group.id);
    const target = node ?? tenant;
    await services.treeView.reveal(target, { select: true, focus: true }).then(undefined, () => undefined);
  };
}
