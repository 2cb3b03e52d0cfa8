// OData query options ($select, $filter, $top, $count, $skiptoken) and paging with @odata.nextLink.
import { SandboxError, badRequest } from './graphError';
import { parseFilter } from './odataFilter';

export interface EntityShape {
  /** The OData type name used in error messages, e.g. `microsoft.graph.connectorGroup`. */
  type: string;
  properties: readonly string[];
  filterable: readonly string[];
  /** Properties returned only when `$select` names them. */
  selectedOnly?: readonly string[];
}

export interface QueryTarget {
  /** `http://127.0.0.1:port/beta` — where next links and contexts point. */
  serviceRoot: string;
  /** The resource path below the service root, e.g. `/onPremisesPublishingProfiles/applicationProxy/connectors`. */
  path: string;
  query: URLSearchParams;
  contextFragment: string;
}

export const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 999;
const COLLECTION_OPTIONS = new Set(['$select', '$filter', '$top', '$count', '$skiptoken']);
const ENTITY_OPTIONS = new Set(['$select']);
/** OData's system query options; any other `$` name is refused on every resource. */
const SYSTEM_OPTIONS = new Set([
  '$select', '$expand', '$filter', '$orderby', '$top', '$skip', '$count', '$search', '$format',
  '$skiptoken', '$deltatoken', '$apply', '$compute', '$index', '$levels', '$schemaversion', '$id',
]);

/** Checks the query of any request: no unknown system query option, none given twice. */
export function checkSystemQueryOptions(query: URLSearchParams): void {
  const seen = new Set<string>();
  for (const key of query.keys()) {
    if (!key.startsWith('$')) continue;
    if (!SYSTEM_OPTIONS.has(key)) throw badRequest(`Query option '${key}' is not supported on this resource.`);
    if (seen.has(key)) throw badRequest(`Query option '${key}' was specified more than once, but it must be specified at most once.`);
    seen.add(key);
  }
}

function checkOptions(query: URLSearchParams, allowed: Set<string>): void {
  for (const key of query.keys()) {
    if (!key.startsWith('$')) continue;
    if (key === '$expand') {
      // The App Proxy backend answers an unsupported $expand with an empty error code.
      throw new SandboxError(400, '', `Parsing OData Select and Expand failed: the navigation property '${query.get(key)}' cannot be expanded on this resource.`);
    }
    if (!allowed.has(key)) throw badRequest(`Query option '${key}' is not supported on this resource.`);
  }
}

function selected(query: URLSearchParams, shape: EntityShape): string[] | undefined {
  const raw = query.get('$select');
  if (raw === null) return shape.selectedOnly ? shape.properties.filter((p) => !shape.selectedOnly!.includes(p)) : undefined;
  const names = raw.split(',').map((s) => s.trim());
  for (const name of names) {
    if (!shape.properties.includes(name)) {
      throw badRequest(`Could not find a property named '${name}' on type '${shape.type}'.`);
    }
  }
  // Graph always returns the key.
  return Array.from(new Set(['id', ...names]));
}

function project(item: Record<string, unknown>, names: string[] | undefined): Record<string, unknown> {
  if (!names) return item;
  return Object.fromEntries(names.filter((n) => n in item).map((n) => [n, item[n]]));
}

function pageSize(query: URLSearchParams): number {
  const raw = query.get('$top');
  if (raw === null) return DEFAULT_PAGE_SIZE;
  const top = Number(raw);
  if (!/^\d+$/.test(raw) || top < 1 || top > MAX_PAGE_SIZE) {
    throw badRequest(`Invalid page size specified: '${raw}'. Must be between 1 and ${MAX_PAGE_SIZE} inclusive.`);
  }
  return top;
}

function offsetFrom(query: URLSearchParams): number {
  const token = query.get('$skiptoken');
  if (token === null) return 0;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown };
    if (typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0) return parsed.o;
  } catch {
    // fall through to the same error as a well-formed but wrong token
  }
  throw badRequest('Invalid $skiptoken value.');
}

function wantsCount(query: URLSearchParams): boolean {
  const raw = query.get('$count');
  if (raw === null || raw === 'false') return false;
  if (raw === 'true') return true;
  throw badRequest(`Invalid value '${raw}' for $count: expected true or false.`);
}

export function entityResponse(item: Record<string, unknown>, shape: EntityShape, target: QueryTarget): object {
  checkOptions(target.query, ENTITY_OPTIONS);
  return {
    '@odata.context': `${target.serviceRoot}/$metadata#${target.contextFragment}/$entity`,
    ...project(item, selected(target.query, shape)),
  };
}

/** A complex property addressed directly (`applications/{id}/onPremisesPublishing`): `$select` of its own properties. */
export function propertyResponse(value: Record<string, unknown>, shape: EntityShape, target: QueryTarget): object {
  checkOptions(target.query, ENTITY_OPTIONS);
  // A complex value has no key: only the properties named.
  const names = selected(target.query, shape)?.filter((n) => shape.properties.includes(n));
  return { '@odata.context': `${target.serviceRoot}/$metadata#${target.contextFragment}`, ...project(value, names) };
}

export function collectionResponse(items: Record<string, unknown>[], shape: EntityShape, target: QueryTarget): object {
  const { query } = target;
  checkOptions(query, COLLECTION_OPTIONS);
  const names = selected(query, shape);
  const size = pageSize(query);
  const count = wantsCount(query);
  const offset = offsetFrom(query);
  const filter = query.get('$filter');
  const matching = filter === null ? items : items.filter(parseFilter(filter, new Set(shape.filterable)));
  const page = matching.slice(offset, offset + size);
  const body: Record<string, unknown> = {
    '@odata.context': `${target.serviceRoot}/$metadata#${target.contextFragment}`,
  };
  if (count) body['@odata.count'] = matching.length;
  if (offset + size < matching.length) {
    const nextQuery = new URLSearchParams(query);
    nextQuery.set('$skiptoken', Buffer.from(JSON.stringify({ o: offset + size })).toString('base64url'));
    body['@odata.nextLink'] = `${target.serviceRoot}${target.path}?${nextQuery.toString().replace(/%24/g, '$')}`;
  }
  body.value = page.map((item) => project(item, names));
  return body;
}
