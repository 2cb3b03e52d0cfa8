// Progress for Graph calls: in the view for quick ones, as a notification for long ones.
import * as vscode from 'vscode';
import { notificationText } from '../shared/plainText';

export const TREE_VIEW_ID = 'connectorGroups.tree';

export function withViewProgress<T>(title: string, task: () => Promise<T>): Promise<T> {
  return Promise.resolve(vscode.window.withProgress({ location: { viewId: TREE_VIEW_ID }, title: notificationText(title) }, task));
}

/**
 * A run of steps with Cancel: the title and each step's message as text (names from Graph in them
 * never become links), with the share of the run each step takes.
 */
export function withRunProgress<T>(title: string, task: (report: (message: string, increment: number) => void, cancelled: () => boolean) => Promise<T>): Promise<T> {
  return Promise.resolve(vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: notificationText(title), cancellable: true },
    (progress, token) => task((message, increment) => progress.report({ message: notificationText(message), increment }), () => token.isCancellationRequested),
  ));
}

export function withNotificationProgress<T>(title: string, task: (report: (message: string) => void) => Promise<T>): Promise<T> {
  return Promise.resolve(vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: notificationText(title) },
    (progress) => task((message) => progress.report({ message: notificationText(message) })),
  ));
}
