// The view's badge counts the groups with problems, so a narrow or hidden side bar still says so;
// the view's description says when only those groups are shown; a status bar item counts the
// tenants with problems, for a window whose side bar shows something else, and opens the Health view.
import * as vscode from 'vscode';
import type { ConnectorGroupTreeProvider } from './connectorGroupTreeProvider';
import type { TreeNode } from './treeNode';

export function showProblems(tree: ConnectorGroupTreeProvider, view: vscode.TreeView<TreeNode>, healthViewId: string): vscode.Disposable {
  const status = vscode.window.createStatusBarItem('connectorGroups.problems', vscode.StatusBarAlignment.Left, 10);
  status.name = vscode.l10n.t('Connector Groups: tenants with problems');
  status.command = `${healthViewId}.focus`;
  const update = () => {
    const tenants = tree.tenantsWithProblems();
    // Names only in the tooltip, a plain string: the text would read $(…) in a name as an icon.
    status.text = `$(warning) ${tenants.length === 1 ? vscode.l10n.t('1 tenant with problems') : vscode.l10n.t('{0} tenants with problems', tenants.length)}`;
    status.tooltip = [vscode.l10n.t('Connector groups with problems in:'), ...tenants].join('\n');
    if (tenants.length > 0) status.show();
    else status.hide();
    const count = tree.problemCount();
    view.badge = count === 0 ? undefined : {
      value: count,
      tooltip: count === 1 ? vscode.l10n.t('1 connector group with problems') : vscode.l10n.t('{0} connector groups with problems', count),
    };
    view.description = tree.problemsOnly ? vscode.l10n.t('groups with problems') : undefined;
  };
  update();
  return vscode.Disposable.from(status, tree.onDidChangeTreeData(update));
}
