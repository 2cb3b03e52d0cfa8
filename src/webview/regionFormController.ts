// The extension side of the region form: every message from the webview is checked again here, since
// the webview is untrusted; only a valid change of this form's group reaches Graph.
import type { ConnectorGroup, ConnectorGroupWithContents, GroupChanges } from '../graph/types';
import { l10n } from '../shared/l10n';
import { visibleText } from '../shared/plainText';
import { unreachableText } from '../tenants/impact';
import {
  parseFromWebview, regionOptions, validateRegionForm,
  type RegionFormGroup, type ToWebview,
} from '../shared/regionFormMessages';

export interface RegionFormDeps {
  /** The group as the tree knows it now; undefined once it is gone. */
  group(): ConnectorGroupWithContents | undefined;
  /** The tenant's default region (the default group's), marked among the options. */
  defaultRegion?(): string | null | undefined;
  /** Asks about a name another group already has (the duplicate-name rule); true to go ahead. */
  confirmName?(name: string, groupId: string): Promise<boolean>;
  /** Sends the change to Graph and records it in the tree. */
  update(group: ConnectorGroupWithContents, changes: GroupChanges): Promise<ConnectorGroup>;
  post(message: ToWebview): void;
  close(): void;
  describe(error: unknown): string;
  log(message: string): void;
  /** The translations the webview needs, as vscode.l10n.bundle holds them. */
  bundle?: Record<string, string>;
}

export function formGroup(group: ConnectorGroupWithContents): RegionFormGroup {
  return {
    id: group.id,
    name: group.name,
    isDefault: group.isDefault,
    region: group.region,
    connectors: group.members.length,
    applications: group.applications.length,
    unreachable: (text => text && visibleText(text))(unreachableText(group)),
  };
}

export class RegionFormController {
  /** A save under way: a second one (a double Enter) waits for nothing and sends nothing. */
  private saving = false;

  constructor(private readonly deps: RegionFormDeps) {}

  async handle(raw: unknown): Promise<void> {
    const parsed = parseFromWebview(raw);
    if (!parsed.ok) {
      this.deps.log(`Region form: refused a message: ${parsed.error}`);
      this.deps.post({ type: 'failed', message: parsed.error });
      return;
    }
    const message = parsed.message;
    if (message.type === 'cancel') return this.deps.close();
    const group = this.deps.group();
    if (!group) {
      this.deps.post({ type: 'failed', message: l10n.t('This connector group no longer exists. Refresh the tree.') });
      return;
    }
    if (message.type === 'ready') {
      this.deps.post({ type: 'init', group: formGroup(group), regions: regionOptions(this.deps.defaultRegion?.()), bundle: this.deps.bundle });
      return;
    }
    if (this.saving) {
      this.deps.log('Region form: ignored a save while another is under way.');
      return;
    }
    if (message.groupId !== group.id) {
      this.deps.post({ type: 'failed', message: l10n.t('This form edits another connector group.') });
      return;
    }
    const errors = validateRegionForm(formGroup(group), message.name, message.region);
    const field = errors.name ? 'name' : errors.region ? 'region' : undefined;
    if (field) {
      this.deps.post({ type: 'failed', message: (errors.name ?? errors.region)!, field });
      return;
    }
    const changes: GroupChanges = {};
    if (message.name.trim() !== group.name) changes.name = message.name.trim();
    if (message.region !== (group.region ?? '')) changes.region = message.region;
    if (Object.keys(changes).length === 0) {
      this.deps.post({ type: 'unchanged' });
      return;
    }
    this.saving = true;
    try {
      if (changes.name !== undefined && this.deps.confirmName && !(await this.deps.confirmName(changes.name, group.id))) {
        this.deps.post({ type: 'failed', field: 'name', message: l10n.t("Not saved: another connector group is named '{0}'.", changes.name) });
        return;
      }
      this.deps.post({ type: 'saving' });
      await this.deps.update(group, changes);
      this.deps.post({ type: 'saved', group: formGroup(this.deps.group() ?? group) });
    } catch (error) {
      this.deps.post({ type: 'failed', message: this.deps.describe(error) });
    } finally {
      this.saving = false;
    }
  }
}
