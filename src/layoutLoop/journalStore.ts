// Where the runs' journals live: one file per tenant in the extension's global storage, replaced
// by each run and kept while Undo has something to take back. Lines are appended synchronously, so
// a step's "started" line is on disk before its request leaves.
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { journalLine, readJournal, type JournalEvent, type JournalHeader, type ReadJournal } from '../layout/runJournal';

export interface JournalWriter {
  append(event: JournalEvent): void;
}

export class JournalStore {
  constructor(private readonly dir: string, private readonly warn: (message: string) => void) {}

  /** A tenant key can hold any character: the file is named by its hash. */
  private file(tenantKey: string): string {
    return path.join(this.dir, `${createHash('sha256').update(tenantKey).digest('hex').slice(0, 24)}.jsonl`);
  }

  /** Starts the journal of a run (replacing the tenant's last one). Writing it never stops the run. */
  begin(header: JournalHeader): JournalWriter {
    const file = this.file(header.tenantKey);
    let broken = false;
    const write = (text: string, first: boolean) => {
      if (broken) return;
      try {
        if (first) {
          mkdirSync(this.dir, { recursive: true });
          writeFileSync(file, text);
        } else {
          appendFileSync(file, text);
        }
      } catch (error) {
        broken = true;
        this.warn(`The run's journal could not be written (${error instanceof Error ? error.message : String(error)}): a reload during this run cannot resume it.`);
      }
    };
    write(journalLine(header), true);
    return { append: (event) => write(journalLine(event), false) };
  }

  read(tenantKey: string): ReadJournal | undefined {
    let text: string;
    try {
      text = readFileSync(this.file(tenantKey), 'utf8');
    } catch {
      return undefined;
    }
    const read = readJournal(text);
    if (!read || read.header.tenantKey !== tenantKey) {
      this.warn('A run journal could not be read, and was removed.');
      this.remove(tenantKey);
      return undefined;
    }
    return read;
  }

  remove(tenantKey: string): void {
    rmSync(this.file(tenantKey), { force: true });
  }
}
