// Talks to a Graph sandbox over plain HTTP, independent of the extension's Graph client, so tests
// check the sandbox against the contract and check the client's effects on the sandbox's state.
import { GraphSandbox, type SandboxOptions } from '../../src/sandbox/server';

export const P = '/beta/onPremisesPublishingProfiles/applicationProxy';

export interface Answer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface SandboxState {
  organization: { id: string; displayName: string };
  groups: { id: string; name: string; region: string; isDefault: boolean; connectorGroupType: string; members: string[]; applications: string[] }[];
  connectors: { id: string; machineName: string; status: string; groupId: string }[];
  applications: { id: string; displayName: string; groupId: string | null; onPremisesPublishing: object | null }[];
}

export class SandboxClient {
  constructor(readonly url: string, readonly token: string) {}

  async call<T = any>(method: string, path: string, options: { body?: unknown; token?: string | null; headers?: Record<string, string>; raw?: string } = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { ...options.headers };
    const token = options.token === undefined ? this.token : options.token;
    if (token !== null) headers.Authorization = `Bearer ${token}`;
    let body: string | undefined = options.raw;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(path.startsWith('http') ? path : `${this.url}${path}`, { method, headers, body });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  }

  async state(): Promise<SandboxState> {
    return (await this.call<SandboxState>('GET', '/_sandbox/state')).body;
  }

  async reset(scale?: { groups: number; connectors: number; applications: number }): Promise<void> {
    await this.call('POST', '/_sandbox/reset', { body: scale ? { scale } : {} });
    await this.call('DELETE', '/_sandbox/requests');
    await this.call('DELETE', '/_sandbox/faults');
    await this.call('PATCH', '/_sandbox/options', { body: { variant: 'standard', latencyMs: 0, readLagMs: 0 } });
  }

  async faults(rules: object[]): Promise<void> {
    const answer = await this.call('PUT', '/_sandbox/faults', { body: rules });
    if (answer.status !== 204) throw new Error(`fault rules refused: ${JSON.stringify(answer.body)}`);
  }

  async options(options: { variant?: 'standard' | 'alternate'; latencyMs?: number; readLagMs?: number; readsNeedReadWrite?: boolean }): Promise<void> {
    await this.call('PATCH', '/_sandbox/options', { body: options });
  }

  /**
   * The request log once it has settled: nothing in flight at two looks in a row. Requests are logged
   * when answered, so a check that nothing was sent must wait for this, not for a fixed time.
   */
  async settledRequests(): Promise<{ method: string; url: string; status: number; batchRequestId?: string }[]> {
    let quiet = 0;
    for (let looks = 0; looks < 200; looks++) {
      const { body } = await this.call('GET', '/_sandbox/requests');
      quiet = body.inFlight === 0 ? quiet + 1 : 0;
      if (quiet >= 2) return body.value;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the sandbox kept answering requests for 10 s: its log never settled');
  }

  async requests(): Promise<{ method: string; url: string; status: number; batchRequestId?: string }[]> {
    return (await this.call('GET', '/_sandbox/requests')).body.value;
  }

  /** `roles` are directory role names or template ids (an administrator's when absent); `audience` is the token's `aud`. */
  async issueToken(scopes: string[], expiresInSeconds = 3600, claims: { roles?: string[]; audience?: string; user?: string } = {}): Promise<string> {
    return (await this.call('POST', '/_sandbox/tokens', { body: { scopes, expiresInSeconds, ...claims } })).body.token;
  }

  /** The state's group with this name. */
  async group(name: string): Promise<SandboxState['groups'][number]> {
    const group = (await this.state()).groups.find((g) => g.name === name);
    if (!group) throw new Error(`no group named ${name}`);
    return group;
  }
}

/** Starts one sandbox for a mocha suite and resets it before each test. */
export function useSandbox(options: SandboxOptions = {}): { client: SandboxClient; sandbox: GraphSandbox } {
  const fixture = {} as { client: SandboxClient; sandbox: GraphSandbox };
  before(async () => {
    fixture.sandbox = await GraphSandbox.start(options);
    fixture.client = new SandboxClient(fixture.sandbox.url, fixture.sandbox.token);
  });
  beforeEach(async () => fixture.client.reset());
  after(async () => fixture.sandbox.close());
  return fixture;
}

/** The sandbox's App Proxy groups in words (name, region, connector ids, application ids), sorted: what a layout run must keep or restore. */
export function stateWords(state: SandboxState): string[] {
  return state.groups.filter((g) => g.connectorGroupType === 'applicationProxy')
    .map((g) => `${g.name} ${g.region} [${[...g.members].sort().join(',')}] [${[...g.applications].sort().join(',')}]`).sort();
}
