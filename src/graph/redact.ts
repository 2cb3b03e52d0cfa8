// Removes anything that looks like a credential from text that came from outside (a service's error
// message, a network error), before it is shown or logged.

const BEARER = /\b(Bearer)\s+[A-Za-z0-9\-._~+/]+=*/gi;
/** Three base64url parts, the first starting like a JSON header: a JWT, signed or not. */
const JWT = /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;

export function redactSecrets(text: string): string {
  return text.replace(BEARER, '$1 [redacted]').replace(JWT, '[redacted token]');
}
