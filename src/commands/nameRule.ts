// One rule for duplicate names, the same in Create, Rename and the region form: Graph allows two
// groups with one name, so the extension asks, and the safe answer is the default button.
import * as vscode from 'vscode';
import type { ConnectorGroup } from '../graph/types';
import { groupsNamed } from '../operations/groupOperations';
import type { TenantContents } from '../tenants/tenantContents';
import { withViewProgress } from '../ui/progress';
import type { Services } from '../services';

export type NameDecision = { use: true; sameName: ConnectorGroup[] } | { use: false; again: boolean };

/**
 * Asks the service (not a tree that may be older) for groups with this name, other than `ownId`.
 * `again: true` means the user wants to choose another name; `false` that they gave up.
 */
export async function checkName(services: Services, contents: TenantContents, name: string, anyway: string, ownId?: string): Promise<NameDecision> {
  const all = await withViewProgress(vscode.l10n.t('Checking the name…'), () => groupsNamed(contents, name));
  const others = all.filter((g) => g.id !== ownId);
  if (others.length === 0) return { use: true, sameName: all };
  const another = vscode.l10n.t('Choose Another Name');
  // The names as they are on the service: Graph compares them without case, so they may differ from the typed one.
  const existing = [...new Set(others.map((g) => g.name))];
  const choice = await services.prompts.choose(
    existing.length === 1
      ? vscode.l10n.t("A connector group named '{0}' already exists.", existing[0])
      : vscode.l10n.t('Connector groups named {0} already exist.', existing.map((n) => `'${n}'`).join(', ')),
    vscode.l10n.t('Graph allows two groups with the same name, but admins and scripts easily confuse them.'),
    [another, anyway],
  );
  if (choice === anyway) return { use: true, sameName: all };
  return { use: false, again: choice === another };
}
