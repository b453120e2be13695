import type { Scope } from '../../documents/document.js';

/**
 * The scopes of the compact index as small numbers (a slot stores its scope's id; 0 means removed),
 * with how many live passages each holds, so that "how many passages can this question see" is a sum
 * over the asked scopes rather than a pass over every document.
 */
export class ScopeRegistry {
  private readonly ids = new Map<Scope, number>();
  private readonly names: Array<Scope | undefined> = [undefined];
  private readonly live: number[] = [0];
  /** Live documents per scope id, and their headings' summed lengths: the N and average length of document-level BM25 (rank/document-scores). */
  private readonly documents: number[] = [0];
  private readonly headingLengths: number[] = [0];

  constructor(scopes: readonly Scope[] = []) {
    for (const scope of scopes) this.idOf(scope);
  }

  /** The id of `scope`, registering it if it is new. */
  idOf(scope: Scope): number {
    let id = this.ids.get(scope);
    if (id === undefined) {
      id = this.names.push(scope) - 1;
      this.ids.set(scope, id);
      this.live.push(0);
      this.documents.push(0);
      this.headingLengths.push(0);
    }
    return id;
  }

  has(id: number): boolean {
    return id > 0 && id < this.names.length;
  }

  /** Every registered scope, by id (from 1). */
  all(): Scope[] {
    return this.names.slice(1) as Scope[];
  }

  /** Counts `count` live passages into (or, negative, out of) scope `id`. */
  count(id: number, count: number): void {
    this.live[id]! += count;
  }

  /** Counts a live document into (sign 1) or out of (−1) scope `id`, with its heading's length (its first passage's title field). */
  countDocument(id: number, sign: 1 | -1, headingLength: number): void {
    this.documents[id]! += sign;
    this.headingLengths[id]! += sign * headingLength;
  }

  /** Live passages in these scopes. */
  passagesIn(scopes: readonly Scope[]): number {
    let count = 0;
    for (const scope of new Set(scopes)) {
      const id = this.ids.get(scope);
      if (id !== undefined) count += this.live[id]!;
    }
    return count;
  }

  /** Live documents in the scopes `mask` marks, and their headings' summed lengths. */
  documentsUnder(mask: Uint8Array): { documents: number; headingLengths: number } {
    let [documents, headingLengths] = [0, 0];
    for (let id = 1; id < mask.length; id++) {
      if (mask[id] !== 1) continue;
      documents += this.documents[id]!;
      headingLengths += this.headingLengths[id]!;
    }
    return { documents, headingLengths };
  }


  /** The id of the scope holding the most live passages (0 when none holds any). */
  largest(): number {
    let best = 0;
    for (let id = 1; id < this.live.length; id++) if (this.live[id]! > (this.live[best] ?? 0)) best = id;
    return best;
  }

  /** The ids `mask` marks as searched, ascending. */
  idsOf(mask: Uint8Array): number[] {
    const ids: number[] = [];
    for (let id = 1; id < mask.length; id++) if (mask[id] === 1) ids.push(id);
    return ids;
  }

  /** Per scope id, 1 if the scope is searched; id 0 (removed passages) never is. */
  mask(scopes: readonly Scope[]): Uint8Array {
    const mask = new Uint8Array(this.names.length);
    for (const scope of scopes) {
      const id = this.ids.get(scope);
      if (id !== undefined) mask[id] = 1;
    }
    return mask;
  }

  /** True when every scope holding live passages is searched under `mask`. */
  covers(mask: Uint8Array): boolean {
    for (let id = 1; id < this.live.length; id++) if (this.live[id]! > 0 && mask[id] !== 1) return false;
    return true;
  }
}
