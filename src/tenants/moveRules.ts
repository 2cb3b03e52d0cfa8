// The contract's rule for moving connectors, checked before any call so the user learns why first.
import type { ConnectorGroup } from '../graph/types';
import { l10n } from '../shared/l10n';
import { regionLabel } from '../shared/regions';

/**
 * A connector may join a region-optimised group (one outside the default region) only from a group in
 * the default region; the default region is the default group's.
 */
export function connectorMoveRefusal(source: ConnectorGroup, target: ConnectorGroup, defaultGroup: ConnectorGroup | undefined): string | undefined {
  if (!defaultGroup || source.id === target.id) return undefined;
  const defaultRegion = defaultGroup.region;
  if (target.region === defaultRegion || source.region === defaultRegion) return undefined;
  return l10n.t("A connector can join '{0}' ({1}) only from a group in the default region ({2}), and '{3}' is in {4}.",
    target.name, regionLabel(target.region), regionLabel(defaultRegion), source.name, regionLabel(source.region));
}

/** The region rule in a few words, said once above the rows it keeps out. */
export function regionRuleInBrief(defaultGroup: ConnectorGroup | undefined): string {
  return l10n.t('a region-optimised group takes connectors only from the default region ({0})', regionLabel(defaultGroup?.region));
}
