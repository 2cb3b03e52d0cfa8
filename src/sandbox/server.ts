// The Graph sandbox: an HTTP server on loopback that answers like Microsoft Graph for the contract's endpoints.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { planBatch, runBatch, type BatchAnswer, type BatchStep } from './batch';
import { handleControl } from './control';
import { IdentityPlatform } from './identityPlatform';
import { IdentityServer } from './identityServer';
import { dispatch, type DispatchEnvironment } from './dispatch';
import { ConnectionDropped, FaultInjector, runUnderFault, type FaultRule } from './faults';
import { SandboxError, asSandboxError, badRequest, errorBody, type RequestIds } from './graphError';
import { newGuid, seededGuid, seededRandom } from './ids';
import { hasWriteScope } from './permissions';
import type { ConnectorRecord, Tenant } from './model';
import { ReadLag } from './readLag';
import type { RouteResult, StatusVariant } from './routes';
import { demoTenant } from './seeds';
import { StatusSchedule, type StatusScript, type StatusStep } from './statusSchedule';
import { TenantStore } from './tenantStore';
import { FULL_SCOPES, TokenIssuer, type Grant } from './tokens';
import { readBounded } from './requestBody';

export interface SandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  tenant?: Tenant;
  variant?: StatusVariant;
  latencyMs?: number;
  /** Reads may show the state of up to this many milliseconds ago (see ReadLag). */
  readLagMs?: number;
  faults?: FaultRule[];
  /** Seed for rate-based faults, for the ids of created groups, and for the read lag unless `readLagSeed` is given. */
  faultSeed?: number;
  readLagSeed?: number;
  /** Also serve the identity platform's endpoints (device code, token) over https. */
  identity?: boolean;
  identityPort?: number;
  /** The device-code polling interval the identity platform asks for (5, as the service does); polls closer together get slow_down. */
  identityIntervalSeconds?: number;
  /** How long a device code lives (900 s, as the service's). */
  identityCodeLifetimeSeconds?: number;
  /** How long a refresh token lives unused (90 days, as the service's). */
  identityRefreshTokenLifetimeSeconds?: number;
  /** How long an access token lives (an hour); under 5 minutes MSAL refreshes at every request. */
  identityAccessTokenLifetimeSeconds?: number;
  /** Fault rules for the identity platform's https listener; `html: true` answers a proxy's HTML page. */
  identityFaults?: FaultRule[];
  /** Signing secret for tokens; random when absent, so tokens die with the server. */
  secret?: string;
  /** A client gets this long to send its headers, and this long for the whole request (slow clients are cut off). */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Reads of the Application Proxy API need Directory.ReadWrite.All, as some tenants answer (403 with Directory.Read.All). */
  readsNeedReadWrite?: boolean;
  /** Called for every answered request (the CLI prints them). */
  onRequest?: (entry: RequestLogEntry) => void;
  /** Connector status changes to make over time, from the start. */
  statusSchedule?: StatusScript;
  /** Called for each step of the schedule as it is applied (the CLI prints them). */
  onStatusStep?: (step: StatusStep, connector: ConnectorRecord | undefined) => void;
}

export interface RequestLogEntry {
  at: string;
  method: string;
  /** Path and query, as received. */
  url: string;
  status: number;
  ms: number;
  requestId: string;
  /** The id of the `$batch` request this one was part of. */
  batchRequestId?: string;
}

