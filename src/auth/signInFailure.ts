// What a failed sign-in means for the user: a cancel (say nothing), an unreachable sign-in service
// (say so, and offer the sandbox), or something else (show it as it is).
import { l10n } from '../shared/l10n';

export type SignInFailure =
  | { kind: 'cancelled' }
  | { kind: 'unreachable'; message: string }
  | { kind: 'consent'; message: string }
  /** Refused for a reason a new sign-in (or the tenant entered) fixes, said in words; `code` is the AADSTS number. */
  | { kind: 'refused'; message: string; code?: string }
  | { kind: 'other' };

// VS Code's words when the user turns down the consent dialog or cancels the sign-in's progress.
const CANCELLED = [/^User did not consent to login\.?$/i, /^Cancell?ed\.?$/i, /^User cancell?ed/i];
// An editor without VS Code's Microsoft account provider (some forks and web builds).
const NO_PROVIDER = /Timed out waiting for authentication provider|No authentication provider/i;
const NETWORK = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|UND_ERR|fetch failed|network|offline|getaddrinfo|certificate|proxy/i;
// MSAL's "Post request failed from the network, could be a 4xx/5xx…": the service answered, with a refusal.
const ANSWERED = /post_request_failed/i;

/** The sign-in errors an admin can fix with consent or with our own app registration, in words. */
const CONSENT_ERRORS: Record<string, () => string> = {
  65001: () => l10n.t('Nobody has consented yet to this app reading and changing the directory. An administrator can grant consent for the whole tenant.'),
  90094: () => l10n.t('This permission needs an administrator\'s consent. An administrator can grant it for the whole tenant.'),
  65002: () => l10n.t("VS Code's own sign-in app may not ask for directory permissions. Register an app of your own (see the README), set connectorGroups.clientId to its client ID and grant admin consent."),
  700016: () => l10n.t('The app set in connectorGroups.clientId is not registered in this tenant\'s cloud. Check the client ID (a registration in the global cloud does not exist in 21Vianet), then grant admin consent.'),
  50020: () => l10n.t('This account is not in this tenant. Sign in with an account of the tenant, or add it as a guest with the Application Administrator role.'),
};

const askedAgain = () => l10n.t('The tenant asks for a new sign-in (multi-factor authentication or sign-in frequency). Sign in again.');

/** Refusals a new sign-in, or a tenant entered instead of left empty, fixes. */
const REFUSALS: Record<string, () => string> = {
  50194: () => l10n.t('The app registration is single-tenant, so it cannot sign in without a tenant: remove this tenant and add it again with its tenant ID or domain (or make the registration multi-tenant).'),
  90002: () => l10n.t('The sign-in service does not know this tenant in this cloud. Check the tenant ID or domain, and the cloud.'),
  700082: () => l10n.t('The sign-in has expired. Sign in again.'),
  50173: () => l10n.t('The sign-in was revoked (a password change or an administrator). Sign in again.'),
  50076: askedAgain,
  50078: askedAgain,
};

/** Refusals that say the tenant entered is wrong for this cloud or app: such an entry is not worth keeping. */
export const WRONG_ENTRY = new Set(['90002', '50194']);

export function signInFailure(error: unknown): SignInFailure {
  const e = error as { name?: string; message?: string; code?: string; cause?: { code?: string; message?: string } } | undefined;
  const text = [e?.message, e?.code, e?.cause?.code, e?.cause?.message].filter(Boolean).join(' ');
  if (e?.name === 'Canceled' || e?.name === 'CancellationError' || e?.name === 'SignInCancelledError' || CANCELLED.some((pattern) => pattern.test(e?.message ?? ''))) {
    return { kind: 'cancelled' };
  }
  const aadsts = /AADSTS(\d+)/.exec(text)?.[1];
  const consent = aadsts ? CONSENT_ERRORS[aadsts] : undefined;
  if (consent) return { kind: 'consent', message: `${consent()} (AADSTS${aadsts})` };
  const refused = aadsts ? REFUSALS[aadsts] : undefined;
  if (refused) return { kind: 'refused', message: `${refused()} (AADSTS${aadsts})`, code: aadsts };
  // The identity platform's own refusal without a code of ours (declined, expired): its words as they are.
  if (e?.name === 'IdentityRefusalError' && e.message) return { kind: 'refused', message: e.message };
  if (ANSWERED.test(text)) return { kind: 'other' };
  if (NO_PROVIDER.test(text)) {
    return {
      kind: 'unreachable',
      message: l10n.t("This editor has no Microsoft account sign-in ({0}). Open the sandbox tenant to work without an account.", text.slice(0, 200)),
    };
  }
  if (NETWORK.test(text)) {
    return {
      kind: 'unreachable',
      message: l10n.t('The Microsoft sign-in service could not be reached ({0}). Check the network or proxy settings, or open the sandbox tenant to work without an account.', text.slice(0, 200)),
    };
  }
  return { kind: 'other' };
}
