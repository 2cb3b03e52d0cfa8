// The contract's rule for moving connectors, checked before any call so the user learns why first.
import type { ConnectorGroup } from '../graph/types';

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
