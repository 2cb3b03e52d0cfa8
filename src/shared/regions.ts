// Connector group regions as Graph names them, with the names people know them by.

export const REGIONS = ['nam', 'eur', 'aus', 'asia', 'ind'] as const;
export type Region = (typeof REGIONS)[number];

export const REGION_NAMES: Record<Region, string> = {
  nam: 'North America',
  eur: 'Europe',
  aus: 'Australia',
  asia: 'Asia',
  ind: 'India',
};

export function isRegion(value: unknown): value is Region {
  return typeof value === 'string' && (REGIONS as readonly string[]).includes(value);
}

/** A region for display: its human name when known, the raw value otherwise (the service can send others). */
export function regionLabel(region: string | null | undefined): string {
  if (!region) return 'no region';
  return isRegion(region) ? REGION_NAMES[region] : region;
}
