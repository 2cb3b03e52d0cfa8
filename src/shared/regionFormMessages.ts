// The region form's messages, both ways, and the one validation both the webview and the extension apply.
import { applicationCount, connectorCount } from './counts';
import { l10n } from './l10n';
import { REGIONS, regionName, type Region } from './regions';
import { isGuid, validateGroupName, validateRegion } from './validation';
import { messageFields, unknownType, type Parsed } from './webviewMessage';

/** What the form shows of a group. */
export interface RegionFormGroup {
  id: string;
  name: string;
  isDefault: boolean;
  /** As Graph answered it: it may be outside the enum, or missing. */
  region: string | null;
  connectors: number;
  applications: number;
  /** Applications of the group that have no active connector, in a sentence (see tenants/impact.ts). */
  unreachable?: string;
}

export type ToWebview =
  /** bundle: vscode.l10n.bundle, the translations of the form's texts (none for English). */
  | { type: 'init'; group: RegionFormGroup; regions: { value: Region; label: string }[]; bundle?: Record<string, string> }
  | { type: 'saving' }
  | { type: 'saved'; group: RegionFormGroup }
  /** Save was pressed with nothing changed: nothing was sent. */
  | { type: 'unchanged' }
  | { type: 'failed'; message: string; field?: 'name' | 'region' };

export type FromWebview =
  | { type: 'ready' }
  | { type: 'save'; groupId: string; name: string; region: string }
  | { type: 'cancel' };

/** The regions by name; the tenant's default region (the default group's) says so. */
export function regionOptions(defaultRegion?: string | null): { value: Region; label: string }[] {
  return REGIONS.map((value) => ({
    value,
    label: value === defaultRegion ? l10n.t('{0} (tenant default)', regionName(value)) : regionName(value),
  }));
}

export interface FormErrors {
  name?: string;
  region?: string;
}

/** Why the region cannot change right now, or undefined when it can. */
export function regionLockReason(group: RegionFormGroup): string | undefined {
  if (group.connectors === 0 && group.applications === 0) return undefined;
  return l10n.t('The region can only change while no connector and no application is assigned. This group has {0} and {1}: move them to another group first.', connectorCount(group.connectors), applicationCount(group.applications));
}

/**
 * Checks what the user entered against the group. The region may stay as it is (even a value outside
 * the enum that the service returned); changing it needs an empty group and a value from the list.
 */
export function validateRegionForm(group: RegionFormGroup, name: string, region: string): FormErrors {
  const errors: FormErrors = {};
  const nameResult = validateGroupName(name);
  if (!nameResult.ok) errors.name = nameResult.message;
  if (region !== (group.region ?? '')) {
    const regionResult = validateRegion(region);
    const problem = regionResult.ok ? regionLockReason(group) : regionResult.message;
    if (problem) errors.region = problem;
  }
  return errors;
}

export type { Parsed } from './webviewMessage';

const MAX_FIELD_LENGTH = 4096;

/** Reads a message from the (untrusted) webview: exact shape, types and sizes, or a refusal saying why. */
export function parseFromWebview(raw: unknown): Parsed<FromWebview> {
  const fields = messageFields(raw);
  if (!fields.ok) return fields;
  const { message, keys } = fields;
  switch (message.type) {
    case 'ready':
    case 'cancel':
      return keys === 'type' ? { ok: true, message: { type: message.type } } : { ok: false, error: l10n.t("Unexpected fields in a '{0}' message.", message.type) };
    case 'save': {
      if (keys !== 'groupId,name,region,type') return { ok: false, error: l10n.t("A 'save' message has exactly groupId, name and region.") };
      const { groupId, name, region } = message;
      if (!isGuid(groupId)) return { ok: false, error: l10n.t('The group id is not a valid id.') };
      if (typeof name !== 'string' || typeof region !== 'string') return { ok: false, error: l10n.t('Name and region must be text.') };
      if (name.length > MAX_FIELD_LENGTH || region.length > MAX_FIELD_LENGTH) {
        return { ok: false, error: l10n.t('The name or region is far too long ({0} characters).', Math.max(name.length, region.length)) };
      }
      return { ok: true, message: { type: 'save', groupId, name, region } };
    }
    default:
      return unknownType(message.type);
  }
}
