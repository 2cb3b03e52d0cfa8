// VS Code's sign-in as the extension uses it: one seam, so the extension-host tests can stand in
// for the Microsoft provider (which needs a browser and a real account) and see the exact scopes.
import * as vscode from 'vscode';

export interface Authentication {
  getSession(providerId: string, scopes: readonly string[], options: vscode.AuthenticationGetSessionOptions): Thenable<vscode.AuthenticationSession | undefined>;
  readonly onDidChangeSessions: vscode.Event<vscode.AuthenticationSessionsChangeEvent>;
}

export const vscodeAuthentication: Authentication = {
  getSession: (providerId, scopes, options) => vscode.authentication.getSession(providerId, scopes, options),
  // Read when subscribed to, not when the bundle loads.
  onDidChangeSessions: (listener, thisArgs, disposables) => vscode.authentication.onDidChangeSessions(listener, thisArgs, disposables),
};
