// The typed gateway for everything the extension asks of Graph about connector groups.
import { setMaxListeners } from 'node:events';
import { isRegion, REGIONS } from '../shared/regions';
import { validateGroupName } from '../shared/validation';
import { GraphInputError, GraphRequestError } from './errors';
import { MAX_BATCH_SIZE, type BatchOutcome, type BatchStep, type GraphHttp, type ReadOptions } from './graphHttp';
import { odataString, query, requireId } from './odata';
import type {
  Application, ApplicationSegment, Connector, ConnectorGroup, ConnectorGroupWithContents, GroupChanges, Organization,
} from './types';

const PROFILE = '/onPremisesPublishingProfiles/applicationProxy';
const GROUPS = `${PROFILE}/connectorGroups`;
const CONNECTORS = `${PROFILE}/connectors`;
const APPLICATION_FIELDS = 'id,appId,displayName,onPremisesPublishing';
/** The largest `$top` Graph accepts. */
const MAX_PAGE = 999;

const groupPath = (id: string) => `${GROUPS}/${requireId(id, 'connector group')}`;
const connectorPath = (id: string) => `${CONNECTORS}/${requireId(id, 'connector')}`;
const applicationPath = (id: string) => `/applications/${requireId(id, 'application')}`;

export function isPublished(application: Application): boolean {
  return Boolean(application.onPremisesPublishing);
}

export function isApplicationProxyGroup(group: ConnectorGroup): boolean {
  return group.connectorGroupType === 'applicationProxy';
}

function checkChanges(changes: GroupChanges): GroupChanges {
  const body: GroupChanges = {};
  if (changes.name !== undefined) {
    const name = validateGroupName(changes.name);
    if (!name.ok) throw new GraphInputError(name.message);
    body.name = name.value;
  }
  if (changes.region !== undefined) {
    if (!isRegion(changes.region)) throw new GraphInputError(`'${changes.region}' is not a region; choose one of ${REGIONS.join(', ')}.`);
    body.region = changes.region;
  }
  return body;
}

function groupOf({ id, name, connectorGroupType, isDefault, region }: ConnectorGroup): ConnectorGroup {
  return { id, name, connectorGroupType, isDefault, region };
}

/** A group deleted after it was listed: its lists answer 404. */
function isGone(error: unknown): boolean {
  return error instanceof GraphRequestError && error.status === 404;
}

/** Each id once: Graph refuses a `$batch` whose request ids repeat, whole. */
const unique = (ids: string[]) => [...new Set(ids)];

export class ConnectorGroupsApi {
  constructor(private readonly http: GraphHttp) {}

  async organization(options: ReadOptions = {}): Promise<Organization | undefined> {
    const page = await this.http.get<{ value?: Organization[] }>(`/organization${query({ $select: 'id,displayName,verifiedDomains' })}`, options);
    return page?.value?.[0];
  }

  /** `page` sees each page of groups as it arrives (the tree paints after the first). */
  async listGroups(page?: (groups: ConnectorGroup[]) => void, options: ReadOptions = {}): Promise<ConnectorGroup[]> {
    // The largest page Graph allows: a tenant of hundreds of groups in one round trip.
    return this.http.getAll<ConnectorGroup>(`${GROUPS}${query({ $top: String(MAX_PAGE) })}`, options, page);
  }

  async getGroup(id: string): Promise<ConnectorGroup> {
    return this.http.getEntity<ConnectorGroup>(groupPath(id));
  }

  async findGroupsByName(name: string): Promise<ConnectorGroup[]> {
    return this.http.getAll<ConnectorGroup>(`${GROUPS}${query({ $filter: `name eq ${odataString(name)}` })}`);
  }

  /** Creates a group. The POST is never repeated after an ambiguous failure (see retryPolicy). */
  async createGroup(input: { name: string; region?: string }): Promise<ConnectorGroup> {
    const body = checkChanges(input);
    const { body: created } = await this.http.send('POST', GROUPS, body);
    // Graph documents 201 and answers 200 live; both carry the group.
    if (created && typeof (created as ConnectorGroup).id === 'string') return groupOf(created as ConnectorGroup);
    throw new GraphInputError('Graph created the group but did not return it; refresh to see it.');
  }

