// Create, update and delete a group against Graph, with the outcome found out when an answer is lost,
// and the tenant's model (what the tree shows) updated with exactly what happened.
import type { ConnectorGroup, GroupChanges } from '../graph/types';
import { GraphRequestError, mayHaveTakenEffect } from '../graph/errors';
import { l10n } from '../shared/l10n';
import type { TenantContents } from '../tenants/tenantContents';
import { UncertainOutcomeError } from './ambiguity';
import { readBack, type ReadBackTiming } from './readBack';

/** An unknown outcome: the model's own writes about the group no longer say what is true. */
function uncertain(contents: TenantContents, groupId: string, error: UncertainOutcomeError): UncertainOutcomeError {
  if (error.found === 'unknown') contents.forget(groupId);
  return error;
}

export interface CreatedGroup {
  group: ConnectorGroup;
  /** True when the answer was lost and the group was found on the service afterwards. */
  foundAfterLostAnswer: boolean;
}

/** The groups with this name, on the service and in the model (case-insensitive, as Graph's eq). */
export async function groupsNamed(contents: TenantContents, name: string): Promise<ConnectorGroup[]> {
  const onService = await contents.tenant.api.findGroupsByName(name);
  const known = contents.groups.filter((g) => g.name.toLowerCase() === name.toLowerCase());
  const all = new Map([...known, ...onService].map((g) => [g.id, g]));
  return [...all.values()];
}

/**
 * Creates a group. The POST is never sent twice; when its answer is lost, the name is looked up on
 * the service, and a group of that name not among `existingIds` is the one this create made.
 */
export async function createGroup(
  contents: TenantContents,
  input: { name: string; region?: string },
  existingIds: ReadonlySet<string>,
  timing?: ReadBackTiming,
): Promise<CreatedGroup> {
  const { api } = contents.tenant;
  let created: ConnectorGroup | undefined;
  try {
    created = await api.createGroup(input);
  } catch (error) {
    if (!mayHaveTakenEffect(error)) throw error;
    const found = await readBack(async () => {
      created = (await api.findGroupsByName(input.name.trim())).find((g) => !existingIds.has(g.id));
      return created !== undefined;
    }, timing);
    if (found !== 'done') throw new UncertainOutcomeError(error, found, l10n.t("Creating '{0}'", input.name.trim()));
    // `done` means the look found the group and kept it in `created`.
    contents.put(created!);
    return { group: created!, foundAfterLostAnswer: true };
  }
  contents.put(created);
  return { group: created, foundAfterLostAnswer: false };
}

/** Renames a group and/or sets its region; PATCH is repeatable, and a lost answer is read back. */
export async function updateGroup(
  contents: TenantContents,
  group: ConnectorGroup,
  changes: GroupChanges,
  timing?: ReadBackTiming,
): Promise<ConnectorGroup> {
  const { api } = contents.tenant;
  let updated: ConnectorGroup;
  try {
    updated = await api.updateGroup(group, changes);
  } catch (error) {
    if (!mayHaveTakenEffect(error)) throw error;
    let seen: ConnectorGroup | undefined;
    const found = await readBack(async () => {
      seen = await api.getGroup(group.id);
      return (changes.name === undefined || seen.name === changes.name.trim()) && (changes.region === undefined || seen.region === changes.region);
    }, timing);
    if (found !== 'done') throw uncertain(contents, group.id, new UncertainOutcomeError(error, found, l10n.t("Changing '{0}'", group.name)));
    updated = { ...group, ...seen };
  }
  contents.put(updated);
  return updated;
}

/** Deletes an empty group; a lost answer is read back (a 404 then means it is gone). */
export async function deleteGroup(contents: TenantContents, group: ConnectorGroup, timing?: ReadBackTiming): Promise<void> {
  const { api } = contents.tenant;
  try {
    await api.deleteGroup(group.id);
  } catch (error) {
    if (!mayHaveTakenEffect(error)) throw error;
    const found = await readBack(async () => {
      try {
        await api.getGroup(group.id);
        return false;
      } catch (lookup) {
        if (lookup instanceof GraphRequestError && lookup.status === 404) return true;
        throw lookup;
      }
    }, timing);
    if (found !== 'done') throw uncertain(contents, group.id, new UncertainOutcomeError(error, found, l10n.t("Deleting '{0}'", group.name)));
  }
  contents.drop(group.id);
}
