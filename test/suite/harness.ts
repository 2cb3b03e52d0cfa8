// What every extension-host test needs: the activated extension, its tree, scripted prompts and the sandbox.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ConnectorGroupsExtensionApi } from '../../src/extension';
import type { Prompts } from '../../src/ui/prompts';
import { SandboxClient } from '../support/sandboxClient';

export const EXTENSION_ID = 'connector-groups.connector-groups';

export async function extensionApi(): Promise<ConnectorGroupsExtensionApi> {
  const extension = vscode.extensions.getExtension<ConnectorGroupsExtensionApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  return extension.activate();
}

export function sandboxClient(): SandboxClient {
  const url = process.env.CONNECTOR_GROUPS_SANDBOX_URL;
  const token = process.env.CONNECTOR_GROUPS_SANDBOX_TOKEN;
  assert.ok(url && token, 'the test host passes the sandbox in CONNECTOR_GROUPS_SANDBOX_URL/_TOKEN');
  return new SandboxClient(url, token);
}

/** Answers an input box with the value it offers (what a person does who presses Enter). */
export const OFFERED = '\u0000offered';

type Answer = string | undefined | boolean | ((items: readonly vscode.QuickPickItem[]) => vscode.QuickPickItem | vscode.QuickPickItem[] | undefined);

/**
 * Prompts answered from a script, in order. Input boxes run their validateInput as VS Code would: an
 * answer it refuses is recorded and treated as the user giving up.
 */
export class ScriptedPrompts implements Prompts {
  readonly asked: string[] = [];
  readonly infos: string[] = [];
  readonly statuses: string[] = [];
  readonly errors: string[] = [];
  readonly validationMessages: string[] = [];
  readonly opened: string[] = [];

  constructor(private readonly answers: Answer[]) {}

  private next(kind: string, title: string | undefined): Answer {
    this.asked.push(`${kind}: ${title ?? ''}`);
    if (this.answers.length === 0) throw new Error(`No scripted answer for ${kind} '${title}'`);
    return this.answers.shift();
  }

  async input(options: vscode.InputBoxOptions): Promise<string | undefined> {
    const scripted = this.next('input', options.title);
    if (typeof scripted !== 'string') return undefined;
    const answer = scripted === OFFERED ? options.value ?? '' : scripted;
    const message = await options.validateInput?.(answer);
    if (message) {
      this.validationMessages.push(typeof message === 'string' ? message : message.message);
      return undefined;
    }
    return answer;
  }

  /** The rows taken that the picker refused (it said why and stayed open for the next answer). */
  readonly refusedPicks: string[] = [];

  async pick<T extends vscode.QuickPickItem>(items: T[], options: vscode.QuickPickOptions): Promise<T | undefined> {
    const answer = this.next('pick', options.title);
    const picked = typeof answer === 'function' ? answer(items) as T | undefined : items.find((i) => i.label === answer);
    return picked && this.refused([picked]) ? this.pick(items, options) : picked;
  }

  async pickMany<T extends vscode.QuickPickItem>(items: T[], options: vscode.QuickPickOptions): Promise<T[] | undefined> {
    const answer = this.next('pickMany', options.title);
    const picked = typeof answer === 'function' ? answer(items) as T[] | undefined : undefined;
    return picked && this.refused(picked) ? this.pickMany(items, options) : picked;
  }

  /** As the window's picker: a row with a `refusal` cannot be taken; its reason is said, the picker stays. */
  private refused(rows: vscode.QuickPickItem[]): boolean {
    const refused = rows.filter((row) => typeof (row as { refusal?: unknown }).refusal === 'string');
    if (refused.length === 0) return false;
    this.refusedPicks.push(...refused.map((row) => row.label));
    this.info(refused.length === 1 ? (refused[0] as unknown as { refusal: string }).refusal : `${refused.length} of the rows chosen cannot be taken`);
    return true;
  }

  /** The detail text of each confirmation asked. */
  readonly confirmDetails: string[] = [];

  async confirm(message: string, detail: string, action: string): Promise<boolean> {
    const answer = this.next('confirm', message);
    this.confirmDetails.push(detail);
    return answer === true || answer === action;
  }

  // Shown messages go to the host's output too, where the runner searches them for the token.
  /** The buttons of each modal choice, the default first. */
  readonly choices: string[][] = [];
  /** `true` answers with the last action (the one that goes ahead), a string with that action. */
  async choose(message: string, _detail: string, actions: string[]): Promise<string | undefined> {
    const answer = this.next('choose', message);
    this.choices.push(actions);
    if (answer === true) return actions.at(-1);
    return typeof answer === 'string' && actions.includes(answer) ? answer : undefined;
  }

  info(message: string): void {
    this.infos.push(message);
    console.log(`[message] ${message}`);
  }

  async notify(message: string): Promise<string | undefined> {
    this.info(message);
    return undefined;
  }

  status(_icon: string, message: string): void {
    this.statuses.push(message);
    console.log(`[status] ${message}`);
  }

  /** The buttons each error message offered. */
  readonly errorActions: string[][] = [];

  async error(message: string, ...actions: string[]): Promise<string | undefined> {
    this.errors.push(message);
    this.errorActions.push(actions);
    console.log(`[error message] ${message}`);
    return undefined;
  }

