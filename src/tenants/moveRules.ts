// The contract's rules for moves and region changes, checked before any call so the user learns why first.
import type { ConnectorGroup, ConnectorGroupWithContents } from '../graph/types';

/**
 * A connector may join a region-optimised group (one outside the default region) only from a group in
 * the default region; the default region is the default group's.
 */
export function connectorMoveRefusal(source: ConnectorGroup, target: ConnectorGroup, defaultGroup: ConnectorGroup | undefined): string | undefined {
  if (!defaultGroup || source.id === target.id) return undefined;
  const defaultRegion = defaultGroup.region;
  if (target.region === defaultRegion || source.region === defaultRegion) return undefined;
  return `'${target.name}' is optimised for region '${target.region}', and a connector can join it only from a group in the default region ('${defaultRegion}'), but '${source.name}' is in '${source.region}'. Move the connector to a group in the default region first.`;
}

/** The region can be set only while no connector and no application is assigned. */
export function regionChangeRefusal(group: ConnectorGroupWithContents): string | undefined {
  const connectors = group.members.length;
  const applications = group.applications.length;
  if (connectors === 0 && applications === 0) return undefined;
  return `The region of '${group.name}' can only change while no connector and no application is assigned to it; it has ${connectors} connector(s) and ${applications} application(s). Move them to another group first.`;
}
