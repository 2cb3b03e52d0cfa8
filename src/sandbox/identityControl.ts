// The control API's identity endpoints: what a user does on the device-login page, what an
// administrator does to a user's sessions, and the identity side's fault rules, for tests.
import { roleIds } from './directoryRoles';
import type { SignInRequest } from './deviceLoginPage';
import type { DeviceCode } from './deviceCodes';
import type { IdentitySettings } from './identityPlatform';
import { checkFaultRules } from './faults';
import { badRequest } from './graphError';
import type { RouteResult } from './routes';
import type { GraphSandbox } from './server';

type Body = Record<string, unknown> | undefined;

function text(body: Body, key: string, required: true): string;
function text(body: Body, key: string, required?: false): string | undefined;
function text(body: Body, key: string, required = false): string | undefined {
  const value = body?.[key];
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string') throw badRequest(`${key} must be a string.`);
  return value;
}

function waitingCode(sandbox: GraphSandbox, body: Body): DeviceCode {
  const code = sandbox.identity.deviceCodes.byUserCode(text(body, 'userCode', true));
  if (!code || code.state !== 'pending') throw badRequest('No device code is waiting with that user code.');
  return code;
}

function codeDto(code: DeviceCode): object {
  return {
    userCode: code.userCode, clientId: code.clientId, tenant: code.tenantSegment, scopes: code.scopes,
    expiresAt: new Date(code.expiresAt).toISOString(), intervalSeconds: code.intervalMs / 1000,
  };
}

/** The device-login page's work without the page: sign in (accepting a consent prompt with `consent: true`) or decline. */
function signIn(sandbox: GraphSandbox, body: Body, action: SignInRequest['action']): RouteResult {
  const code = waitingCode(sandbox, body);
  const consent = body?.consent;
  if (consent !== undefined && typeof consent !== 'boolean') throw badRequest('consent must be true or false.');
  const outcome = sandbox.identity.signIn(code, {
    user: text(body, 'user') ?? 'admin@contoso.com',
    roles: body?.roles === undefined ? undefined : roleIds(body.roles),
    action: action === 'continue' && consent ? 'consent' : action,
  });
  if (outcome.kind === 'refused') throw badRequest(`The device-login page shows: AADSTS${outcome.refusal.code}: ${outcome.refusal.description}`);
  if (outcome.kind === 'consentAsked') {
    throw badRequest(`The device-login page asks to consent to ${outcome.permissions.join(', ')} for ${outcome.appName}; send consent: true to accept as that administrator.`);
  }
  return { status: 204 };
}

/** The answer to an identity control request, or undefined when the path is not one of them. */
export function handleIdentityControl(sandbox: GraphSandbox, method: string, path: string, raw: unknown): RouteResult | undefined {
  const body = raw as Body;
  const { identity } = sandbox;
  switch (`${method} ${path.replace(/\/+$/, '')}`) {
    // `value` the user codes, as before; `codes` what each is for.
    case 'GET /_sandbox/devicecodes': {
      const pending = identity.deviceCodes.pending();
      return { status: 200, body: { value: pending.map((c) => c.userCode), codes: pending.map(codeDto) } };
    }
    case 'POST /_sandbox/devicecodes/approve':
      return signIn(sandbox, body, 'continue');
    case 'POST /_sandbox/devicecodes/decline':
      return signIn(sandbox, body, 'decline');
    case 'POST /_sandbox/devicecodes/expire':
      identity.deviceCodes.expire(waitingCode(sandbox, body));
      return { status: 204 };
    // A user's refresh tokens so far (every user's without `user`).
    case 'POST /_sandbox/refreshtokens/revoke':
      identity.refreshTokens.revoke(text(body, 'user'));
      return { status: 204 };
    case 'POST /_sandbox/refreshtokens/expire':
      identity.refreshTokens.expire(text(body, 'user'));
      return { status: 204 };
    case 'POST /_sandbox/refreshtokens/require-interaction':
      identity.refreshTokens.requireInteraction(text(body, 'user'));
      return { status: 204 };
    case 'GET /_sandbox/identityfaults':
      return { status: 200, body: { value: sandbox.identityFaults.list() } };
    case 'PUT /_sandbox/identityfaults':
      sandbox.identityFaults.set(checkFaultRules(body?.value ?? raw, { html: true }));
      return { status: 204 };
    case 'DELETE /_sandbox/identityfaults':
      sandbox.identityFaults.set([]);
      return { status: 204 };
    default:
      return undefined;
  }
}

const OPTION_KEYS = {
  identityIntervalSeconds: 'intervalSeconds',
  identityCodeLifetimeSeconds: 'codeLifetimeSeconds',
  identityRefreshTokenLifetimeSeconds: 'refreshTokenLifetimeSeconds',
  identityAccessTokenLifetimeSeconds: 'accessTokenLifetimeSeconds',
} as const satisfies Record<string, keyof IdentitySettings>;

/** The identity platform's settings in PATCH /_sandbox/options: all checked before any is changed. */
export function patchIdentityOptions(sandbox: GraphSandbox, body: Body): void {
  const changes: Partial<IdentitySettings> = {};
  for (const [key, setting] of Object.entries(OPTION_KEYS)) {
    const value = body?.[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw badRequest(`${key} must be a whole number of seconds ≥ 0.`);
    changes[setting] = value;
  }
  Object.assign(sandbox.identity.settings, changes);
}

export function identityOptions(sandbox: GraphSandbox): Record<keyof typeof OPTION_KEYS, number> {
  const { settings } = sandbox.identity;
  return {
    identityIntervalSeconds: settings.intervalSeconds,
    identityCodeLifetimeSeconds: settings.codeLifetimeSeconds,
    identityRefreshTokenLifetimeSeconds: settings.refreshTokenLifetimeSeconds,
    identityAccessTokenLifetimeSeconds: settings.accessTokenLifetimeSeconds,
  };
}