const JSON_TYPE = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
const MAX_BODY_BYTES = 4 * 1024 * 1024;
const MAX_LOG_ENTRIES = 20_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads the body text. A body over the limit is drained and answered 413 (a reset would leave the client guessing). */
async function readText(req: IncomingMessage): Promise<string> {
  const text = await readBounded(req, MAX_BODY_BYTES);
  if (text === undefined) throw new SandboxError(413, 'Request_EntityTooLarge', `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
  return text;
}

/** Parses a JSON body: one that is not JSON is a 400, one of another media type a 415. */
function parseBody(text: string, type: string | undefined): unknown {
  if (text.trim() === '') return undefined;
  if (type === undefined) throw badRequest(NOT_JSON);
  if (!/^\s*application\/(?:[\w.+-]*\+)?json\s*(?:;|$)/i.test(type)) {
    throw new SandboxError(415, 'Request_UnsupportedMediaType', `The content type '${type.slice(0, 100)}' is not supported; send application/json.`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest(NOT_JSON);
  }
}

const readBody = async (req: IncomingMessage): Promise<unknown> => parseBody(await readText(req), req.headers['content-type']);

const NOT_JSON = 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.';

/** The request target as a URL; one that cannot be parsed is Graph's 400, never a thrown error. */
function parseRequestUrl(raw: string, base: string): URL {
  try {
    return new URL(raw.startsWith('/') && !raw.startsWith('//') ? raw : `/${raw.replace(/^\/+/, '')}`, base);
  } catch {
    throw badRequest('The request URL is malformed.');
  }
}

function splitVersion(pathname: string): { version: 'beta' | 'v1.0'; path: string } {
  const match = /^\/(beta|v1\.0)(\/.*)?$/i.exec(pathname);
  if (!match) {
    throw badRequest(`Invalid version: expected '/beta' or '/v1.0' at the start of '${pathname}'.`);
  }
  return { version: match[1].toLowerCase() as 'beta' | 'v1.0', path: match[2] ?? '/' };
}

export class GraphSandbox {
  readonly store: TenantStore;
  readonly faults: FaultInjector;
  /** The identity platform's own rules, apart from Graph's. */
  readonly identityFaults: FaultInjector;
  readonly tokens: TokenIssuer;
  readonly requests: RequestLogEntry[] = [];
  /** Graph requests being answered now, and the most at once since the request log was last cleared. */
  readonly inFlight = { now: 0, max: 0 };
  readonly readLag: ReadLag;
  /** Connectors that stop and start on a script. */
  readonly statusSchedule: StatusSchedule;
  variant: StatusVariant;
  latencyMs: number;
  readsNeedReadWrite: boolean;
  /** `http://127.0.0.1:port` */
  url = '';
  /** A token with full permissions, valid for a day. */
  token = '';
  /** The sign-in side: the identity platform, and its https listener when started with `identity`. */
  readonly identity: IdentityPlatform;
  private identityServer: IdentityServer | undefined;

  private constructor(private readonly server: Server, private readonly options: SandboxOptions) {
    const tenant = options.tenant ?? demoTenant();
    // With a seed, created groups get the same ids in every run, so a repeated run asks the same paths.
    const seeded = options.faultSeed === undefined ? undefined : seededRandom(options.faultSeed ^ 0x5eed);
    this.store = new TenantStore(tenant, seeded ? () => seededGuid(seeded) : undefined);
    this.tokens = new TokenIssuer(tenant.organization.id, options.secret);
    this.faults = new FaultInjector(options.faultSeed);
    this.faults.set(options.faults ?? []);
    this.identityFaults = new FaultInjector(options.faultSeed, { html: true });
    this.identityFaults.set(options.identityFaults ?? []);
    this.variant = options.variant ?? 'standard';
    this.latencyMs = options.latencyMs ?? 0;
    this.readsNeedReadWrite = options.readsNeedReadWrite ?? false;
    this.readLag = new ReadLag(options.readLagMs ?? 0, options.readLagSeed ?? options.faultSeed);
    this.statusSchedule = new StatusSchedule(() => this.store.tenant, options.onStatusStep);
    // Before the server listens: a schedule naming a connector the tenant lacks stops the start.
    if (options.statusSchedule) this.statusSchedule.set(options.statusSchedule);
    this.identity = new IdentityPlatform(() => this.store.tenant, this.tokens, {
      intervalSeconds: options.identityIntervalSeconds,
      codeLifetimeSeconds: options.identityCodeLifetimeSeconds,
      refreshTokenLifetimeSeconds: options.identityRefreshTokenLifetimeSeconds,
      accessTokenLifetimeSeconds: options.identityAccessTokenLifetimeSeconds,
    });
  }

  /** `https://127.0.0.1:port`, the authority host for sign-in; empty without `identity`. */
  get authority(): string {
    return this.identityServer?.origin ?? '';
  }

  /** The PEM certificate of the https listener, which clients of the authority must trust. */
  get certificate(): string {
    return this.identityServer?.certificate ?? '';
  }

  static async start(options: SandboxOptions = {}): Promise<GraphSandbox> {
    const server = createServer({
      headersTimeout: options.headersTimeoutMs ?? 10_000,
      requestTimeout: options.requestTimeoutMs ?? 60_000,
      // How often Node looks for connections past those limits.
      connectionsCheckingInterval: Math.min(1000, options.headersTimeoutMs ?? 1000),
    });
    const sandbox = new GraphSandbox(server, options);
    server.on('request', (req, res) => {
      sandbox.handle(req, res).catch(() => {
        // A failure while answering must not end the server: the one connection goes.
        req.socket.destroy();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      // Loopback only: the sandbox is never reachable from another machine.
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    sandbox.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    sandbox.tokens.serviceOrigin = sandbox.url;
    sandbox.token = sandbox.tokens.issue(FULL_SCOPES);
    if (options.identity) {
      sandbox.identityServer = await IdentityServer.start(sandbox.identity, {
        port: options.identityPort, faults: sandbox.identityFaults, headersTimeoutMs: options.headersTimeoutMs, requestTimeoutMs: options.requestTimeoutMs,
      });
    }
    return sandbox;
  }

  /** Replaces the tenant's content, the consents granted since and the status schedule; the tenant id stays, so issued tokens keep working. */
  reset(tenant: Tenant): void {
    this.statusSchedule.clear();
    tenant.organization.id = this.store.tenant.organization.id;
    this.store.tenant = tenant;
    this.readLag.clear();
    this.identity.reset();
  }

  async close(): Promise<void> {
    this.statusSchedule.clear();
    await Promise.all([
      new Promise<void>((resolve) => {
        this.server.close(() => resolve());
        this.server.closeAllConnections();
      }),
      this.identityServer?.close(),
    ]);
  }

  /** Reads see the (possibly lagging) state of a replica; writes always go to the current one. */
  private environment(method: string, target: string): DispatchEnvironment {
    const store = method === 'GET' ? new TenantStore(this.readLag.forRead(this.store.tenant, { method, target, body: '' })) : this.store;
    return { store, origin: this.url, variant: this.variant, readsNeedReadWrite: this.readsNeedReadWrite };
  }

  /** `target` is the path and query as sent, which the read lag's draw is made from. */
  private dispatchRecorded(request: Parameters<typeof dispatch>[0], target: string): RouteResult {
    const wrote = request.method === 'GET' ? undefined : this.readLag.beforeWrite(this.store.tenant);
    const result = dispatch(request, this.environment(request.method, target));
    wrote?.();
    return result;
  }

  private record(entry: RequestLogEntry): void {
    this.requests.push(entry);
    if (this.requests.length > MAX_LOG_ENTRIES) this.requests.splice(0, this.requests.length - MAX_LOG_ENTRIES);
    this.options.onRequest?.(entry);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const clientRequestId = req.headers['client-request-id'];
    const ids: RequestIds = {
      requestId: newGuid(),
      clientRequestId: typeof clientRequestId === 'string' && clientRequestId ? clientRequestId : newGuid(),
      date: new Date(),
    };
    const method = (req.method ?? 'GET').toUpperCase();
    let answer: RouteResult & { headers?: Record<string, string> } = { status: 0 };
    const rawUrl = req.url ?? '/';
    const control = /^\/_sandbox(\/|$|\?)/.test(rawUrl);
    if (!control) this.inFlight.max = Math.max(this.inFlight.max, ++this.inFlight.now);
    try {
      const url = parseRequestUrl(rawUrl, this.url);
      if (control) {
        const grant = this.tokens.verify(req.headers.authorization);
        if (!hasWriteScope(grant)) throw new SandboxError(403, 'Authorization_RequestDenied', 'The sandbox control API needs a token with write permission.');
        answer = handleControl(this, method, url.pathname, await readBody(req));
        return;
      }
      // Who is asking comes first: faults only hit requests the service would have served.
      const grant = this.tokens.verify(req.headers.authorization);
      const text = await readText(req);
      const target = url.pathname + url.search;
      const fault = this.faults.pick({ method, path: url.pathname, target, body: text });
      if (this.latencyMs > 0) await sleep(this.latencyMs);
      answer = await runUnderFault(fault, async (): Promise<RouteResult> => {
        const { version, path } = splitVersion(url.pathname);
        const body = parseBody(text, req.headers['content-type']);
        return method === 'POST' && path.toLowerCase() === '/$batch'
          ? { status: 200, body: await this.batch(version, body, grant, ids.requestId) }
          : this.dispatchRecorded({ method, version, path, query: url.searchParams, body, grant }, target);
      });
    } catch (error) {
      // A dropped connection, by a rule on this request or on one inside its batch: no answer at all.
      if (error instanceof ConnectionDropped) return void req.socket.destroy();
      const failure = asSandboxError(error);
      answer = { status: failure.status, body: errorBody(failure, ids), headers: failure.headers };
      // An unread body (refused before it was read) would be taken for the next request.
      if (!req.complete) answer.headers = { ...answer.headers, Connection: 'close' };
    } finally {
      if (!control) this.inFlight.now--;
      if (!res.destroyed && !req.socket.destroyed) this.send(res, answer, ids);
      // The log is of Graph traffic; the control API's own calls would only blur it.
      if (!control) this.record({
        at: ids.date.toISOString(), method, url: rawUrl, status: res.destroyed || req.socket.destroyed ? 0 : answer.status,
        ms: Math.round((performance.now() - started) * 10) / 10, requestId: ids.requestId,
      });
    }
  }

  private send(res: ServerResponse, answer: RouteResult & { headers?: Record<string, string> }, ids: RequestIds): void {
    res.statusCode = answer.status;
    res.setHeader('request-id', ids.requestId);
    res.setHeader('client-request-id', ids.clientRequestId);
    res.setHeader('Date', ids.date.toUTCString());
    for (const [name, value] of Object.entries(answer.headers ?? {})) res.setHeader(name, value);
    if (answer.body === undefined) {
      res.end();
      return;
    }
    res.setHeader('Content-Type', JSON_TYPE);
    res.end(JSON.stringify(answer.body));
  }

  private batch(version: 'beta' | 'v1.0', body: unknown, grant: Grant, batchRequestId: string): Promise<object> {
    const steps = planBatch(body);
    return runBatch(steps, (step) => this.runStep(version, step, grant, batchRequestId));
  }

  /**
   * One request of a batch, answered as if it had been sent alone, through the same fault rules as
   * an outer request: a status is this request's own answer, latency delays it (and so the batch), and
   * a drop drops the outer connection, which is all a client would see.
   */
  private async runStep(version: 'beta' | 'v1.0', step: BatchStep, grant: Grant, batchRequestId: string): Promise<BatchAnswer> {
    const started = performance.now();
    const ids: RequestIds = { requestId: newGuid(), clientRequestId: step.headers['client-request-id'] ?? newGuid(), date: new Date() };
    const url = new URL(step.url, 'http://batch');
    const target = `/${version}${step.url}`;
    let answer: BatchAnswer;
    const log = (status: number) => this.record({
      at: ids.date.toISOString(), method: step.method, url: target, status,
      ms: Math.round((performance.now() - started) * 10) / 10, requestId: ids.requestId, batchRequestId,
    });
    try {
      const fault = this.faults.pick({ method: step.method, path: `/${version}${url.pathname}`, target, body: step.body === undefined ? '' : JSON.stringify(step.body) });
      const result = await runUnderFault(fault, () =>
        this.dispatchRecorded({ method: step.method, version, path: url.pathname, query: url.searchParams, body: step.body, grant }, target));
      answer = { status: result.status, headers: result.body === undefined ? {} : { 'Content-Type': JSON_TYPE }, body: result.body };
    } catch (error) {
      if (error instanceof ConnectionDropped) {
        log(0);
        throw error;
      }
      const failure = asSandboxError(error);
      answer = { status: failure.status, headers: { 'Content-Type': JSON_TYPE, ...failure.headers }, body: errorBody(failure, ids) };
    }
    log(answer.status);
    return answer;
  }
}
