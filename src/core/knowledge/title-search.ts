import MiniSearch from 'minisearch';
import type { DocumentMeta, Scope } from '../documents/document.js';

/** A document a title search found: where it is, what it is called, and how well it matched (higher first). */
export type FoundDocument = { scope: Scope; id: string; title: string; score: number };

type Entry = { key: string; scope: Scope; id: string; title: string };

/** Lower case without accents, so "econ" finds "Économie". */
function fold(term: string): string {
  return term
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * Fuzzy, prefix-matching search over document titles and ids (minisearch), for pickers: what someone
 * types while choosing a document (Discord's autocomplete, `footnote docs find`). Titles weigh more
 * than ids. Passages are ranked by the engine; this is only about finding a document by its name.
 */
export class TitleSearch {
  private readonly entries = new Map<string, Entry>();
  private readonly index = new MiniSearch<Entry>({
    idField: 'key',
    fields: ['title', 'id'],
    storeFields: [],
    processTerm: (term) => fold(term) || null,
  });

  /** Indexes a document, replacing what was indexed for the same (scope, id). */
  add(meta: Pick<DocumentMeta, 'scope' | 'id' | 'title'>): void {
    const key = `${meta.scope}\u0000${meta.id}`;
    if (this.entries.has(key)) this.index.discard(key);
    const entry = { key, scope: meta.scope, id: meta.id, title: meta.title };
    this.entries.set(key, entry);
    this.index.add(entry);
  }

  remove(scope: Scope, id: string): void {
    const key = `${scope}\u0000${id}`;
    if (!this.entries.delete(key)) return;
    this.index.discard(key);
  }

  /**
   * The documents of `scopes` whose title or id words start like the typed words, or nearly (edit
   * distance up to a fifth of a word), best first (ties: title, then id), at most `limit`.
   */
  find(query: string, scopes: readonly Scope[], limit: number): FoundDocument[] {
    const allowed = new Set(scopes);
    const results = this.index.search(query, {
      prefix: true,
      fuzzy: 0.2,
      boost: { title: 2, id: 1 },
      filter: (result) => {
        const entry = this.entries.get(result.id as string);
        return entry !== undefined && allowed.has(entry.scope);
      },
    });
    const found: FoundDocument[] = [];
    for (const result of results) {
      const entry = this.entries.get(result.id as string);
      if (entry) found.push({ scope: entry.scope, id: entry.id, title: entry.title, score: result.score });
    }
    return found.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title) || a.id.localeCompare(b.id)).slice(0, limit);
  }
}
