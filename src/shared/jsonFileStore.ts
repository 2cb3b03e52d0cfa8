// A small key-value store in one JSON file, written at once on every change: unlike the workspace's
// Memento, which a browser-hosted workbench may not have flushed when its page reloads, what is
// written here is on disk before the next event.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { KeyValueStore } from '../tenants/savedTenants';

export function jsonFileStore(file: string, warn: (message: string) => void): KeyValueStore {
  let values: Record<string, unknown> = {};
  try {
    const read: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof read === 'object' && read !== null && !Array.isArray(read)) values = read as Record<string, unknown>;
  } catch {
    // No file yet, or one that is not ours: start empty.
  }
  return {
    get: <T>(key: string) => values[key] as T | undefined,
    update: async (key: string, value: unknown) => {
      values = { ...values, [key]: value };
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, JSON.stringify(values));
      } catch (error) {
        warn(`${path.basename(file)} could not be written: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  };
}
