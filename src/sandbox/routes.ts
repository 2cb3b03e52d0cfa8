// The Graph endpoints of the contract: one table of method + path pattern → handler.
import { isPrivateAccess } from './model';
import { collectionResponse, entityResponse, propertyResponse, type EntityShape } from './odataQuery';
import { referencedId } from './references';
import {
  APPLICATION_SHAPE, APPLICATION_SHAPE_V1, CONNECTOR_SHAPE, GROUP_SHAPE, ON_PREMISES_PUBLISHING_SHAPE, ORGANIZATION_SHAPE, SEGMENT_SHAPE,
  applicationDto, connectorDto, groupDto, onPremisesPublishingDto, segmentDto,
} from './resources';
import type { TenantStore } from './tenantStore';
import { notFound } from './graphError';

export type StatusVariant = 'standard' | 'alternate';

export interface RouteContext {
  version: 'beta' | 'v1.0';
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  store: TenantStore;
  /** `http://127.0.0.1:port/beta` */
  serviceRoot: string;
  /** The request path below the service root. */
  path: string;
  /** `127.0.0.1:port`, accepted as a host in `@odata.id` references. */
  host: string;
  variant: StatusVariant;
}

export interface RouteResult {
  status: number;
  body?: unknown;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  segments: string[];
  /** Set on beta-only routes: the segment v1.0 reports as not found. */
  betaOnly?: string;
  /** Served by the Application Proxy backend (connector groups, connectors, an application's group), not the directory. */
  appProxy: boolean;
  handle(ctx: RouteContext): RouteResult;
}

const P = 'onPremisesPublishingProfiles/applicationProxy';
const GROUPS = `${P}/connectorGroups`;
const CONNECTORS = `${P}/connectors`;

const ok = (body: unknown): RouteResult => ({ status: 200, body });
const noContent: RouteResult = { status: 204 };

function list(ctx: RouteContext, items: Record<string, unknown>[], shape: EntityShape, fragment: string): RouteResult {
  return ok(collectionResponse(items, shape, { serviceRoot: ctx.serviceRoot, path: ctx.path, query: ctx.query, contextFragment: fragment }));
}

function one(ctx: RouteContext, item: Record<string, unknown>, shape: EntityShape, fragment: string): RouteResult {
  return ok(entityResponse(item, shape, { serviceRoot: ctx.serviceRoot, path: ctx.path, query: ctx.query, contextFragment: fragment }));
}

const SEGMENTS = 'onPremisesPublishing/segmentsConfiguration/microsoft.graph.ipSegmentConfiguration/applicationSegments';
const GROUPS_CONTEXT = "onPremisesPublishingProfiles('applicationProxy')/connectorGroups";
const CONNECTORS_CONTEXT = "onPremisesPublishingProfiles('applicationProxy')/connectors";

function appShape(ctx: RouteContext): EntityShape {
  return ctx.version === 'beta' ? APPLICATION_SHAPE : APPLICATION_SHAPE_V1;
}

function route(method: Route['method'], path: string, handle: Route['handle'], betaOnly?: string): Route {
  const appProxy = path.startsWith('onPremisesPublishingProfiles/') || /\/connectorGroup(\/|$)/.test(path);
  return { method, segments: path.split('/'), handle, betaOnly, appProxy };
}

