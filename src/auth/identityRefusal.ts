// What the identity platform refused, kept as an error of its own: the library reports every refusal
// as `post_request_failed`, which reads like a network failure; this keeps the service's own words.
import { l10n } from '../shared/l10n';
import type { IdentityRefusal } from './deviceCode';

/** The sign-in was refused by the identity platform; the message holds its AADSTS words where it gave some. */
export class IdentityRefusalError extends Error {
  override readonly name = 'IdentityRefusalError';

  constructor(readonly refusal: IdentityRefusal) {
    super(describeRefusal(refusal));
  }
}

/** The person closed the code or cancelled: the flow stopped polling, and nothing is to be said. */
export class SignInCancelledError extends Error {
  override readonly name = 'SignInCancelledError';

  constructor() {
    super(l10n.t('The sign-in was cancelled.'));
  }
}

/** The refusals of the device-code flow itself, which carry no AADSTS code. */
const FLOW_WORDS: Record<string, () => string> = {
  authorization_declined: () => l10n.t('The sign-in was declined on the sign-in page. Sign in again to get a new code.'),
  expired_token: () => l10n.t('The code expired before the sign-in was finished. Sign in again to get a new code.'),
  bad_verification_code: () => l10n.t('The sign-in service did not know the code. Sign in again to get a new one.'),
};

function describeRefusal(refusal: IdentityRefusal): string {
  const words = FLOW_WORDS[refusal.error];
  if (words) return words();
  // The first line of the description holds the code and the sentence; trace and correlation ids follow.
  const first = refusal.description.split(/\r?\n/)[0]?.trim();
  return first ? first.slice(0, 500) : l10n.t('The sign-in service refused the sign-in ({0}).', refusal.error);
}
