// A log where each message stays one line: a name from Graph with a line break in it must not
// start a line that reads like one the extension wrote (a forged "[error]" or request id).
import type * as vscode from 'vscode';
import { lineText } from '../shared/plainText';

const WRITES = new Set<PropertyKey>(['trace', 'debug', 'info', 'warn', 'error', 'appendLine']);

export function oneLineLog<T extends Pick<vscode.LogOutputChannel, 'info'>>(channel: T): T {
  return new Proxy(channel, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (!WRITES.has(property)) return method.bind(target);
      return (message: unknown, ...args: unknown[]) => method.call(target, typeof message === 'string' ? lineText(message) : message, ...args);
    },
  });
}
