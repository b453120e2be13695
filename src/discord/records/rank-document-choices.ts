/** A document offered for autocomplete; `key` is whatever the caller needs back (e.g. scope and id). */
export type DocumentChoice = { key: string; id: string; title: string };

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
const words = (s: string) => fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * Orders documents for an autocomplete list: titles (or ids) starting with what was typed, then titles
 * whose words start with every typed word, then documents whose content matched (`contentKeys`, best
 * first). With nothing typed, the documents in their given order. At most `limit` (Discord shows 25).
 */
export function rankDocumentChoices(
  docs: readonly DocumentChoice[],
  typed: string,
  contentKeys: readonly string[],
  limit = 25,
): DocumentChoice[] {
  const query = fold(typed).trim();
  if (query === '') return docs.slice(0, limit);
  const queryWords = words(query);
  const tiers: DocumentChoice[][] = [[], [], []];
  const placed = new Set<string>();
  for (const doc of docs) {
    const title = fold(doc.title);
    if (title.startsWith(query) || doc.id.startsWith(query)) {
      tiers[0]!.push(doc);
    } else {
      const titleWords = words(doc.title);
      if (queryWords.length > 0 && queryWords.every((q) => titleWords.some((w) => w.startsWith(q)))) tiers[1]!.push(doc);
      else continue;
    }
    placed.add(doc.key);
  }
  const byKey = new Map(docs.map((d) => [d.key, d]));
  for (const key of contentKeys) {
    const doc = byKey.get(key);
    if (doc && !placed.has(key)) {
      tiers[2]!.push(doc);
      placed.add(key);
    }
  }
  return tiers.flat().slice(0, limit);
}
