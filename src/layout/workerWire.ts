// Big strings between the extension host and the plan worker go in pieces, one message each, with
// the sender's thread free between them: one message of 60 MB holds a thread for a tenth of a
// second or more, while a piece of half a megabyte takes about a millisecond.

/** Characters a piece. */
export const PIECE = 512 * 1024;
/** A string or list shorter than this goes in the message itself. */
const INLINE = 64 * 1024;

/** A field sent ahead in pieces: `join` puts a string back together, else it is a list of strings. */
export interface WireRef {
  $wire: number;
  join: boolean;
}

export type Post = (message: unknown) => void;

const isRef = (value: unknown): value is WireRef => typeof value === 'object' && value !== null && typeof (value as WireRef).$wire === 'number';

function piecesOf(value: string | string[]): string[] | undefined {
  if (typeof value === 'string') {
    if (value.length <= INLINE) return undefined;
    const pieces: string[] = [];
    for (let i = 0; i < value.length; i += PIECE) pieces.push(value.slice(i, i + PIECE));
    return pieces;
  }
  return value.reduce((n, s) => n + s.length, 0) > INLINE ? value : undefined;
}

/**
 * Sends the big string fields of `value` (its top level) ahead in pieces and returns it with
 * references in their place; `pause` runs between pieces.
 */
export async function sendAhead<T>(value: T, post: Post, nextRef: () => number, pause: () => Promise<void>): Promise<T> {
  if (typeof value === 'string') {
    const pieces = piecesOf(value);
    if (!pieces) return value;
    const ref = nextRef();
    for (const piece of pieces) {
      post({ piece, ref });
      await pause();
    }
    return { $wire: ref, join: true } as unknown as T;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [key, field] of Object.entries(out)) {
    const big = typeof field === 'string' || (Array.isArray(field) && field.every((s) => typeof s === 'string'));
    if (!big) continue;
    const pieces = piecesOf(field as string | string[]);
    if (!pieces) continue;
    const ref = nextRef();
    for (const piece of pieces) {
      post({ piece, ref });
      await pause();
    }
    out[key] = { $wire: ref, join: typeof field === 'string' } satisfies WireRef;
  }
  return out as T;
}

/** The receiving side: keeps pieces as they come and puts the references back. */
export class WireStore {
  private readonly pieces = new Map<number, string[]>();

  /** True when the message was a piece (and is kept). */
  take(message: unknown): boolean {
    const m = message as { piece?: unknown; ref?: unknown };
    if (typeof m?.piece !== 'string' || typeof m.ref !== 'number') return false;
    const list = this.pieces.get(m.ref) ?? [];
    list.push(m.piece);
    this.pieces.set(m.ref, list);
    return true;
  }

  private resolve(ref: WireRef): string | string[] {
    const list = this.pieces.get(ref.$wire) ?? [];
    this.pieces.delete(ref.$wire);
    return ref.join ? list.join('') : list;
  }

  /** `value` with the references of its top level replaced by what was sent ahead. */
  restore<T>(value: T): T {
    if (isRef(value)) return this.resolve(value) as unknown as T;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const [key, field] of Object.entries(out)) if (isRef(field)) out[key] = this.resolve(field);
    return out as T;
  }
}
