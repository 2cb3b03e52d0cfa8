// The view's badge counts the groups with problems, so a narrow or hidden side bar still says so;
// the view's description says when only those groups are shown.
import * as vscode from 'vscode';
import type { ConnectorGroupTreeProvider } from './connectorGroupTreeProvider';
import type { TreeNode } from './treeNode';

export function showProblems(tree: ConnectorGroupTreeProvider, view: vscode.TreeView<TreeNode>): vscode.Disposable {
  const update = () => {
    const count = tree.problemCount();
    view.badge = count === 0 ? undefined : {
      value: count,
      tooltip: count === 1 ? vscode.l10n.t('1 connector group with problems') : vscode.l10n.t('{0} connector groups with problems', count),
    };
    view.description = tree.problemsOnly ? vscode.l10n.t('groups with problems') : undefined;
  };
  update();
  return tree.onDidChangeTreeData(update);
}