  /**
   * Renames a group and/or sets its region. Graph answers 204 (live) or 200 with the group (docs):
   * with 204 the result is the given group with the changes applied, without another round trip.
   */
  async updateGroup(group: ConnectorGroup, changes: GroupChanges): Promise<ConnectorGroup> {
    const body = checkChanges(changes);
    const { body: updated } = await this.http.send('PATCH', groupPath(group.id), body);
    if (updated && typeof (updated as ConnectorGroup).id === 'string') return groupOf(updated as ConnectorGroup);
    return { ...group, ...body };
  }

  /** Deletes a group. A 404 to a repeat (the first answer was lost) means the first one did it (retryPolicy). */
  async deleteGroup(id: string): Promise<void> {
    await this.http.send('DELETE', groupPath(id));
  }

  async listMembers(groupId: string): Promise<Connector[]> {
    return this.http.getAll<Connector>(`${groupPath(groupId)}/members`);
  }

  async listGroupApplications(groupId: string): Promise<Application[]> {
    return this.http.getAll<Application>(`${groupPath(groupId)}/applications${query({ $select: APPLICATION_FIELDS })}`);
  }

  async listConnectors(): Promise<Connector[]> {
    // The largest page Graph allows: the watch reads 5,000 connectors in six round trips, not fifty.
    return this.http.getAll<Connector>(`${CONNECTORS}${query({ $top: String(MAX_PAGE) })}`);
  }

  async getConnector(id: string): Promise<Connector> {
    return this.http.getEntity<Connector>(connectorPath(id));
  }

  async connectorGroupOf(connectorId: string): Promise<ConnectorGroup | undefined> {
    const groups = await this.http.getAll<ConnectorGroup>(`${connectorPath(connectorId)}/memberOf`);
    return groups[0];
  }

  /** Moves a connector into a group (it leaves its old one). Graph answers 204 or 201. */
  async moveConnector(connectorId: string, groupId: string): Promise<void> {
    await this.http.send('POST', `${groupPath(groupId)}/members/$ref`, {
      '@odata.id': this.http.resourceUrl(connectorPath(connectorId)),
    });
  }

  /** Moves several connectors in as few round trips as `$batch` allows (one per 20). */
  async moveConnectors(connectorIds: string[], groupId: string): Promise<Map<string, BatchOutcome>> {
    const steps: BatchStep[] = unique(connectorIds).map((id) => ({
      id,
      method: 'POST',
      path: `${groupPath(groupId)}/members/$ref`,
      body: { '@odata.id': this.http.resourceUrl(connectorPath(id)) },
    }));
    return this.http.batch(steps);
  }

  /** Every application; `isPublished` tells those that Application Proxy serves. */
  async listApplications(): Promise<Application[]> {
    return this.http.getAll<Application>(`/applications${query({ $select: APPLICATION_FIELDS })}`);
  }

  /** What a Private Access or Quick Access application reaches (contract 16c); read-only here. */
  async listApplicationSegments(id: string): Promise<ApplicationSegment[]> {
    return this.http.getAll<ApplicationSegment>(`${applicationPath(id)}/onPremisesPublishing/segmentsConfiguration/microsoft.graph.ipSegmentConfiguration/applicationSegments`);
  }

  /**
   * These applications' publishing settings as Graph has them now: a `$batch` per 20, each step one
   * application with `$select` (the inventory fields come only when selected), never a request each.
   */
  async readApplications(ids: string[], options: ReadOptions = {}): Promise<Map<string, BatchOutcome>> {
    return this.http.batch(unique(ids).map((id) => ({ id, method: 'GET', path: `${applicationPath(id)}${query({ $select: APPLICATION_FIELDS })}` })), options);
  }

  async getApplication(id: string): Promise<Application> {
    return this.http.getEntity<Application>(`${applicationPath(id)}${query({ $select: APPLICATION_FIELDS })}`);
  }

  async applicationGroup(applicationId: string): Promise<ConnectorGroup> {
    return this.http.getEntity<ConnectorGroup>(`${applicationPath(applicationId)}/connectorGroup`);
  }

  private assignStep(applicationId: string, groupId: string): BatchStep {
    return {
      id: applicationId,
      method: 'PUT',
      path: `${applicationPath(applicationId)}/connectorGroup/$ref`,
      body: { '@odata.id': this.http.resourceUrl(groupPath(groupId)) },
    };
  }

  async assignApplication(applicationId: string, groupId: string): Promise<void> {
    const step = this.assignStep(applicationId, groupId);
    await this.http.send(step.method, step.path, step.body);
  }

  async assignApplications(applicationIds: string[], groupId: string): Promise<Map<string, BatchOutcome>> {
    return this.http.batch(unique(applicationIds).map((id) => this.assignStep(id, groupId)));
  }

