// The rules on how applications are published (Microsoft's Application Proxy security guidance): custom-domain
// certificates that expired or expire soon, passthrough pre-authentication, back ends reached over http://,
// back-end certificate validation off, and one certificate on several applications (they expire together).
import type { Application, ConnectorGroupWithContents } from '../graph/types';
import { l10n } from '../shared/l10n';
import { nameList } from '../shared/nameList';
import { applicationKind } from './applicationKind';
import { backendValidationOff, customDomainCertificate, daysLeft, internalScheme, isPassthrough } from './publishing';
import { finding, type Finding, type RuleId, type Severity } from './finding';

export interface PublishingOptions {
  now: number;
  /** A certificate that expires within this many days is a warning. */
  certificateWarningDays: number;
}

export const DEFAULT_CERTIFICATE_WARNING_DAYS = 30;

const names = (apps: Application[]) => nameList(apps.map((a) => a.displayName || a.id));
const day = (iso: string) => iso.slice(0, 10);

function certificates(group: ConnectorGroupWithContents, { now, certificateWarningDays }: PublishingOptions): Finding[] {
  const dated = group.applications
    .map((application) => ({ application, certificate: customDomainCertificate(application) }))
    .filter((d) => d.certificate !== undefined)
    .map((d) => ({ ...d, days: daysLeft(d.certificate!, now) }))
    .sort((a, b) => a.days - b.days);
  const expired = dated.filter((d) => d.days < 0);
  const expiring = dated.filter((d) => d.days >= 0 && d.days < certificateWarningDays);
  const found: Finding[] = [];
  if (expired.length > 0) {
    const which = expired.map((d) => l10n.t('{0} (expired {1})', d.application.displayName, day(d.certificate!.expiryDate)));
    found.push(finding(group, 'certificateExpired', 'error',
      expired.length === 1
        ? l10n.t("Custom-domain certificate expired in '{0}': {1}. Users get certificate errors until it is renewed and uploaded.", group.name, which[0])
        : l10n.t("Custom-domain certificates expired in '{0}': {1}. Users get certificate errors until each is renewed and uploaded.", group.name, nameList(which)),
      { applicationsAtRisk: expired.map((d) => d.application) }));
  }
  if (expiring.length > 0) {
    const which = expiring.map(({ application, certificate, days }) => {
      if (days === 0) return l10n.t('{0} (expires today)', application.displayName);
      if (days === 1) return l10n.t('{0} (tomorrow, {1})', application.displayName, day(certificate!.expiryDate));
      return l10n.t('{0} (in {1} days, {2})', application.displayName, days, day(certificate!.expiryDate));
    });
    found.push(finding(group, 'certificateExpiring', 'warning',
      expiring.length === 1
        ? l10n.t("A custom-domain certificate in '{0}' expires within {1} days: {2}.", group.name, certificateWarningDays, which[0])
        : l10n.t("Custom-domain certificates in '{0}' expire within {1} days: {2}.", group.name, certificateWarningDays, nameList(which)),
      { applicationsAtRisk: expiring.map((d) => d.application) }));
  }
  return found;
}

interface SettingRule {
  rule: RuleId;
  severity: Severity;
  applies: (application: Application) => boolean;
  /** The sentence, for one application or several (whole sentences for the translators). */
  say: (names: string, group: string, count: number) => string;
}

/** The rules on one web application's settings; each finding names every application it holds for. */
const SETTING_RULES: SettingRule[] = [
  {
    rule: 'passthroughPreAuthentication', severity: 'warning', applies: isPassthrough,
    say: (names, group, count) => count === 1
      ? l10n.t("{0} in '{1}' uses passthrough pre-authentication: anyone who reaches the URL reaches the back end, and Conditional Access does not apply.", names, group)
      : l10n.t("{0} in '{1}' use passthrough pre-authentication: anyone who reaches the URL reaches the back end, and Conditional Access does not apply.", names, group),
  },
  {
    rule: 'httpInternalUrl', severity: 'information', applies: (a) => internalScheme(a) === 'http',
    say: (names, group, count) => count === 1
      ? l10n.t("{0} in '{1}' reaches its back end over http://: traffic between the connector and the server is not encrypted.", names, group)
      : l10n.t("{0} in '{1}' reach their back end over http://: traffic between the connector and the server is not encrypted.", names, group),
  },
  {
    // Validation only means something for an https:// back end.
    rule: 'backendValidationOff', severity: 'information', applies: (a) => internalScheme(a) === 'https' && backendValidationOff(a),
    say: (names, group, count) => count === 1
      ? l10n.t("{0} in '{1}' has back-end certificate validation off: the connector accepts any certificate the server shows.", names, group)
      : l10n.t("{0} in '{1}' have back-end certificate validation off: the connector accepts any certificate the server shows.", names, group),
  },
];

/** The findings about how one group's applications are published. */
export function publishingFindings(group: ConnectorGroupWithContents, options: PublishingOptions): Finding[] {
  // Private Access and Quick Access have no external URL, pre-authentication or back-end URL of this kind.
  const web = group.applications.filter((a) => applicationKind(a) === 'appProxy');
  const found = certificates(group, options);
  for (const { rule, severity, applies, say } of SETTING_RULES) {
    const hit = web.filter(applies);
    if (hit.length > 0) found.push(finding(group, rule, severity, say(names(hit), group.name, hit.length), { applicationsAtRisk: hit }));
  }
  return found;
}

/**
 * One certificate (by thumbprint) on several applications, across groups: they expire together and
 * are renewed by one renewal uploaded to each. The finding sits with the first group that has one.
 */
export function sharedCertificateFindings(groups: readonly ConnectorGroupWithContents[]): Finding[] {
  const holders = new Map<string, { group: ConnectorGroupWithContents; application: Application }[]>();
  for (const group of groups) {
    for (const application of group.applications) {
      const thumbprint = customDomainCertificate(application)?.thumbprint.toUpperCase();
      if (!thumbprint) continue;
      holders.set(thumbprint, [...(holders.get(thumbprint) ?? []), { group, application }]);
    }
  }
  return [...holders].filter(([, held]) => held.length > 1).map(([thumbprint, held]) => {
    const certificate = customDomainCertificate(held[0].application)!;
    const applications = held.map((h) => h.application);
    return {
      ...finding(held[0].group, 'sharedCertificate', 'hint',
        l10n.t('{0} applications share the certificate {1} (expires {2}): {3}. They expire together; one renewal is uploaded to each.',
          held.length, certificate.subjectName || thumbprint, day(certificate.expiryDate), names(applications)),
        { applicationsAtRisk: applications }),
      key: thumbprint,
    };
  });
}
