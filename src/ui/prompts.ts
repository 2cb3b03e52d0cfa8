// Every question and message a command puts to the user goes through here, so tests can answer them,
// and every text shown passes one filter: what came from Graph or a user stays plain text.
import * as vscode from 'vscode';
import { showPicker } from './picker';
import { notificationText, pickerText } from '../shared/plainText';

export interface Prompts {
  input(options: vscode.InputBoxOptions): Promise<string | undefined>;
  pick<T extends vscode.QuickPickItem>(items: T[], options: vscode.QuickPickOptions): Promise<T | undefined>;
  pickMany<T extends vscode.QuickPickItem>(items: T[], options: vscode.QuickPickOptions): Promise<T[] | undefined>;
  /** A modal confirmation; resolves true only when the user chose `action`. */
  confirm(message: string, detail: string, action: string): Promise<boolean>;
  /** A modal choice; the first action is the default button (make it the safe one). Undefined on cancel. */
  choose(message: string, detail: string, actions: string[]): Promise<string | undefined>;
  info(message: string): void;
  /** An information message with buttons; resolves with the button chosen. */
  notify(message: string, ...actions: string[]): Promise<string | undefined>;
  /** A passing word in the status bar, for what needs no answer and should not stack up as toasts. */
  status(icon: string, message: string): void;
  /** An error message with its buttons; resolves with the button chosen. */
  error(message: string, ...actions: string[]): Promise<string | undefined>;
  /** A notification of something seen (not caused) by the extension, at its severity, with its buttons. */
  alert(severity: 'error' | 'warning' | 'information', message: string, ...actions: string[]): Promise<string | undefined>;
  openExternal(uri: vscode.Uri): Promise<boolean>;
  /** Where to save a file; undefined when the user cancels. */
  saveAs(defaultUri: vscode.Uri): Promise<vscode.Uri | undefined>;
  /**
   * A notification with Cancel for work that has become slow (Graph busy, retrying); `report`
   * updates its message, `close` takes it away. `onCancel` runs when the person cancels.
   */
  slowWork(title: string, onCancel: () => void): { report(message: string): void; close(): void };
  /** Shows a device code to enter on another device, with a button that copies it and opens the page; 'dismissed' when closed without going there. */
  showCode(prompt: { message: string; userCode: string; verificationUri: string }): Promise<'dismissed' | void>;
}

const text = (value: string | undefined) => (value === undefined ? undefined : pickerText(value));

export const windowPrompts: Prompts = {
  input: async (options) => vscode.window.showInputBox({ ignoreFocusOut: true, ...options, title: text(options.title), prompt: text(options.prompt) }),
  pick: async (items, options) => (await showPicker(items, { ...options, canPickMany: false }))?.[0],
  pickMany: async (items, options) => showPicker(items, { ...options, canPickMany: true }),
  confirm: async (message, detail, action) =>
    (await vscode.window.showWarningMessage(notificationText(message), { modal: true, detail: notificationText(detail) }, action)) === action,
  choose: async (message, detail, actions) =>
    vscode.window.showWarningMessage(notificationText(message), { modal: true, detail: notificationText(detail) }, ...actions),
  info: (message) => void vscode.window.showInformationMessage(notificationText(message)),
  notify: async (message, ...actions) => vscode.window.showInformationMessage(notificationText(message), ...actions),
  status: (icon, message) => void vscode.window.setStatusBarMessage(`$(${icon}) ${pickerText(message)}`, 4000),
  error: async (message, ...actions) => vscode.window.showErrorMessage(notificationText(message), ...actions),
  alert: async (severity, message, ...actions) => {
    const show = severity === 'error' ? vscode.window.showErrorMessage : severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    return show(notificationText(message), ...actions);
  },
  openExternal: async (uri) => vscode.env.openExternal(uri),
  saveAs: async (defaultUri) => vscode.window.showSaveDialog({ defaultUri, filters: { JSON: ['json'] } }),
  slowWork: (title, onCancel) => {
    let close!: () => void;
    const closed = new Promise<void>((resolve) => { close = resolve; });
    let latest: string | undefined;
    let report: ((message: string) => void) | undefined;
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: notificationText(title), cancellable: true }, (progress, token) => {
      token.onCancellationRequested(onCancel);
      report = (message) => progress.report({ message: notificationText(message) });
      if (latest !== undefined) report(latest);
      return closed;
    });
    return {
      report: (message) => {
        latest = message;
        report?.(message);
      },
      close,
    };
  },
  showCode: async ({ message, userCode, verificationUri }) => {
    const open = vscode.l10n.t('Copy Code and Open Page');
    if (await vscode.window.showInformationMessage(notificationText(message), open) !== open) return 'dismissed';
    await vscode.env.clipboard.writeText(userCode);
    await vscode.env.openExternal(vscode.Uri.parse(verificationUri));
  },
};