export const ROUTES: Route[] = [
  route('GET', GROUPS, (ctx) =>
    list(ctx, [...ctx.store.tenant.groups.values()].map(groupDto), GROUP_SHAPE, GROUPS_CONTEXT), 'onPremisesPublishingProfiles'),

  route('POST', GROUPS, (ctx) => {
    const group = ctx.store.createGroup(ctx.body);
    const status = ctx.variant === 'standard' ? 201 : 200;
    return { status, body: { '@odata.context': `${ctx.serviceRoot}/$metadata#${GROUPS_CONTEXT}/$entity`, ...groupDto(group) } };
  }, 'onPremisesPublishingProfiles'),

  route('GET', `${GROUPS}/{group}`, (ctx) =>
    one(ctx, groupDto(ctx.store.group(ctx.params.group)), GROUP_SHAPE, GROUPS_CONTEXT), 'onPremisesPublishingProfiles'),

  route('PATCH', `${GROUPS}/{group}`, (ctx) => {
    const group = ctx.store.updateGroup(ctx.params.group, ctx.body);
    return ctx.variant === 'standard' ? noContent : ok({ '@odata.context': `${ctx.serviceRoot}/$metadata#${GROUPS_CONTEXT}/$entity`, ...groupDto(group) });
  }, 'onPremisesPublishingProfiles'),

  route('DELETE', `${GROUPS}/{group}`, (ctx) => {
    ctx.store.deleteGroup(ctx.params.group);
    return noContent;
  }, 'onPremisesPublishingProfiles'),

  route('GET', `${GROUPS}/{group}/members`, (ctx) => {
    const group = ctx.store.group(ctx.params.group);
    return list(ctx, ctx.store.members(group).map(connectorDto), CONNECTOR_SHAPE, CONNECTORS_CONTEXT);
  }, 'onPremisesPublishingProfiles'),

  route('POST', `${GROUPS}/{group}/members/$ref`, (ctx) => {
    const group = ctx.store.group(ctx.params.group);
    const connector = ctx.store.connector(referencedId(ctx.body, 'connectors', ctx.host));
    ctx.store.moveConnector(connector, group);
    return ctx.variant === 'standard' ? noContent : { status: 201, body: connectorDto(connector) };
  }, 'onPremisesPublishingProfiles'),

  route('GET', `${GROUPS}/{group}/applications`, (ctx) => {
    const group = ctx.store.group(ctx.params.group);
    return list(ctx, ctx.store.applications(group).map((a) => applicationDto(a, ctx.version)), APPLICATION_SHAPE, 'applications');
  }, 'onPremisesPublishingProfiles'),

  route('POST', `${GROUPS}/{group}/applications/$ref`, (ctx) => {
    const group = ctx.store.group(ctx.params.group);
    const application = ctx.store.publishedApplication(referencedId(ctx.body, 'applications', ctx.host));
    ctx.store.assignApplication(application, group);
    return noContent;
  }, 'onPremisesPublishingProfiles'),

  route('GET', CONNECTORS, (ctx) =>
    list(ctx, [...ctx.store.tenant.connectors.values()].map(connectorDto), CONNECTOR_SHAPE, CONNECTORS_CONTEXT), 'onPremisesPublishingProfiles'),

  route('GET', `${CONNECTORS}/{connector}`, (ctx) =>
    one(ctx, connectorDto(ctx.store.connector(ctx.params.connector)), CONNECTOR_SHAPE, CONNECTORS_CONTEXT), 'onPremisesPublishingProfiles'),

  route('GET', `${CONNECTORS}/{connector}/memberOf`, (ctx) => {
    const connector = ctx.store.connector(ctx.params.connector);
    return list(ctx, [groupDto(ctx.store.group(connector.groupId))], GROUP_SHAPE, GROUPS_CONTEXT);
  }, 'onPremisesPublishingProfiles'),

  route('POST', `${CONNECTORS}/{connector}/memberOf/$ref`, (ctx) => {
    const connector = ctx.store.connector(ctx.params.connector);
    const group = ctx.store.group(referencedId(ctx.body, 'connectorGroups', ctx.host));
    ctx.store.moveConnector(connector, group);
    // The Learn tutorial's 204 by default; the reference page's 201 carries the group, never nothing.
    return ctx.variant === 'standard'
      ? noContent
      : { status: 201, body: { '@odata.context': `${ctx.serviceRoot}/$metadata#${GROUPS_CONTEXT}/$entity`, ...groupDto(group) } };
  }, 'onPremisesPublishingProfiles'),

  route('GET', 'applications', (ctx) =>
    list(ctx, [...ctx.store.tenant.applications.values()].map((a) => applicationDto(a, ctx.version)), appShape(ctx), 'applications')),

  route('GET', 'applications/{application}', (ctx) =>
    one(ctx, applicationDto(ctx.store.application(ctx.params.application), ctx.version), appShape(ctx), 'applications')),

  // The property addressed directly, as Entra PowerShell reads it; a null one is OData's 204.
  route('GET', 'applications/{application}/onPremisesPublishing', (ctx) => {
    const application = ctx.store.application(ctx.params.application);
    if (!application.onPremisesPublishing) return noContent;
    return ok(propertyResponse(onPremisesPublishingDto(application.onPremisesPublishing), ON_PREMISES_PUBLISHING_SHAPE, {
      serviceRoot: ctx.serviceRoot, path: ctx.path, query: ctx.query, contextFragment: `applications('${application.id}')/onPremisesPublishing`,
    }));
  }, 'onPremisesPublishing'),

  // What a Private Access or Quick Access application reaches; other applications have no segments.
  route('GET', `applications/{application}/${SEGMENTS}`, (ctx) => {
    const application = ctx.store.application(ctx.params.application);
    if (!isPrivateAccess(application)) {
      throw notFound(`Application '${application.id}' is not a Private Access application and has no application segments.`);
    }
    return list(ctx, (application.segments ?? []).map(segmentDto), SEGMENT_SHAPE, `applications('${application.id}')/${SEGMENTS}`);
  }, 'onPremisesPublishing'),

  route('GET', 'applications/{application}/connectorGroup', (ctx) => {
    const application = ctx.store.application(ctx.params.application);
    if (application.groupId === null) {
      throw notFound(`Application '${application.id}' is not published through Application Proxy and has no connector group.`);
    }
    return one(ctx, groupDto(ctx.store.group(application.groupId)), GROUP_SHAPE, GROUPS_CONTEXT);
  }, 'connectorGroup'),

  route('PUT', 'applications/{application}/connectorGroup/$ref', (ctx) => {
    const application = ctx.store.publishedApplication(ctx.params.application);
    const group = ctx.store.group(referencedId(ctx.body, 'connectorGroups', ctx.host));
    ctx.store.assignApplication(application, group);
    return noContent;
  }, 'connectorGroup'),

  route('DELETE', 'applications/{application}/connectorGroup/$ref', (ctx) => {
    ctx.store.unassignApplication(ctx.store.publishedApplication(ctx.params.application));
    return noContent;
  }, 'connectorGroup'),

  // The seed-002 draft page, written for v1.0 and accepted under both versions.
  route('POST', 'applications/{application}/connectorGroup/members/{connector}/memberOf/$ref', (ctx) => {
    ctx.store.application(ctx.params.application);
    const connector = ctx.store.connector(ctx.params.connector);
    const group = ctx.store.group(referencedId(ctx.body, 'connectorGroups', ctx.host, true));
    ctx.store.moveConnector(connector, group);
    return noContent;
  }),

  route('GET', 'organization', (ctx) => {
    const { id, displayName, verifiedDomains } = ctx.store.tenant.organization;
    return list(ctx, [{ id, displayName, verifiedDomains }], ORGANIZATION_SHAPE, 'organization');
  }),
];
