// What the identity side answers when a fault rule hits it: the service's own throttling or outage
// error (AADSTS JSON with Retry-After), or the HTML page a proxy in front of it would answer.
import { retryAfterOf, type FaultRule } from './faults';
import { aadstsAnswer, type IdentityAnswer } from './identityErrors';

const REASONS: Record<number, string> = {
  200: 'OK', 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

function proxyPage(status: number, headers: Record<string, string>): IdentityAnswer {
  const title = status === 200 ? 'Sign in to the network' : `${status} ${REASONS[status] ?? 'Error'}`;
  const text = status === 200
    ? 'Your organisation requires you to sign in to the web proxy before you can reach this site.'
    : 'The proxy server could not complete the request to login.microsoftonline.com.';
  return {
    status,
    headers,
    contentType: 'text/html; charset=utf-8',
    body: `<!DOCTYPE html><html><head><title>${title}</title></head><body><h1>${title}</h1><p>${text}</p><hr><address>corporate-proxy</address></body></html>`,
  };
}

export function identityFaultAnswer(rule: FaultRule): IdentityAnswer {
  const status = rule.status ?? 503;
  const headers = retryAfterOf({ ...rule, status });
  if (rule.html) return proxyPage(status, headers);
  if (status === 429) {
    return aadstsAnswer({ status, error: 'temporarily_unavailable', code: 90055, description: 'There are too many incoming requests. Please try again later.' }, headers);
  }
  if (status === 500) {
    return aadstsAnswer({ status, error: 'server_error', code: 90033, description: 'A transient error has occurred. Please try again.' }, headers);
  }
  return aadstsAnswer({ status, error: 'temporarily_unavailable', code: 90033, description: 'A transient error has occurred. Please try again.' }, headers);
}
