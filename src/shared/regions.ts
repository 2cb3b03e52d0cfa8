// Connector group regions as Graph names them, with the names people know them by.
import { l10n } from './l10n';

export const REGIONS = ['nam', 'eur', 'aus', 'asia', 'ind'] as const;
export type Region = (typeof REGIONS)[number];

export function regionName(region: Region): string {
  switch (region) {
    case 'nam': return l10n.t('North America');
    case 'eur': return l10n.t('Europe');
    case 'aus': return l10n.t('Australia');
    case 'asia': return l10n.t('Asia');
    case 'ind': return l10n.t('India');
  }
}

export function isRegion(value: unknown): value is Region {
  return typeof value === 'string' && (REGIONS as readonly string[]).includes(value);
}

/** A region for display: its human name when known, the raw value otherwise (the service can send others). */
export function regionLabel(region: string | null | undefined): string {
  if (!region) return l10n.t('no region');
  return isRegion(region) ? regionName(region) : region;
}

/**
 * A region with its code, as the details of a group show it: `Europe (eur)`; a value outside Graph's
 * list (the service can report one) says that it cannot be chosen again.
 */
export function regionFact(region: string | null | undefined): string {
  if (!region) return l10n.t('none');
  return isRegion(region) ? `${regionName(region)} (${region})` : undocumentedRegion(region);
}

export function undocumentedRegion(region: string): string {
  return l10n.t('{0} (not a documented region; cannot be set)', region);
}
