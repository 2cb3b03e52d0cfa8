// Finds the route for a request and runs it: version rules, 405 for a wrong method, 403 without permission.
import { SandboxError, segmentNotFound } from './graphError';
import { checkSystemQueryOptions } from './odataQuery';
import { checkAccess } from './permissions';
import { ROUTES, type RouteContext, type RouteResult, type StatusVariant } from './routes';
import type { TenantStore } from './tenantStore';
import type { Grant } from './tokens';

export interface GraphRequest {
  method: string;
  version: 'beta' | 'v1.0';
  /** Below the version, starting with `/`, without the query. */
  path: string;
  query: URLSearchParams;
  body: unknown;
  grant: Grant;
}

export interface DispatchEnvironment {
  store: TenantStore;
  /** `http://127.0.0.1:port` */
  origin: string;
  variant: StatusVariant;
  /** Reads of the Application Proxy API need Directory.ReadWrite.All too. */
  readsNeedReadWrite: boolean;
}

function matches(pattern: string[], segments: string[], params: Record<string, string>): number {
  let matched = 0;
  for (; matched < Math.min(pattern.length, segments.length); matched++) {
    const want = pattern[matched];
    if (want.startsWith('{')) params[want.slice(1, -1)] = segments[matched];
    else if (want.toLowerCase() !== segments[matched].toLowerCase()) break;
  }
  return matched;
}

export function dispatch(request: GraphRequest, env: DispatchEnvironment): RouteResult {
  let segments: string[];
  try {
    segments = request.path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    throw segmentNotFound(request.path);
  }
  let deepest = 0;
  const allowed: string[] = [];
  for (const route of ROUTES) {
    const params: Record<string, string> = {};
    const matched = matches(route.segments, segments, params);
    deepest = Math.max(deepest, matched);
    if (matched !== route.segments.length || matched !== segments.length) continue;
    if (request.version === 'v1.0' && route.betaOnly) throw segmentNotFound(route.betaOnly);
    if (route.method !== request.method) {
      allowed.push(route.method);
      continue;
    }
    checkAccess(request.grant, { method: request.method, appProxy: route.appProxy }, env.readsNeedReadWrite);
    checkSystemQueryOptions(request.query);
    const ctx: RouteContext = {
      version: request.version,
      params,
      query: request.query,
      body: request.body,
      store: env.store,
      serviceRoot: `${env.origin}/${request.version}`,
      path: request.path,
      host: new URL(env.origin).host,
      variant: env.variant,
    };
    return route.handle(ctx);
  }
  if (allowed.length > 0) {
    throw new SandboxError(405, 'Request_BadRequest', `The HTTP method '${request.method}' is not allowed on this resource; allowed: ${allowed.join(', ')}.`, { Allow: allowed.join(', ') });
  }
  throw segmentNotFound(segments[deepest] ?? segments[segments.length - 1] ?? '');
}
