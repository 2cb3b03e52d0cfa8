// The sandbox tenant's rules: every change Graph allows, and Graph's refusal for every one it does not.
import { SandboxError, badRequest, notFound } from './graphError';
import { GUID_PATTERN, newGuid } from './ids';
import {
  REGIONS, defaultGroup,
  type ApplicationRecord, type ConnectorRecord, type GroupRecord, type Tenant,
} from './model';

const MAX_NAME_LENGTH = 256;
const GROUP_TYPE = 'microsoft.graph.connectorGroup';
/** The read-only properties and the JSON type each must have even where it is ignored. */
const READ_ONLY_GROUP_PROPERTIES = new Map([['id', 'string'], ['isDefault', 'boolean'], ['connectorGroupType', 'string']]);

type Body = Record<string, unknown>;

/**
 * Who is in which group, built once per state of a tenant object (a large tenant's $batch would
 * otherwise scan every connector for every group); a move forgets it.
 */
const memberships = new WeakMap<Tenant, { connectors: Map<string, ConnectorRecord[]>; applications: Map<string, ApplicationRecord[]> }>();

function membershipOf(tenant: Tenant) {
  let index = memberships.get(tenant);
  if (!index) {
    const by = <T extends { groupId: string | null }>(records: Iterable<T>) => {
      const map = new Map<string, T[]>();
      for (const record of records) {
        if (record.groupId === null) continue;
        const list = map.get(record.groupId);
        if (list) list.push(record);
        else map.set(record.groupId, [record]);
      }
      return map;
    };
    index = { connectors: by(tenant.connectors.values()), applications: by(tenant.applications.values()) };
    memberships.set(tenant, index);
  }
  return index;
}

export function checkGuid(raw: string): string {
  if (!GUID_PATTERN.test(raw)) badId(raw);
  return raw.toLowerCase();
}

function badId(raw: string): never {
  throw badRequest(`Invalid object identifier '${raw}'.`);
}

