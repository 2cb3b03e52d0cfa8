// One deadline for a whole load, however many requests and retries it takes: the tree says it
// gave up instead of spinning for minutes.
import { l10n } from '../shared/l10n';

export class DeadlineError extends Error {
  constructor(readonly seconds: number) {
    super(l10n.t('Microsoft Graph did not answer within {0} s (the connectorGroups.requestTimeoutSeconds setting).', seconds));
    this.name = 'DeadlineError';
  }
}

/** The work's result, or a DeadlineError once `ms` have passed (the work's own late answer is dropped). */
export function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(Math.round(ms / 1000))), ms);
  });
  work.catch(() => undefined);
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
