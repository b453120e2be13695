/** What the engine indexes for each passage: its key, its title field and its text. */
export type IndexedFields = { key: number; title: string; text: string };

/**
 * What a passage's title field holds: its document's title, and the headings the passage sits under.
 * A passage without a section (plain text) is indexed exactly as before sections existed.
 */
export function headingOf(title: string, section: string | undefined): string {
  return section === undefined || section === '' ? title : `${title}\n${section}`;
}

/** The indexed fields, in field-id order (0 and 1). */
export type IndexedField = 'title' | 'text';

/** The indexed fields, in field-id order (what the snapshot manifest's options hash records). */
export const INDEXED_FIELDS: readonly IndexedField[] = ['title', 'text'];

/**
 * The string each field is analysed from. The title is also indexed as part of the text field, so a
 * passage's BM25 length normalisation and term frequencies see it like the body; the separate title
 * field only adds a small boost on top (scoring). Scoring the title as its own field only inflates its
 * IDF and double-counts it.
 */
export function fieldValue(fields: Pick<IndexedFields, 'title' | 'text'>, field: IndexedField): string {
  return field === 'text' ? `${fields.title}\n${fields.text}` : fields.title;
}
