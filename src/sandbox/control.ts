// The sandbox's own control API under /_sandbox: state, reset, connector statuses and their schedule,
// request log, faults, options and tokens
// (the identity platform's endpoints are in identityControl.ts).
import { roleIds } from './directoryRoles';
import { checkFaultRules } from './faults';
import { SandboxError, badRequest } from './graphError';
import { handleIdentityControl, identityOptions, patchIdentityOptions } from './identityControl';
import { applicationDto, connectorDto, groupDto } from './resources';
import type { RouteResult } from './routes';
import { demoTenant, scaleTenant } from './seeds';
import { checkStatusScript } from './statusSchedule';
import type { GraphSandbox } from './server';

type Body = Record<string, unknown> | undefined;

function snapshot(sandbox: GraphSandbox): object {
  const { store } = sandbox;
  const { organization, groups, connectors, applications } = store.tenant;
  return {
    organization,
    groups: [...groups.values()].map((g) => ({
      ...groupDto(g),
      members: store.members(g).map((c) => c.id),
      applications: store.applications(g).map((a) => a.id),
    })),
    connectors: [...connectors.values()].map((c) => ({ ...connectorDto(c), groupId: c.groupId })),
    applications: [...applications.values()].map((a) => ({ ...applicationDto(a, 'beta'), groupId: a.groupId })),
  };
}

function options(sandbox: GraphSandbox): object {
  return {
    variant: sandbox.variant, latencyMs: sandbox.latencyMs, readLagMs: sandbox.readLag.lagMs, readsNeedReadWrite: sandbox.readsNeedReadWrite,
    ...identityOptions(sandbox),
  };
}

function count(body: Body, key: string): number {
  const value = (body?.scale as Record<string, unknown> | undefined)?.[key];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 1_000_000) {
    throw badRequest(`scale.${key} must be a whole number from 0 to 1000000.`);
  }
  return value;
}

export function handleControl(sandbox: GraphSandbox, method: string, path: string, raw: unknown): RouteResult {
  const body = raw as Body;
  const key = `${method} ${path.replace(/\/+$/, '')}`;
  const identity = handleIdentityControl(sandbox, method, path, raw);
  if (identity) return identity;
  // A connector going inactive or active again, as its host stops or starts: what the watch polls for.
  const status = /^PATCH \/_sandbox\/connectors\/([^/]+)$/.exec(key);
  if (status) {
    const connector = sandbox.store.connector(decodeURIComponent(status[1]));
    if (body?.status !== 'active' && body?.status !== 'inactive') throw badRequest("status must be 'active' or 'inactive'.");
    connector.status = body.status;
    return { status: 200, body: { ...connectorDto(connector), groupId: connector.groupId } };
  }
  switch (key) {
    case 'GET /_sandbox/state':
      return { status: 200, body: snapshot(sandbox) };
    case 'POST /_sandbox/reset':
      sandbox.reset(body?.scale
        ? scaleTenant({ groups: count(body, 'groups'), connectors: count(body, 'connectors'), applications: count(body, 'applications') })
        : demoTenant());
      return { status: 204 };
    case 'GET /_sandbox/requests':
      return { status: 200, body: { value: sandbox.requests, maxInFlight: sandbox.inFlight.max, inFlight: sandbox.inFlight.now } };
    case 'DELETE /_sandbox/requests':
      sandbox.requests.length = 0;
      sandbox.inFlight.max = sandbox.inFlight.now;
      return { status: 204 };
    case 'GET /_sandbox/status-schedule':
      return { status: 200, body: sandbox.statusSchedule.list() };
    case 'PUT /_sandbox/status-schedule':
      sandbox.statusSchedule.set(checkStatusScript(raw));
      return { status: 200, body: sandbox.statusSchedule.list() };
    case 'DELETE /_sandbox/status-schedule':
      sandbox.statusSchedule.clear();
      return { status: 204 };
    case 'GET /_sandbox/faults':
      return { status: 200, body: { value: sandbox.faults.list() } };
    case 'PUT /_sandbox/faults':
      sandbox.faults.set(checkFaultRules(body?.value ?? raw));
      return { status: 204 };
    case 'DELETE /_sandbox/faults':
      sandbox.faults.set([]);
      return { status: 204 };
    case 'GET /_sandbox/options':
      return { status: 200, body: options(sandbox) };
    case 'PATCH /_sandbox/options': {
      if (body?.variant !== undefined) {
        if (body.variant !== 'standard' && body.variant !== 'alternate') throw badRequest("variant must be 'standard' or 'alternate'.");
        sandbox.variant = body.variant;
      }
      if (body?.latencyMs !== undefined) {
        if (typeof body.latencyMs !== 'number' || body.latencyMs < 0) throw badRequest('latencyMs must be a number ≥ 0.');
        sandbox.latencyMs = body.latencyMs;
      }
      if (body?.readLagMs !== undefined) {
        if (typeof body.readLagMs !== 'number' || !(body.readLagMs >= 0)) throw badRequest('readLagMs must be a number ≥ 0.');
        sandbox.readLag.lagMs = body.readLagMs;
        if (body.readLagMs === 0) sandbox.readLag.clear();
      }
      if (body?.readsNeedReadWrite !== undefined) {
        if (typeof body.readsNeedReadWrite !== 'boolean') throw badRequest('readsNeedReadWrite must be true or false.');
        sandbox.readsNeedReadWrite = body.readsNeedReadWrite;
      }
      patchIdentityOptions(sandbox, body);
      return { status: 200, body: options(sandbox) };
    }
    // Scopes as permission names or on a resource (`https://graph.microsoft.us/Directory.Read.All`, whose host becomes the audience).
    case 'POST /_sandbox/tokens': {
      const scopes = body?.scopes;
      if (!Array.isArray(scopes) || scopes.some((s) => typeof s !== 'string')) throw badRequest('scopes must be an array of strings.');
      const ttl = body?.expiresInSeconds ?? 3600;
      if (typeof ttl !== 'number') throw badRequest('expiresInSeconds must be a number (negative for an expired token).');
      for (const key of ['audience', 'user'] as const) {
        if (body?.[key] !== undefined && typeof body[key] !== 'string') throw badRequest(`${key} must be a string.`);
      }
      const token = sandbox.tokens.issue(scopes as string[], ttl, {
        roles: body?.roles === undefined ? undefined : roleIds(body.roles),
        audience: body?.audience as string | undefined,
        user: body?.user as string | undefined,
      });
      return { status: 200, body: { token } };
    }
    default:
      throw new SandboxError(404, 'Request_ResourceNotFound', `No sandbox control endpoint '${key}'.`);
  }
}
