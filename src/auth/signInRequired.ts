// The one error that means "this tenant needs its user to sign in": the tree shows a Sign in… row for it.
import { l10n } from '../shared/l10n';

/** Thrown when a tenant has no session that can be had without asking. */
export class SignInRequiredError extends Error {
  constructor(tenantLabel: string) {
    super(l10n.t('Sign in to {0} to see its connector groups.', tenantLabel));
    this.name = 'SignInRequiredError';
  }
}
