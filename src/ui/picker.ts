// The quick pick behind every picker: rows that would be refused stay in view with their reason but
// cannot be taken (Enter on one says why and keeps the picker open), and Enter in a multi-select
// picker with nothing ticked takes the row under the cursor instead of doing nothing.
import * as vscode from 'vscode';
import { notificationText, pickerText } from '../shared/plainText';

/** A row the command would refuse: shown, with `refusal` said when someone takes it. */
export interface RefusableItem extends vscode.QuickPickItem {
  refusal?: string;
}

type Shown<T> = T & { original: T };

const text = (value: string | undefined) => (value === undefined ? undefined : pickerText(value));

/** Items as shown: labels, descriptions and details that cannot turn into icons. */
function shownItems<T extends vscode.QuickPickItem>(items: T[]): Shown<T>[] {
  return items.map((item) => ({ ...item, label: pickerText(item.label), description: text(item.description), detail: text(item.detail), original: item }));
}

function refusalOf(item: vscode.QuickPickItem): string | undefined {
  const refusal = (item as RefusableItem).refusal;
  return typeof refusal === 'string' ? refusal : undefined;
}

/**
 * What Enter takes: the ticked rows; with none ticked, the row under the cursor, or the one row the
 * filter leaves (a multi-select picker puts no cursor on it).
 */
function taken<T extends vscode.QuickPickItem>(picker: vscode.QuickPick<Shown<T>>): readonly Shown<T>[] {
  if (!picker.canSelectMany) return picker.activeItems.slice(0, 1);
  if (picker.selectedItems.length > 0) return picker.selectedItems;
  if (picker.activeItems.length > 0) return picker.activeItems.slice(0, 1);
  const filter = picker.value.trim().toLowerCase();
  if (!filter) return [];
  const left = picker.items.filter((item) => item.kind !== vscode.QuickPickItemKind.Separator
    && [item.label, picker.matchOnDescription ? item.description : undefined].some((t) => t?.toLowerCase().includes(filter)));
  return left.length === 1 ? left : [];
}

export function showPicker<T extends vscode.QuickPickItem>(items: T[], options: vscode.QuickPickOptions & { canPickMany: boolean }): Promise<T[] | undefined> {
  const picker = vscode.window.createQuickPick<Shown<T>>();
  picker.items = shownItems(items);
  picker.title = text(options.title);
  picker.placeholder = text(options.placeHolder);
  picker.matchOnDescription = options.matchOnDescription ?? false;
  picker.matchOnDetail = options.matchOnDetail ?? false;
  picker.canSelectMany = options.canPickMany;
  picker.ignoreFocusOut = options.ignoreFocusOut ?? true;
  return new Promise((resolve) => {
    let result: T[] | undefined;
    picker.onDidAccept(() => {
      const rows = taken(picker);
      const refused = rows.filter((row) => refusalOf(row));
      if (refused.length > 0) {
        // Nothing was sent: an information, not an error; the rows that can go stay ticked.
        void vscode.window.showInformationMessage(notificationText(refused.length === 1
          ? refusalOf(refused[0])!
          : vscode.l10n.t('{0} of the rows chosen cannot be taken; their reasons are under each. The others stay ticked.', refused.length)));
        if (picker.canSelectMany) picker.selectedItems = picker.selectedItems.filter((row) => !refusalOf(row));
        return;
      }
      if (rows.length === 0) {
        if (!picker.canSelectMany) return;
        void vscode.window.setStatusBarMessage(`$(info) ${pickerText(vscode.l10n.t('Nothing is selected: tick the rows to take (Space), then press Enter.'))}`, 4000);
        return;
      }
      result = rows.map((row) => row.original);
      picker.hide();
    });
    picker.onDidHide(() => {
      picker.dispose();
      resolve(result);
    });
    picker.show();
  });
}
