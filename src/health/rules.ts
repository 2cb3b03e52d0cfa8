// The health rules of Microsoft's operations guidance, as pure functions of what the tree has read:
// each finding names its group, the connectors it concerns and the applications at risk (the blast
// radius), so the report costs no round trip beyond the load.
import type { ConnectorGroupWithContents } from '../graph/types';
import { applicationCount, connectorCount } from '../shared/counts';
import { l10n } from '../shared/l10n';
import { nameList } from '../shared/nameList';
import { usesPrivateAccess } from './applicationKind';
import { isBelow, majorLine, PRIVATE_ACCESS_MINIMUM, REGION_OPTIMISED_MINIMUM } from './versions';

import { finding, SEVERITY_ORDER, type Finding } from './finding';
import { DEFAULT_CERTIFICATE_WARNING_DAYS, publishingFindings, sharedCertificateFindings, type PublishingOptions } from './publishingRules';

export type { Finding, FixKind, RuleId, Severity } from './finding';
export { SEVERITY_ORDER } from './finding';

const active = (group: ConnectorGroupWithContents) => group.members.filter((c) => c.status === 'active');
const names = (items: { machineName?: string; displayName?: string; id: string }[]) =>
  nameList(items.map((i) => i.machineName || i.displayName || i.id));

/** Redundancy: every group that serves applications needs two active connectors, and a spare is better. */
function redundancy(group: ConnectorGroupWithContents): Finding[] {
  const apps = group.applications;
  if (apps.length === 0) return [];
  const running = active(group);
  const served = applicationCount(apps.length);
  const at = { applicationsAtRisk: apps, connectors: running, fix: 'addActiveConnector' as const };
  if (running.length === 0) {
    return [finding(group, 'noActiveConnector', 'error', l10n.t("'{0}' has no active connector: its {1} are unreachable.", group.name, served), at)];
  }
  if (running.length === 1) {
    return [finding(group, 'oneActiveConnector', 'warning', l10n.t("'{0}' serves {1} through one active connector: no redundancy if it fails.", group.name, served), at)];
  }
  if (running.length === 2) {
    return [finding(group, 'twoActiveConnectors', 'information', l10n.t("'{0}' serves {1} through two active connectors: no spare while one is updated or down.", group.name, served), at)];
  }
  return [];
}

function versions(group: ConnectorGroupWithContents, defaultRegion: string | null | undefined): Finding[] {
  const found: Finding[] = [];
  const privateAccess = group.applications.filter(usesPrivateAccess);
  if (privateAccess.length > 0) {
    const old = group.members.filter((c) => isBelow(c.version, PRIVATE_ACCESS_MINIMUM));
    if (old.length > 0) {
      found.push(finding(group, 'belowPrivateAccessVersion', 'error',
        l10n.t("{0} in '{1}' run a version below {2}, which Private Access needs, and the group serves {3}.", names(old), group.name, PRIVATE_ACCESS_MINIMUM, names(privateAccess)),
        { connectors: old, applicationsAtRisk: privateAccess }));
    }
  }
  if (!group.isDefault && defaultRegion !== undefined && group.region !== defaultRegion) {
    const old = group.members.filter((c) => isBelow(c.version, REGION_OPTIMISED_MINIMUM));
    if (old.length > 0) {
      found.push(finding(group, 'belowRegionVersion', 'error',
        l10n.t("{0} in the region-optimised group '{1}' run a version below {2}, which region-optimised groups need.", names(old), group.name, REGION_OPTIMISED_MINIMUM),
        { connectors: old, applicationsAtRisk: group.applications }));
    }
  }
  const lines = [...new Set(group.members.map((c) => majorLine(c.version)).filter((l) => l !== undefined))].sort();
  if (lines.length > 1) {
    found.push(finding(group, 'mixedVersions', 'information',
      l10n.t("'{0}' runs connectors of different major versions ({1}).", group.name, lines.join(', ')), { connectors: group.members }));
  }
  return found;
}

function inactive(group: ConnectorGroupWithContents): Finding[] {
  const down = group.members.filter((c) => c.status !== 'active');
  if (down.length === 0) return [];
  // The applications are at risk only when what stays active is not redundant.
  const atRisk = active(group).length < 2 ? group.applications : [];
  return [finding(group, 'inactiveConnectors', 'warning',
    l10n.t("{0} in '{1}': inactive ({2}). The service removes a connector that stays inactive for 10 days.", names(down), group.name, connectorCount(down.length)),
    { connectors: down, applicationsAtRisk: atRisk })];
}

/** Every finding of one App Proxy group. */
export function groupFindings(group: ConnectorGroupWithContents, defaultRegion: string | null | undefined, options: PublishingOptions): Finding[] {
  const found = [...redundancy(group), ...versions(group, defaultRegion), ...inactive(group), ...publishingFindings(group, options)];
  if (group.isDefault && group.applications.length > 0) {
    found.push(finding(group, 'applicationsOnDefault', 'warning',
      l10n.t("{0} on the default group '{1}': Microsoft advises serving applications from groups of their own.", applicationCount(group.applications.length), group.name),
      { applicationsAtRisk: group.applications, fix: 'evacuateDefault' }));
  }
  if (!group.isDefault && group.members.length === 0 && group.applications.length === 0) {
    found.push(finding(group, 'emptyGroup', 'hint', l10n.t("'{0}' has no connectors and no applications.", group.name), { fix: 'deleteEmptyGroup' }));
  }
  return found;
}

/**
 * The findings of a tenant's App Proxy groups (other agents' groups have no rules here): the most
 * severe first, then those with the most applications at risk, then by group name.
 */
export function tenantFindings(groups: readonly ConnectorGroupWithContents[], options: Partial<PublishingOptions> = {}): Finding[] {
  const publishing = { now: Date.now(), certificateWarningDays: DEFAULT_CERTIFICATE_WARNING_DAYS, ...options };
  const appProxy = groups.filter((g) => g.connectorGroupType === 'applicationProxy');
  const defaultRegion = appProxy.find((g) => g.isDefault)?.region;
  const found = [...appProxy.flatMap((g) => groupFindings(g, defaultRegion, publishing)), ...sharedCertificateFindings(appProxy)];
  return found.sort((a, b) =>
    SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity)
    || b.applicationsAtRisk.length - a.applicationsAtRisk.length
    || a.group.name.localeCompare(b.group.name));
}
