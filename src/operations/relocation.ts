// Moving connectors and assigning applications: one request or `$batch`, each item's outcome kept,
// lost answers read back, and the model updated with exactly the items that moved.
import type { BatchOutcome } from '../graph/graphHttp';
import type { ConnectorGroupsApi } from '../graph/connectorGroupsApi';
import { GraphRequestError, mayHaveTakenEffect } from '../graph/errors';
import { l10n } from '../shared/l10n';
import type { TenantContents } from '../tenants/tenantContents';
import { UncertainOutcomeError } from './ambiguity';
import { readBack, type ReadBackTiming } from './readBack';

export interface Relocated {
  /** Ids now in the target group (those that were there already included). */
  moved: string[];
  /** Ids that did not move, each with why. */
  failed: { id: string; error: unknown; uncertain: boolean }[];
}

interface Kind {
  send(api: ConnectorGroupsApi, ids: string[], groupId: string): Promise<Map<string, BatchOutcome>>;
  /** The group the item is in now, read from the service. */
  groupOf(api: ConnectorGroupsApi, id: string): Promise<string | undefined>;
  record(contents: TenantContents, id: string, groupId: string): void;
}

const CONNECTORS: Kind = {
  send: async (api, ids, groupId) => ids.length === 1
    ? single(ids[0], () => api.moveConnector(ids[0], groupId))
    : api.moveConnectors(ids, groupId),
  groupOf: async (api, id) => (await api.connectorGroupOf(id))?.id,
  record: (contents, id, groupId) => contents.moveConnector(id, groupId),
};

const APPLICATIONS: Kind = {
  send: async (api, ids, groupId) => ids.length === 1
    ? single(ids[0], () => api.assignApplication(ids[0], groupId))
    : api.assignApplications(ids, groupId),
  groupOf: async (api, id) => (await api.applicationGroup(id)).id,
  record: (contents, id, groupId) => contents.moveApplication(id, groupId),
};

/** One item sent on its own (no `$batch` for one), its outcome in the shape a batch gives. */
async function single(id: string, send: () => Promise<void>): Promise<Map<string, BatchOutcome>> {
  try {
    await send();
    return new Map([[id, { id, ok: true, status: 204, body: undefined }]]);
  } catch (error) {
    if (!(error instanceof GraphRequestError) && !mayHaveTakenEffect(error)) throw error;
    const status = error instanceof GraphRequestError ? error.status : 0;
    return new Map([[id, { id, ok: false, status, error: error as GraphRequestError, unknown: mayHaveTakenEffect(error) }]]);
  }
}

async function relocate(kind: Kind, contents: TenantContents, ids: string[], groupId: string, timing?: ReadBackTiming): Promise<Relocated> {
  const { api } = contents.tenant;
  const result: Relocated = { moved: [], failed: [] };
  if (ids.length === 0) return result;
  const outcomes = await kind.send(api, ids, groupId);
  const unknown: BatchOutcome[] = [];
  for (const id of ids) {
    const outcome = outcomes.get(id);
    if (outcome?.ok) result.moved.push(id);
    else if (outcome?.unknown) unknown.push(outcome);
    else result.failed.push({ id, error: outcome?.error, uncertain: false });
  }
  // A write whose answer was lost: the service says where the item is now.
  await Promise.all(unknown.map(async (outcome) => {
    const found = await readBack(async () => (await kind.groupOf(api, outcome.id)) === groupId, timing);
    if (found === 'done') result.moved.push(outcome.id);
    else result.failed.push({ id: outcome.id, error: outcome.ok ? undefined : outcome.error, uncertain: found === 'unknown' });
    if (found === 'unknown') contents.forget(outcome.id);
  }));
  for (const id of result.moved) kind.record(contents, id, groupId);
  return result;
}

export function moveConnectors(contents: TenantContents, connectorIds: string[], groupId: string, timing?: ReadBackTiming): Promise<Relocated> {
  return relocate(CONNECTORS, contents, connectorIds, groupId, timing);
}

export function assignApplications(contents: TenantContents, applicationIds: string[], groupId: string, timing?: ReadBackTiming): Promise<Relocated> {
  return relocate(APPLICATIONS, contents, applicationIds, groupId, timing);
}

/** Sends an application back to the default group; a lost answer is read back. */
export async function unassignApplication(contents: TenantContents, applicationId: string, label: string, timing?: ReadBackTiming): Promise<void> {
  const { api } = contents.tenant;
  const home = contents.defaultGroup();
  try {
    await api.unassignApplication(applicationId);
  } catch (error) {
    if (!mayHaveTakenEffect(error) || !home) throw error;
    const found = await readBack(async () => (await api.applicationGroup(applicationId)).id === home.id, timing);
    if (found === 'unknown') contents.forget(applicationId);
    if (found !== 'done') throw new UncertainOutcomeError(error, found, l10n.t("Unassigning '{0}'", label));
  }
  if (home) contents.moveApplication(applicationId, home.id);
}