  /** Takes an application out of its group; Graph puts it back in the default group. */
  async unassignApplication(applicationId: string): Promise<void> {
    // A refused repeat (already in the default group) proves nothing alone: it comes back as a
    // change that may have taken effect, and the operation reads back where the application is.
    await this.http.send('DELETE', `${applicationPath(applicationId)}/connectorGroup/$ref`);
  }

  /**
   * Every group with its members and applications: one round trip for the groups (per page) and one
   * `$batch` per ten groups for their contents; a content list longer than a page follows its next links.
   */
  async loadGroupsWithContents(options: ReadOptions = {}): Promise<ConnectorGroupWithContents[]> {
    return this.loadContents(await this.listGroups(undefined, options), undefined, options);
  }

  /**
   * The members and applications of these groups: a `$batch` per ten groups, the batches side by
   * side (as many as the gateway lets), each group handed to `arrived` as soon as its batch is in. A
   * group deleted since it was listed drops out; any other failure stops the rest and is thrown.
   */
  async loadContents(
    groups: ConnectorGroup[],
    arrived?: (group: ConnectorGroupWithContents) => void,
    options: ReadOptions = {},
  ): Promise<ConnectorGroupWithContents[]> {
    const perBatch = MAX_BATCH_SIZE / 2;
    const loaded: ConnectorGroupWithContents[][] = [];
    // The first failure stops the other workers: nothing more is sent for a load that has failed.
    const stop = new AbortController();
    const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
    // Every request of the load listens to this one signal: many listeners are expected, not a leak.
    setMaxListeners(0, stop.signal, signal);
    let next = 0;
    // A few workers, each preparing its next batch only when its last one is in: preparing all of
    // them at once would hold the event loop for tens of milliseconds in a tenant of thousands.
    const worker = async () => {
      for (let chunk = next++; chunk * perBatch < groups.length; chunk = next++) {
        const filled = await this.contentsOf(groups.slice(chunk * perBatch, (chunk + 1) * perBatch), { signal });
        for (const group of filled) arrived?.(group);
        loaded[chunk] = filled;
      }
    };
    const workers = Array.from({ length: this.http.concurrency.ceiling + 1 }, () => worker().catch((error: unknown) => {
      stop.abort(error);
      throw error;
    }));
    const settled = await Promise.allSettled(workers);
    // The first failure, not the aborts it caused in the others.
    if (stop.signal.aborted) throw stop.signal.reason;
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    return loaded.flat();
  }

  /** One group's members and applications, ahead of any background load: a person is waiting. */
  async loadGroupContents(group: ConnectorGroup): Promise<ConnectorGroupWithContents | undefined> {
    return (await this.contentsOf([group], { urgent: true }))[0];
  }

  private async contentsOf(groups: ConnectorGroup[], options: ReadOptions): Promise<ConnectorGroupWithContents[]> {
    const steps: BatchStep[] = groups.flatMap((g, i) => [
      { id: `m${i}`, method: 'GET', path: `${groupPath(g.id)}/members${query({ $top: String(MAX_PAGE) })}` },
      { id: `a${i}`, method: 'GET', path: `${groupPath(g.id)}/applications${query({ $select: APPLICATION_FIELDS, $top: String(MAX_PAGE) })}` },
    ]);
    const outcomes = await this.http.batch(steps, options);
    const filled = await Promise.all(groups.map(async (group, i) => {
      const members = outcomes.get(`m${i}`)!;
      const applications = outcomes.get(`a${i}`)!;
      for (const outcome of [members, applications]) {
        if (!outcome.ok && isGone(outcome.error)) return undefined;
        if (!outcome.ok) throw outcome.error;
      }
      try {
        return {
          ...group,
          members: await this.rest<Connector>(members.ok ? members.body as CollectionPage : undefined, options),
          applications: await this.rest<Application>(applications.ok ? applications.body as CollectionPage : undefined, options),
        };
      } catch (error) {
        if (isGone(error)) return undefined;
        throw error;
      }
    }));
    return filled.filter((g): g is ConnectorGroupWithContents => g !== undefined);
  }

  private async rest<T>(page: CollectionPage | undefined, options: ReadOptions): Promise<T[]> {
    const first = (page?.value ?? []) as T[];
    const next = page?.['@odata.nextLink'];
    return next ? [...first, ...(await this.http.getAll<T>(next, options))] : first;
  }
}

interface CollectionPage {
  value?: unknown[];
  '@odata.nextLink'?: string;
}
