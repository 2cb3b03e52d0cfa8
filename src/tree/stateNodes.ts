// Visible states instead of a silent empty tree: loading, empty and error (with a retry).
import * as vscode from 'vscode';
import { visibleText } from '../shared/plainText';
import { describeError } from '../ui/describeError';
import { settings } from '../settings';
import type { Tenant } from '../tenants/tenant';
import { TreeNode } from './treeNode';

export class LoadingNode extends TreeNode {
  constructor(parent: TreeNode) {
    super(`${parent.id}/loading`, parent);
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Loading…'));
    item.id = this.id;
    item.description = vscode.l10n.t('gives up after {0} s', Math.round(settings.requestTimeoutMs() / 1000));
    item.iconPath = new vscode.ThemeIcon('loading~spin');
    item.contextValue = 'loading';
    return item;
  }
}

/** The only row while the first tenant is being opened, so the welcome does not flash first. */
export class OpeningNode extends TreeNode {
  constructor() {
    super('opening', undefined);
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Opening the tenant…'));
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
    retryOnClick(item, this.parent, message, vscode.l10n.t('Click to try again.'));
    item.contextValue = 'error';
    return item;
  }
}

/** A tenant with no session to be had silently: one click signs in, and the other tenants are not held up. */
export class SignInNode extends TreeNode {
  constructor(parent: TreeNode, readonly error: unknown) {
    super(`${parent.id}/signIn`, parent);
  }

  treeItem(): vscode.TreeItem {
    const signIn = (this.parent as { tenant?: Tenant } | undefined)?.tenant?.signIn;
    const code = signIn?.busy ? signIn.code?.() : undefined;
    if (code) {
      // The code stays here while the toast that showed it may have gone: one click copies it and opens the page.
      const waiting = new vscode.TreeItem(visibleText(vscode.l10n.t('Enter the code {0}', code.userCode)));
      waiting.id = this.id;
      waiting.description = visibleText(vscode.l10n.t('at {0}: click to copy it and open the page', code.verificationUri));
      waiting.iconPath = new vscode.ThemeIcon('key');
      waiting.command = { command: 'connectorGroups.copyCodeAndOpenPage', title: vscode.l10n.t('Copy Code and Open Page'), arguments: [this.parent] };
      waiting.contextValue = 'deviceCode';
      return waiting;
    }
    if (signIn?.busy) {
      const waiting = new vscode.TreeItem(vscode.l10n.t('Waiting for the sign-in…'));
      waiting.id = this.id;
      waiting.iconPath = new vscode.ThemeIcon('loading~spin');
      waiting.contextValue = 'loading';
      return waiting;
    }
    const item = new vscode.TreeItem(vscode.l10n.t('Sign in…'));
    item.id = this.id;
    item.description = visibleText(describeError(this.error));
    item.iconPath = new vscode.ThemeIcon('sign-in');
    item.command = { command: 'connectorGroups.signInTenant', title: vscode.l10n.t('Sign In'), arguments: [this.parent] };
    item.tooltip = vscode.l10n.t('Click to sign in to this tenant.');
    item.contextValue = 'signIn';
    return item;
  }
}

/** The groups below are the last good ones: the latest refresh failed. Clicking it tries again. */
export class StaleNode extends TreeNode {
  constructor(parent: TreeNode, readonly error: unknown) {
    super(`${parent.id}/stale`, parent);
  }

  treeItem(): vscode.TreeItem {
    const message = describeError(this.error);
    const item = new vscode.TreeItem(visibleText(vscode.l10n.t('Could not refresh: Retry')));
    item.id = this.id;
    item.description = visibleText(message);
    item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    retryOnClick(item, this.parent, message, vscode.l10n.t('The groups shown are from the last refresh that worked. Click to try again.'));
    item.contextValue = 'stale';
    return item;
  }
}

/** A failure's text as the tooltip (as text: as Markdown Graph's words could carry links); a click refreshes. */
function retryOnClick(item: vscode.TreeItem, node: TreeNode | undefined, message: string, hint: string): void {
  item.tooltip = new vscode.MarkdownString().appendText(visibleText(message)).appendMarkdown('\n\n').appendText(hint);
  item.command = { command: 'connectorGroups.refreshNode', title: vscode.l10n.t('Retry'), arguments: [node] };
}

/**
 * A read-only tenant whose first read Application Proxy refused with Directory.Read.All (its pages
 * list only the write permission): one click asks for Directory.ReadWrite.All, and the extension
 * keeps the tenant read-only all the same.
 */
export class ReadRefusedNode extends TreeNode {
  constructor(parent: TreeNode, readonly error: unknown) {
    super(`${parent.id}/readRefused`, parent);
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Application Proxy refused reading with Directory.Read.All'));
    item.id = this.id;
    item.description = vscode.l10n.t('Ask for Directory.ReadWrite.All (stays read only)…');
    item.iconPath = new vscode.ThemeIcon('shield');
    item.tooltip = new vscode.MarkdownString()
      .appendText(visibleText(describeError(this.error)))
      .appendMarkdown('\n\n')
      .appendText(vscode.l10n.t('Some tenants only let Application Proxy be read with Directory.ReadWrite.All. Click to sign in asking for it; every change stays refused, as for any read-only tenant.'));
    item.command = { command: 'connectorGroups.askReadWrite', title: vscode.l10n.t('Ask for Directory.ReadWrite.All'), arguments: [this.parent] };
    item.contextValue = 'readRefused';
    return item;
  }
}
