// The identity platform's refusals, each with the AADSTS code, OAuth error and wording of the real service.
import { randomUUID } from 'node:crypto';

/** What an identity endpoint answers: JSON unless a content type says otherwise. */
export interface IdentityAnswer {
  status: number;
  body: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

/** A refusal, before it is written out as JSON (the endpoints) or as text (the device-login page). */
export interface Aadsts {
  status: number;
  /** The OAuth error (`invalid_grant`, `authorization_pending`, …). */
  error: string;
  code: number;
  description: string;
}

/** The moment and ids one refusal is told with. */
export interface TraceIds {
  traceId: string;
  correlationId: string;
  /** As the service writes it: `2026-11-23 10:00:00Z`. */
  timestamp: string;
}

export function traceIds(): TraceIds {
  return {
    traceId: randomUUID(),
    correlationId: randomUUID(),
    timestamp: new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z'),
  };
}

export const errorUri = (code: number) => `https://login.microsoftonline.com/error?code=${code}`;

/** The error body the real token and device-code endpoints answer with. */
export function aadstsAnswer(refusal: Aadsts, headers?: Record<string, string>): IdentityAnswer {
  const { traceId, correlationId, timestamp } = traceIds();
  return {
    status: refusal.status,
    headers,
    body: {
      error: refusal.error,
      error_description: `AADSTS${refusal.code}: ${refusal.description}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
      error_codes: [refusal.code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: errorUri(refusal.code),
    },
  };
}

const refusal = (status: number, error: string, code: number, description: string): Aadsts => ({ status, error, code, description });

export const refusals = {
  unknownTenant: (tenant: string) => refusal(400, 'invalid_tenant', 90002,
    `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`),
  missingParameter: (name: string) => refusal(400, 'invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`),
  // AADSTS90100 is the service's "parameter is empty or not valid"; the request itself is the parameter here.
  malformedUrl: () => refusal(400, 'invalid_request', 90100, 'The request URL is malformed.'),
  bodyTooLarge: (limit: number) => refusal(413, 'invalid_request', 90100, `The request body is larger than ${limit} bytes.`),
  unknownApp: (clientId: string, directory: string) => refusal(400, 'unauthorized_client', 700016,
    `Application with identifier '${clientId}' was not found in the directory '${directory}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`),
  notMultiTenant: (clientId: string, name: string) => refusal(400, 'invalid_request', 50194,
    `Application '${clientId}'(${name}) is not configured as a multi-tenant application. Usage of the /common endpoint is not supported for such applications created after '10/15/2018'. Use a tenant-specific endpoint or configure the application to be multi-tenant.`),
  firstPartyDirectoryScopes: (clientId: string) => refusal(400, 'invalid_request', 65002,
    `Consent between first party application '${clientId}' and first party resource '00000003-0000-0000-c000-000000000000' must be configured via preauthorization - applications owned and operated by Microsoft must get approval from the API owner before requesting tokens for that API.`),
  noConsent: (clientId: string, name: string) => refusal(400, 'invalid_grant', 65001,
    `The user or administrator has not consented to use the application with ID '${clientId}' named '${name}'. Send an interactive authorization request for this user and resource.`),
  userOfAnotherTenant: (user: string, identityProvider: string, tenant: string, clientId: string) => refusal(400, 'invalid_grant', 50020,
    `User account '${user}' from identity provider '${identityProvider}' does not exist in tenant '${tenant}' and cannot access the application '${clientId}' in that tenant. The account needs to be added as an external user in the tenant first. Sign out and sign in again with a different Azure Active Directory user account.`),
  noSuchUser: (user: string, directory: string) => refusal(400, 'invalid_grant', 50034,
    `The user account ${user} does not exist in the ${directory} directory. To sign into this application, the account must be added to the directory.`),
  authorizationPending: () => refusal(400, 'authorization_pending', 70016,
    'The provided request has not yet been authorized by the user. The user must input their code.'),
  // RFC 8628 makes slow_down a variant of authorization_pending.
  slowDown: (seconds: number) => refusal(400, 'slow_down', 70016,
    `The client is polling too often. Wait at least ${seconds} seconds between requests for this device code.`),
  authorizationDeclined: () => refusal(400, 'authorization_declined', 65004, 'User declined to consent to access the app.'),
  badVerificationCode: () => refusal(400, 'bad_verification_code', 70018,
    "The provided value for the input parameter 'device_code' is not valid. This device code was not issued by this service."),
  expiredToken: () => refusal(400, 'expired_token', 70020,
    "The provided value for the input parameter 'device_code' is not valid. This device code has expired."),
  grantUsed: () => refusal(400, 'invalid_grant', 70000, 'Provided grant is invalid or malformed. The device code has already been redeemed.'),
  grantOfAnotherClient: () => refusal(400, 'invalid_grant', 70000, 'Provided grant is invalid or malformed. It was issued to another application.'),
  unknownRefreshToken: () => refusal(400, 'invalid_grant', 9002313, 'Invalid request. Request is malformed or invalid.'),
  refreshTokenExpired: (issued: Date, inactiveSeconds: number) => refusal(400, 'invalid_grant', 700082,
    `The refresh token has expired due to inactivity. The token was issued on ${issued.toISOString()} and was inactive for ${timeSpan(inactiveSeconds)}.`),
  refreshTokenRevoked: () => refusal(400, 'invalid_grant', 50173,
    'The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued before the sign-in sessions of the user were revoked.'),
  interactionRequired: () => refusal(400, 'interaction_required', 50076,
    "Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '00000003-0000-0000-c000-000000000000'."),
  unsupportedGrant: (grantType: string) => refusal(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grantType}'.`),
  tooManyCodes: () => refusal(429, 'temporarily_unavailable', 90055, 'There are too many incoming requests. Please try again later.'),
};

/** .NET's TimeSpan text (`90.00:00:00`), as the service writes the inactive time. */
function timeSpan(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const days = Math.floor(whole / 86_400);
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(Math.floor((whole % 86_400) / 3600))}:${pad(Math.floor((whole % 3600) / 60))}:${pad(whole % 60)}`;
  return days > 0 ? `${days}.${time}` : time;
}
