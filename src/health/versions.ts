// Connector versions as Graph reports them ("1.5.3437.0"), compared part by part.

/** The minimums Microsoft's docs give: Private Access needs 1.5.3417.0, region-optimised groups 1.5.1975.0. */
export const PRIVATE_ACCESS_MINIMUM = '1.5.3417.0';
export const REGION_OPTIMISED_MINIMUM = '1.5.1975.0';

/** The numbers of a version, or undefined for a value that is not dotted numbers (never guessed at). */
export function versionParts(version: string | undefined): number[] | undefined {
  if (!version || !/^\d+(\.\d+){0,3}$/.test(version.trim())) return undefined;
  return version.trim().split('.').map(Number);
}

/** True when `version` is known and older than `minimum`. */
export function isBelow(version: string | undefined, minimum: string): boolean {
  const parts = versionParts(version);
  const floor = versionParts(minimum)!;
  if (!parts) return false;
  for (let i = 0; i < floor.length; i++) {
    const part = parts[i] ?? 0;
    if (part !== floor[i]) return part < floor[i];
  }
  return false;
}

/** The major line of a version ("1.5"), by which a group's connectors are compared. */
export function majorLine(version: string | undefined): string | undefined {
  const parts = versionParts(version);
  return parts ? parts.slice(0, 2).join('.') : undefined;
}
