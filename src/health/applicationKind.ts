// What kind of application a group serves: Application Proxy web applications, Private Access and
// Quick Access share connectors and groups (the contract's `onPremisesPublishing.applicationType`).
import type { Application } from '../graph/types';
import { l10n } from '../shared/l10n';

export type ApplicationKind = 'appProxy' | 'privateAccess' | 'quickAccess';

/** Unknown, absent or null types are web applications (the contract says so). */
export function applicationKind(application: Application): ApplicationKind {
  const type = application.onPremisesPublishing?.applicationType;
  if (type === 'nonwebapp') return 'privateAccess';
  if (type === 'quickaccessapp') return 'quickAccess';
  return 'appProxy';
}

export function kindWords(kind: ApplicationKind): string {
  switch (kind) {
    case 'privateAccess': return l10n.t('Private Access');
    case 'quickAccess': return l10n.t('Quick Access');
    case 'appProxy': return l10n.t('App Proxy');
  }
}

/** Private Access and Quick Access both reach their segments through the Private Access connectors. */
export function usesPrivateAccess(application: Application): boolean {
  return applicationKind(application) !== 'appProxy';
}
