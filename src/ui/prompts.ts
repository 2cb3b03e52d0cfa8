// Every question and message a command puts to the user goes through here, so tests can answer them.
import * as vscode from 'vscode';

export interface Prompts {
  input(options: vscode.InputBoxOptions): Promise<string | undefined>;
  pick<T extends vscode.QuickPickItem>(items: T[], options: vscode.QuickPickOptions): Promise<T | undefined>;
  pickMany<T extends vscode.QuickPickItem>(items: T[], options: vscode.QuickPickOptions): Promise<T[] | undefined>;
  /** A modal confirmation; resolves true only when the user chose `action`. */
  confirm(message: string, detail: string, action: string): Promise<boolean>;
  info(message: string): void;
  /** An error message with its buttons; resolves with the button chosen. */
  error(message: string, ...actions: string[]): Promise<string | undefined>;
  openExternal(uri: vscode.Uri): Promise<boolean>;
}

export const windowPrompts: Prompts = {
  input: async (options) => vscode.window.showInputBox({ ignoreFocusOut: true, ...options }),
  pick: async (items, options) => vscode.window.showQuickPick(items, { ignoreFocusOut: true, ...options, canPickMany: false }),
  pickMany: async (items, options) => vscode.window.showQuickPick(items, { ignoreFocusOut: true, ...options, canPickMany: true }),
  confirm: async (message, detail, action) =>
    (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action,
  info: (message) => void vscode.window.showInformationMessage(message),
  error: async (message, ...actions) => vscode.window.showErrorMessage(message, ...actions),
  openExternal: async (uri) => vscode.env.openExternal(uri),
};