function missing(id: string): never {
  throw notFound(`Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
}

function checkName(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw badRequest("Invalid value for property 'name': a connector group needs a non-empty name.");
  }
  if (value.length > MAX_NAME_LENGTH) {
    throw badRequest(`Invalid value for property 'name': the name is longer than ${MAX_NAME_LENGTH} characters.`);
  }
  return value;
}

function checkRegion(value: unknown): string {
  if (typeof value !== 'string' || !(REGIONS as readonly string[]).includes(value)) {
    throw badRequest(`Invalid value '${String(value)}' for property 'region'. Allowed values: ${REGIONS.join(', ')}.`);
  }
  return value;
}

function checkBody(body: unknown): Body {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('The request body must be a JSON object.');
  }
  return body as Body;
}

/**
 * A connector group in a create or update body: known properties only, `@odata.type` naming this
 * type, and values of the property's type (as Graph's reader needs, even for ones it then ignores).
 */
function checkGroupBody(rawBody: unknown, readOnly: 'ignored' | 'refused'): Body {
  const body = checkBody(rawBody);
  for (const [key, value] of Object.entries(body)) {
    if (key === '@odata.type') {
      if (typeof value !== 'string' || value.replace(/^#/, '') !== GROUP_TYPE) {
        throw badRequest(`A type named '${String(value)}' could not be resolved here: expected '#${GROUP_TYPE}'.`);
      }
      continue;
    }
    if (key.startsWith('@odata.')) continue;
    const readOnlyType = READ_ONLY_GROUP_PROPERTIES.get(key);
    if (readOnlyType !== undefined) {
      if (readOnly === 'refused') throw badRequest(`Property '${key}' is read-only and cannot be set.`);
      if (typeof value !== readOnlyType) throw badRequest(`Invalid value for property '${key}': expected a ${readOnlyType}.`);
      continue;
    }
    if (key !== 'name' && key !== 'region') throw badRequest(`Property '${key}' does not exist on type '${GROUP_TYPE}'.`);
  }
  return body;
}

export class TenantStore {
  /** `newId` names created groups: random as in Graph, or drawn from a seed so a run can be repeated. */
  constructor(public tenant: Tenant, private readonly newId: () => string = newGuid) {}

  group(rawId: string): GroupRecord {
    const id = checkGuid(rawId);
    return this.tenant.groups.get(id) ?? missing(rawId);
  }

  connector(rawId: string): ConnectorRecord {
    const id = checkGuid(rawId);
    return this.tenant.connectors.get(id) ?? missing(rawId);
  }

  application(rawId: string): ApplicationRecord {
    const id = checkGuid(rawId);
    return this.tenant.applications.get(id) ?? missing(rawId);
  }

  /** A published application: assigning a plain one fails the way the live service does. */
  publishedApplication(rawId: string): ApplicationRecord & { groupId: string } {
    const application = this.application(rawId);
    if (!application.onPremisesPublishing || application.groupId === null) {
      throw new SandboxError(400, 'Application_NotFound', 'OnPremisesPublishing is not enabled for this application.');
    }
    return application as ApplicationRecord & { groupId: string };
  }

  members(group: GroupRecord): ConnectorRecord[] {
    return [...(membershipOf(this.tenant).connectors.get(group.id) ?? [])];
  }

  applications(group: GroupRecord): ApplicationRecord[] {
    return [...(membershipOf(this.tenant).applications.get(group.id) ?? [])];
  }

  private inUse(group: GroupRecord): boolean {
    const has = <T extends { groupId: string | null }>(items: Map<string, T>) =>
      [...items.values()].some((item) => item.groupId === group.id);
    return has(this.tenant.connectors) || has(this.tenant.applications);
  }

  createGroup(rawBody: unknown): GroupRecord {
    // Read-only properties in a create body are ignored, as the live service does.
    const body = checkGroupBody(rawBody, 'ignored');
    const group: GroupRecord = {
      id: this.newId(),
      name: checkName(body.name),
      connectorGroupType: 'applicationProxy',
      isDefault: false,
      region: body.region === undefined ? defaultGroup(this.tenant).region : checkRegion(body.region),
    };
    this.tenant.groups.set(group.id, group);
    return group;
  }

  updateGroup(rawId: string, rawBody: unknown): GroupRecord {
    const group = this.group(rawId);
    const body = checkGroupBody(rawBody, 'refused');
    const name = 'name' in body ? checkName(body.name) : group.name;
    const region = 'region' in body ? checkRegion(body.region) : group.region;
    if (region !== group.region && this.inUse(group)) {
      throw badRequest(
        `The region of connector group '${group.name}' can only be set while no connector and no application is assigned to it. Move its connectors and applications to another group first.`,
      );
    }
    group.name = name;
    group.region = region;
    return group;
  }

  deleteGroup(rawId: string): void {
    const group = this.group(rawId);
    if (group.isDefault) {
      throw badRequest('The default connector group cannot be deleted.');
    }
    if (this.inUse(group)) {
      throw badRequest(
        `Connector group '${group.name}' cannot be deleted while connectors or applications are assigned to it. Move them to another group first.`,
      );
    }
    this.tenant.groups.delete(group.id);
  }

  /** Moves a connector: it belongs to exactly one group, so joining one leaves the other. */
  moveConnector(connector: ConnectorRecord, target: GroupRecord): void {
    if (connector.groupId === target.id) return;
    const defaultRegion = defaultGroup(this.tenant).region;
    const source = this.tenant.groups.get(connector.groupId);
    if (target.region !== defaultRegion && source?.region !== defaultRegion) {
      throw badRequest(
        `Connector '${connector.machineName}' cannot be moved into the region-optimised group '${target.name}' (${target.region}) from group '${source?.name}' (${source?.region}): connectors can join a region-optimised group only from a group in the default region (${defaultRegion}). Move it to a group in the default region first.`,
      );
    }
    connector.groupId = target.id;
    memberships.delete(this.tenant);
  }

  assignApplication(application: ApplicationRecord & { groupId: string }, target: GroupRecord): void {
    application.groupId = target.id;
    memberships.delete(this.tenant);
  }

  unassignApplication(application: ApplicationRecord & { groupId: string }): void {
    const home = defaultGroup(this.tenant);
    if (application.groupId === home.id) {
      throw badRequest(`Application '${application.displayName}' cannot be removed from the 'Default' group unless it is being added to another group.`);
    }
    application.groupId = home.id;
    memberships.delete(this.tenant);
  }
}
