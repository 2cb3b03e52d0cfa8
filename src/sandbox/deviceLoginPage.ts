// The device-login page: a user enters the code, signs in as an account (with directory roles), accepts
// a consent prompt or cancels. Problems with consent, tenant or role are shown here, never to the poller.
// Plain HTML forms, text only, no script.
import { roleIds } from './directoryRoles';
import type { DeviceCode } from './deviceCodes';
import { errorUri, traceIds, type Aadsts, type IdentityAnswer } from './identityErrors';

/** What the user does on the page (or a test through the control API). */
export type SignInAction = 'continue' | 'consent' | 'decline';

export interface SignInRequest {
  user: string;
  /** Directory role template ids; an administrator's when absent. */
  roles?: readonly string[];
  action: SignInAction;
}

export type SignInOutcome =
  | { kind: 'signedIn'; appName: string }
  | { kind: 'declined'; appName: string }
  /** The app lacks consent and this user may grant it: the page asks. */
  | { kind: 'consentAsked'; appName: string; permissions: readonly string[] }
  /** Shown on the page; the code stays pending. */
  | { kind: 'refused'; appName: string; refusal: Aadsts };

export interface DeviceLoginHost {
  tenantName(): string;
  /** The code a user typed, expired ones included while they are still held. */
  codeFor(userCode: string): DeviceCode | undefined;
  signIn(code: DeviceCode, request: SignInRequest): SignInOutcome;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
};

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, content: string): IdentityAnswer {
  return {
    status: 200,
    contentType: 'text/html; charset=utf-8',
    headers: SECURITY_HEADERS,
    body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>
<meta http-equiv="Content-Security-Policy" content="${SECURITY_HEADERS['Content-Security-Policy']}"></head>
<body><h1>${escape(title)}</h1>
${content}
</body></html>`,
  };
}

const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escape(value)}">`;

function codeForm(host: DeviceLoginHost, message = '', userCode = ''): IdentityAnswer {
  return page(`Sign in to ${host.tenantName()}`, `${message ? `<p role="alert">${escape(message)}</p>\n` : ''}<p>Enter the code displayed on your app or device, and the account to sign in as.</p>
<form method="post" action="/devicelogin">
<p><label>Code <input name="user_code" value="${escape(userCode)}" autocomplete="off" autofocus></label></p>
<p><label>Account <input name="user" value="admin@contoso.com"></label></p>
<p><label>Directory roles (comma-separated names; blank for Global Administrator) <input name="roles" value=""></label></p>
<p><button type="submit" name="action" value="continue">Sign in</button> <button type="submit" name="action" value="decline">Cancel</button></p>
</form>`);
}

function consentForm(code: DeviceCode, request: SignInRequest, rolesText: string, appName: string, permissions: readonly string[]): IdentityAnswer {
  return page('Permissions requested', `<p>${escape(appName)} (${escape(code.clientId)}) would like to:</p>
<ul>${permissions.map((p) => `<li>${escape(p)}</li>`).join('')}</ul>
<p>Accepting grants these permissions for everyone in your organisation.</p>
<form method="post" action="/devicelogin">${hidden('user_code', code.userCode)}${hidden('user', request.user)}${hidden('roles', rolesText)}
<button type="submit" name="action" value="consent">Accept</button> <button type="submit" name="action" value="decline">Cancel</button>
</form>`);
}

function errorPage(code: DeviceCode, request: SignInRequest, appName: string, refusal: Aadsts): IdentityAnswer {
  const ids = traceIds();
  const details: [string, string][] = [
    ['Error Code', String(refusal.code)], ['Request Id', ids.traceId], ['Correlation Id', ids.correlationId], ['Timestamp', ids.timestamp],
    ['App name', appName], ['App id', code.clientId], ['User account', request.user], ['More information', errorUri(refusal.code)],
  ];
  return page('Sorry, but we are having trouble signing you in.', `<p role="alert">AADSTS${refusal.code}: ${escape(refusal.description)}</p>
<h2>Troubleshooting details</h2>
<dl>${details.map(([term, value]) => `<dt>${escape(term)}</dt><dd>${escape(value)}</dd>`).join('')}</dl>`);
}

export function deviceLoginPage(host: DeviceLoginHost, method: string, form: URLSearchParams, now = Date.now()): IdentityAnswer {
  const typed = form.get('user_code') ?? '';
  if (method === 'GET' || !typed.trim()) return codeForm(host, method === 'GET' ? '' : 'Enter the code displayed on your app or device.');
  const code = host.codeFor(typed);
  if (!code) return codeForm(host, "That code didn't work. Check the code and try again.", typed);
  if (code.expiresAt <= now) return codeForm(host, "That code has expired. Get a new code from the device you're trying to sign in to and try again.");
  if (code.state !== 'pending') return codeForm(host, 'That code has already been used. Get a new code from the device you are signing in on.');
  const user = (form.get('user') ?? '').trim();
  const rolesText = (form.get('roles') ?? '').trim();
  if (!user) return codeForm(host, 'Enter the account to sign in as.', typed);
  let roles: string[] | undefined;
  try {
    roles = rolesText ? roleIds(rolesText.split(',').map((r) => r.trim()).filter(Boolean)) : undefined;
  } catch (error) {
    return codeForm(host, (error as Error).message, typed);
  }
  const action = form.get('action');
  const request: SignInRequest = { user, roles, action: action === 'consent' || action === 'decline' ? action : 'continue' };
  const outcome = host.signIn(code, request);
  switch (outcome.kind) {
    case 'signedIn':
      return page(`Connector Groups sandbox: ${outcome.appName}`, `<p>You have signed in to the ${escape(outcome.appName)} application on your device. You may now close this window.</p>`);
    case 'declined':
      return page(`Connector Groups sandbox: ${outcome.appName}`, `<p>You have declined to sign in to the ${escape(outcome.appName)} application on your device. You may now close this window.</p>`);
    case 'consentAsked':
      return consentForm(code, request, rolesText, outcome.appName, outcome.permissions);
    case 'refused':
      return errorPage(code, request, outcome.appName, outcome.refusal);
  }
}
