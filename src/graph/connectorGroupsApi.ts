// The typed gateway for everything the extension asks of Graph about connector groups.
import { isRegion, REGIONS } from '../shared/regions';
import { validateGroupName } from '../shared/validation';
import { GraphInputError, GraphRequestError } from './errors';
import { MAX_BATCH_SIZE, type BatchOutcome, type BatchStep, type GraphHttp } from './graphHttp';
import { odataString, query, requireId } from './odata';
import type {
  Application, Connector, ConnectorGroup, ConnectorGroupWithContents, GroupChanges, Organization,
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

/** For idempotent removals: these refusals to a repeated request mean the earlier attempt succeeded. */
function doneIfRepeated(...statuses: number[]): (error: unknown) => void {
  return (error) => {
    if (error instanceof GraphRequestError && error.repeated && statuses.includes(error.status)) return;
    throw error;
  };
}

function groupOf({ id, name, connectorGroupType, isDefault, region }: ConnectorGroup): ConnectorGroup {
  return { id, name, connectorGroupType, isDefault, region };
}

/** Throws the first failure of a batch; returns the answers in step order otherwise. */
function allOk(outcomes: Map<string, BatchOutcome>, steps: BatchStep[]): unknown[] {
  return steps.map((step) => {
    const outcome = outcomes.get(step.id)!;
    if (!outcome.ok) throw outcome.error;
    return outcome.body;
  });
}

export class ConnectorGroupsApi {
  constructor(private readonly http: GraphHttp) {}

  async organization(): Promise<Organization | undefined> {
    const page = await this.http.get<{ value?: Organization[] }>(`/organization${query({ $select: 'id,displayName,verifiedDomains' })}`);
    return page?.value?.[0];
  }

  /** `page` sees each page of groups as it arrives (the tree paints after the first). */
  async listGroups(page?: (groups: ConnectorGroup[]) => void): Promise<ConnectorGroup[]> {
    // The largest page Graph allows: a tenant of hundreds of groups in one round trip.
    return this.http.getAll<ConnectorGroup>(`${GROUPS}${query({ $top: String(MAX_PAGE) })}`, false, page);
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

  /** Deletes a group. A 404 to a repeat (the first answer was lost) means the first one did it. */
  async deleteGroup(id: string): Promise<void> {
    await this.http.send('DELETE', groupPath(id)).catch(doneIfRepeated(404));
  }

  async listMembers(groupId: string): Promise<Connector[]> {
    return this.http.getAll<Connector>(`${groupPath(groupId)}/members`);
  }

  async listGroupApplications(groupId: string): Promise<Application[]> {
    return this.http.getAll<Application>(`${groupPath(groupId)}/applications${query({ $select: APPLICATION_FIELDS })}`);
  }

  async listConnectors(): Promise<Connector[]> {
    return this.http.getAll<Connector>(CONNECTORS);
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
    const steps: BatchStep[] = connectorIds.map((id) => ({
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
    return this.http.batch(applicationIds.map((id) => this.assignStep(id, groupId)));
  }

  /** Takes an application out of its group; Graph puts it back in the default group. */
  async unassignApplication(applicationId: string): Promise<void> {
    // A repeat finds the application gone (404) or already in the default group (400): both say the
    // first attempt, whose answer was lost, took effect.
    await this.http.send('DELETE', `${applicationPath(applicationId)}/connectorGroup/$ref`).catch(doneIfRepeated(404, 400));
  }

  /**
   * Every group with its members and applications: one round trip for the groups (per page) and one
   * `$batch` per ten groups for their contents; a content list longer than a page follows its next links.
   */
  async loadGroupsWithContents(): Promise<ConnectorGroupWithContents[]> {
    return this.loadContents(await this.listGroups());
  }

  /**
   * The members and applications of these groups: a `$batch` per ten groups, the batches side by
   * side (as many as the gateway lets), each group handed to `arrived` as soon as its batch is in.
   */
  async loadContents(groups: ConnectorGroup[], arrived?: (group: ConnectorGroupWithContents) => void): Promise<ConnectorGroupWithContents[]> {
    const perBatch = MAX_BATCH_SIZE / 2;
    const loaded: ConnectorGroupWithContents[][] = [];
    let next = 0;
    // A few workers, each preparing its next batch only when its last one is in: preparing all of
    // them at once would hold the event loop for tens of milliseconds in a tenant of thousands.
    const worker = async () => {
      for (let chunk = next++; chunk * perBatch < groups.length; chunk = next++) {
        const filled = await this.contentsOf(groups.slice(chunk * perBatch, (chunk + 1) * perBatch), false);
        for (const group of filled) arrived?.(group);
        loaded[chunk] = filled;
      }
    };
    await Promise.all(Array.from({ length: this.http.concurrency + 1 }, worker));
    return loaded.flat();
  }

  /** One group's members and applications, ahead of any background load: a person is waiting. */
  async loadGroupContents(group: ConnectorGroup): Promise<ConnectorGroupWithContents> {
    return (await this.contentsOf([group], true))[0];
  }

  private async contentsOf(groups: ConnectorGroup[], urgent: boolean): Promise<ConnectorGroupWithContents[]> {
    const steps: BatchStep[] = groups.flatMap((g, i) => [
      { id: `m${i}`, method: 'GET', path: `${groupPath(g.id)}/members${query({ $top: String(MAX_PAGE) })}` },
      { id: `a${i}`, method: 'GET', path: `${groupPath(g.id)}/applications${query({ $select: APPLICATION_FIELDS, $top: String(MAX_PAGE) })}` },
    ]);
    const bodies = allOk(await this.http.batch(steps, urgent), steps) as CollectionPage[];
    return Promise.all(groups.map(async (group, i) => ({
      ...group,
      members: await this.rest<Connector>(bodies[2 * i], urgent),
      applications: await this.rest<Application>(bodies[2 * i + 1], urgent),
    })));
  }

  private async rest<T>(page: CollectionPage | undefined, urgent: boolean): Promise<T[]> {
    const first = (page?.value ?? []) as T[];
    const next = page?.['@odata.nextLink'];
    return next ? [...first, ...(await this.http.getAll<T>(next, urgent))] : first;
  }
}

interface CollectionPage {
  value?: unknown[];
  '@odata.nextLink'?: string;
}
