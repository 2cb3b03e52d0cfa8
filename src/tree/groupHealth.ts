// Health at a glance: applications with no active connector are down; one active connector has no redundancy.
import type { ConnectorGroupWithContents } from '../graph/types';

export type GroupHealth = 'ok' | 'down' | 'noRedundancy' | 'idle';

export function groupHealth(group: ConnectorGroupWithContents): GroupHealth {
  const active = group.members.filter((c) => c.status === 'active').length;
  if (group.applications.length > 0 && active === 0) return 'down';
  if (group.applications.length > 0 && active === 1) return 'noRedundancy';
  if (group.applications.length === 0 && group.members.length === 0) return 'idle';
  return 'ok';
}
