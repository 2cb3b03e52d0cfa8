// Before an evacuation is planned: why a target group is refused or risky for the applications it
// would take, said in the picker, so nothing is sent to a group that cannot serve them.
import type { Application, ConnectorGroupWithContents } from '../graph/types';
import { usesPrivateAccess } from '../health/applicationKind';
import { isBelow, PRIVATE_ACCESS_MINIMUM } from '../health/versions';
import { l10n } from '../shared/l10n';

const active = (group: ConnectorGroupWithContents) => group.members.filter((c) => c.status === 'active');

/** A target that cannot serve these applications at all. */
export function evacuationRefusal(target: ConnectorGroupWithContents, applications: readonly Application[]): string | undefined {
  const running = active(target);
  if (running.length === 0) return l10n.t("'{0}' has no active connector: the applications would be unreachable.", target.name);
  if (applications.some(usesPrivateAccess) && running.every((c) => isBelow(c.version, PRIVATE_ACCESS_MINIMUM))) {
    return l10n.t("'{0}' has no active connector at {1} or later, which Private Access needs.", target.name, PRIVATE_ACCESS_MINIMUM);
  }
  return undefined;
}

/** A target that can serve them, with a weakness worth saying before choosing it. */
export function evacuationRisk(target: ConnectorGroupWithContents, applications: readonly Application[]): string | undefined {
  const running = active(target);
  const risks: string[] = [];
  if (running.length === 1) risks.push(l10n.t('one active connector: no redundancy'));
  if (applications.some(usesPrivateAccess) && running.some((c) => isBelow(c.version, PRIVATE_ACCESS_MINIMUM))) {
    risks.push(l10n.t('some connectors below {0}, which Private Access needs', PRIVATE_ACCESS_MINIMUM));
  }
  return risks.length ? risks.join('; ') : undefined;
}
