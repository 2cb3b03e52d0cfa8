// Health at a glance: applications with no active connector are down; one active connector has no redundancy.
import type { ConnectorGroupWithContents } from '../graph/types';
import { l10n } from '../shared/l10n';

export type GroupHealth = 'ok' | 'down' | 'noRedundancy' | 'idle';

export function activeConnectors(group: ConnectorGroupWithContents): number {
  return group.members.filter((c) => c.status === 'active').length;
}

export function groupHealth(group: ConnectorGroupWithContents): GroupHealth {
  const active = activeConnectors(group);
  if (group.applications.length > 0 && active === 0) return 'down';
  if (group.applications.length > 0 && active === 1) return 'noRedundancy';
  if (group.applications.length === 0 && group.members.length === 0) return 'idle';
  return 'ok';
}

/** A group that needs an admin: its applications are unreachable or hang on one connector. */
export function hasProblem(group: ConnectorGroupWithContents): boolean {
  const health = groupHealth(group);
  return health === 'down' || health === 'noRedundancy';
}

/** A few words for the tree's description and the pickers: what is wrong, if anything. */
export function healthWords(health: GroupHealth): string | undefined {
  if (health === 'down') return l10n.t('no active connector');
  if (health === 'noRedundancy') return l10n.t('no redundancy');
  return undefined;
}

/** The same in a sentence, for tooltips. */
export function healthNote(health: GroupHealth): string | undefined {
  if (health === 'down') return l10n.t('No active connector: the applications of this group are unreachable.');
  if (health === 'noRedundancy') return l10n.t('Only one active connector: no redundancy if it fails.');
  return undefined;
}
