// Progress for Graph calls: in the view for quick ones, as a notification for long ones.
import * as vscode from 'vscode';
import { notificationText } from '../shared/plainText';

export const TREE_VIEW_ID = 'connectorGroups.tree';

export function withViewProgress<T>(title: string, task: () => Promise<T>): Promise<T> {
  return Promise.resolve(vscode.window.withProgress({ location: { viewId: TREE_VIEW_ID }, title: notificationText(title) }, task));
}

export function withNotificationProgress<T>(title: string, task: (report: (message: string) => void) => Promise<T>): Promise<T> {
  return Promise.resolve(vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: notificationText(title) },
    (progress) => task((message) => progress.report({ message: notificationText(message) })),
  ));
}