  /** Each alert shown, with its severity and buttons. */
  readonly alerts: { severity: string; message: string; actions: string[] }[] = [];

  async alert(severity: 'error' | 'warning' | 'information', message: string, ...actions: string[]): Promise<string | undefined> {
    this.alerts.push({ severity, message, actions });
    console.log(`[alert ${severity}] ${message}`);
    return undefined;
  }

  async openExternal(uri: vscode.Uri): Promise<boolean> {
    this.opened.push(uri.toString(true));
    return true;
  }

  async saveAs(defaultUri: vscode.Uri): Promise<vscode.Uri | undefined> {
    const answer = this.next('saveAs', defaultUri.path.split('/').pop());
    return typeof answer === 'string' ? vscode.Uri.file(answer) : undefined;
  }

  /** Each slow-work notice: its title and the messages it showed, in order. */
  readonly slow: { title: string; messages: string[]; closed: boolean }[] = [];
  /** Set to press Cancel on a slow-work notice as soon as it shows this many messages. */
  cancelSlowWorkAfter: number | undefined;

  slowWork(title: string, onCancel: () => void): { report(message: string): void; close(): void } {
    const notice = { title, messages: [] as string[], closed: false };
    this.slow.push(notice);
    console.log(`[slow work] ${title}`);
    return {
      report: (message) => {
        notice.messages.push(message);
        if (this.cancelSlowWorkAfter !== undefined && notice.messages.length === this.cancelSlowWorkAfter) onCancel();
      },
      close: () => { notice.closed = true; },
    };
  }

  readonly codes: { message: string; userCode: string; verificationUri: string }[] = [];

  async showCode(prompt: { message: string; userCode: string; verificationUri: string }): Promise<void> {
    this.codes.push(prompt);
    console.log(`[code] ${prompt.message}`);
  }

  /** Every answer was used: the command asked exactly what the test expected. */
  assertDone(): void {
    assert.deepEqual(this.answers, [], `unused answers; asked: ${this.asked.join(' | ')}`);
  }
}

/** Answers the next prompts from a script (see ScriptedPrompts), for the command a test runs next. */
export async function script(...answers: Answer[]): Promise<ScriptedPrompts> {
  const prompts = new ScriptedPrompts(answers);
  (await extensionApi()).setPrompts(prompts);
  return prompts;
}

/** A quick-pick answer: the item with this label. */
export const pickLabel = (label: string) => (items: readonly vscode.QuickPickItem[]) => items.find((i) => i.label === label);

/** A multi-select answer: the items with these labels. */
export const pickLabels = (...labels: string[]) => (items: readonly vscode.QuickPickItem[]) => items.filter((i) => labels.includes(i.label));

/** The tree as a person would read it, after loading settled. */
export interface ShownItem {
  node: any;
  label: string;
  description: string;
  contextValue: string;
  icon: string | undefined;
}

export async function shown(api: ConnectorGroupsExtensionApi, node?: unknown): Promise<ShownItem[]> {
  const children = await api.services.tree.settledChildren(node as any);
  return children.map((child: any) => {
    const item = child.treeItem() as vscode.TreeItem;
    return {
      node: child,
      label: typeof item.label === 'string' ? item.label : item.label?.label ?? '',
      description: typeof item.description === 'string' ? item.description : '',
      contextValue: item.contextValue ?? '',
      icon: item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined,
    };
  });
}

export async function sandboxTenantNode(api: ConnectorGroupsExtensionApi): Promise<any> {
  await vscode.commands.executeCommand('connectorGroups.openSandboxTenant');
  const node = api.services.tree.tenantNode('sandbox');
  assert.ok(node, 'the sandbox tenant is in the tree');
  return node;
}

/** The group row with this name under the sandbox tenant. */
export async function groupItem(api: ConnectorGroupsExtensionApi, name: string): Promise<ShownItem> {
  const items = await shown(api, await sandboxTenantNode(api));
  const item = items.find((i) => i.label === name);
  assert.ok(item, `group '${name}' is shown; shown: ${items.map((i) => i.label).join(', ')}`);
  return item;
}

/**
 * Resets the sandbox to the demo tenant and reopens the tenant, between tests. Reopening (not only
 * refreshing) forgets the extension's own recent writes, which would otherwise win over the reset.
 */
export async function freshStart(api: ConnectorGroupsExtensionApi, sandbox: SandboxClient): Promise<void> {
  await sandbox.reset();
  api.setPrompts(undefined);
  await vscode.commands.executeCommand('connectorGroups.removeTenant', await sandboxTenantNode(api));
  await sandboxTenantNode(api);
}

/** The labels of the open webview tabs of one view type, in every editor group. */
export function webviewTabs(viewType: string): string[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(viewType))
    .map((tab) => tab.label);
}

/** Tabs reach the extension host a moment after the panel is created: waits for them to settle. */
export async function webviewTabsUntil(viewType: string, predicate: (labels: string[]) => boolean): Promise<string[]> {
  for (let waited = 0; waited < 10_000 && !predicate(webviewTabs(viewType)); waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return webviewTabs(viewType).sort();
}
