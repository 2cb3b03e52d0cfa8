// Visible states instead of a silent empty tree: loading, empty and error (with a retry).
import * as vscode from 'vscode';
import { visibleText } from '../shared/plainText';
import { describeError } from '../ui/describeError';
import { TreeNode } from './treeNode';

export class LoadingNode extends TreeNode {
  constructor(parent: TreeNode) {
    super(`${parent.id}/loading`, parent);
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Loading…'));
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('loading~spin');
    item.contextValue = 'loading';
    return item;
  }
}

export class EmptyNode extends TreeNode {
  constructor(parent: TreeNode, private readonly label: string) {
    super(`${parent.id}/empty`, parent);
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('info');
    item.contextValue = 'empty';
    return item;
  }
}

export class ErrorNode extends TreeNode {
  constructor(parent: TreeNode, readonly error: unknown) {
    super(`${parent.id}/error`, parent);
  }

  treeItem(): vscode.TreeItem {
    const message = describeError(this.error);
    const item = new vscode.TreeItem(visibleText(vscode.l10n.t('Could not load: {0}', message)));
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    // Graph's text is appended as text: as Markdown it could carry links.
    item.tooltip = new vscode.MarkdownString().appendText(visibleText(message)).appendMarkdown('\n\n').appendText(vscode.l10n.t('Click to try again.'));
    item.contextValue = 'error';
    item.command = { command: 'connectorGroups.refreshNode', title: vscode.l10n.t('Retry'), arguments: [this.parent] };
    return item;
  }
}
