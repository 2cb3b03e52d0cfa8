// The tenants' history: before every Apply, Resume and Undo the tenant's layout is saved (with prune
// on, so restoring it makes the tenant exactly that), in the extension's storage. Bounded per tenant
// in number and in bytes, the oldest going first; a snapshot too large to keep is said in the log.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { LAYOUT_SUFFIX } from '../layout/layoutFile';

export interface Snapshot {
  /** The snapshot's file (a layout file). */
  file: string;
  takenAt: string;
  /** The command it was taken before ("Apply Plan", "Undo", …) and the layout file it ran. */
  before: string;
  layoutFile: string;
  groups: number;
  bytes: number;
}

export const HISTORY_LIMITS = { snapshots: 20, bytes: 200 * 1024 * 1024, snapshotBytes: 50 * 1024 * 1024 };

export class HistoryStore {
  constructor(private readonly dir: string, private readonly warn: (message: string) => void, private readonly limits = HISTORY_LIMITS) {}

  private folder(tenantKey: string): string {
    return path.join(this.dir, createHash('sha256').update(tenantKey).digest('hex').slice(0, 24));
  }

  list(tenantKey: string): Snapshot[] {
    try {
      const index: unknown = JSON.parse(readFileSync(path.join(this.folder(tenantKey), 'index.json'), 'utf8'));
      return Array.isArray(index) ? index.filter(isSnapshot) : [];
    } catch {
      return [];
    }
  }

  /** Saves a snapshot (the layout's text); never stops the command it is taken for. */
  save(tenantKey: string, text: string, about: Omit<Snapshot, 'file' | 'takenAt' | 'bytes'>): Snapshot | undefined {
    const bytes = Buffer.byteLength(text);
    if (bytes > this.limits.snapshotBytes) {
      this.warn(`The tenant's layout (${Math.round(bytes / 1024 / 1024)} MB) is larger than a history snapshot may be; none was taken before ${about.before}.`);
      return undefined;
    }
    const folder = this.folder(tenantKey);
    const takenAt = new Date().toISOString();
    const snapshot: Snapshot = { ...about, takenAt, bytes, file: path.join(folder, `${takenAt.replace(/[:.]/g, '-')}${LAYOUT_SUFFIX}`) };
    try {
      mkdirSync(folder, { recursive: true });
      writeFileSync(snapshot.file, text);
      // Newest first; the oldest go while there are too many or they take too much room.
      const kept = [snapshot, ...this.list(tenantKey).filter((s) => s.file !== snapshot.file)];
      let total = 0;
      const keep = kept.filter((s, i) => (total += s.bytes) <= this.limits.bytes && i < this.limits.snapshots);
      for (const gone of kept.filter((s) => !keep.includes(s))) rmSync(gone.file, { force: true });
      writeFileSync(path.join(folder, 'index.json'), JSON.stringify(keep, null, 1));
      return snapshot;
    } catch (error) {
      this.warn(`No history snapshot was taken before ${about.before}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  /** Forgets a tenant's history (the tenant was removed from the view). */
  remove(tenantKey: string): void {
    rmSync(this.folder(tenantKey), { recursive: true, force: true });
  }

  /** Whether a snapshot's file is still there (the storage may have been cleaned). */
  exists(snapshot: Snapshot): boolean {
    try {
      return statSync(snapshot.file).isFile();
    } catch {
      return false;
    }
  }
}

function isSnapshot(value: unknown): value is Snapshot {
  const s = value as Partial<Snapshot> | null;
  return typeof s === 'object' && s !== null && typeof s.file === 'string' && typeof s.takenAt === 'string' && typeof s.before === 'string'
    && typeof s.layoutFile === 'string' && typeof s.groups === 'number' && typeof s.bytes === 'number';
}
