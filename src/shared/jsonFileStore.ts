// A small key-value store in one JSON file, written at once on every change: unlike the workspace's
// Memento, which a browser-hosted workbench may not have flushed when its page reloads, what is
// written here is on disk before the next event.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
/** The part of a Memento it stands in for. */
export interface FileStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Promise<void>;
}

export function jsonFileStore(file: string, warn: (message: string) => void): FileStore {
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
