/**
 * A document of the corpus. Documents are keyed by (scope, id): a guild's moderators can never
 * overwrite or see another guild's documents, and guild documents never shadow global ones.
 */
export type Scope = 'global' | `guild:${string}`;

/**
 * Where a document came from: the shipped corpus folder, a file, or a URL. A file added from the CLI
 * carries its absolute `path`; an upload or pasted text has only a name. The path and the URL name the
 * document (re-adding them replaces it); a bare file name never does, since teams' folders are full of
 * README.md and notes.txt.
 */
export type DocumentSource =
  | { kind: 'shipped'; path: string }
  | { kind: 'file'; name: string; path?: string }
  | { kind: 'url'; url: string };

/**
 * How a document's stored text is read into passages: `markdown` (Markdown files, and HTML and DOCX,
 * which extraction turns into Markdown) is cut by section; `plain` (text files, PDFs, the shipped
 * corpus) by paragraphs, with page chrome removed.
 */
export type TextLayout = 'plain' | 'markdown';

export type DocumentMeta = {
  scope: Scope;
  id: string;
  title: string;
  source: DocumentSource;
  publisher?: string;
  author?: string;
  reference?: string;
  url?: string;
  date?: string;
  addedBy: string;
  /** ISO 8601 timestamp. */
  addedAt: string;
  /** sha256 of `text`, hex. */
  contentHash: string;
  /** Absent for `plain`, which every document stored before layouts existed is. */
  layout?: TextLayout;
};

export type CorpusDocument = DocumentMeta & { text: string };

export function guildScope(guildId: string): Scope {
  return `guild:${guildId}`;
}

/** The scopes a question asked in `guildId` may search (the guild's own documents and global ones). */
export function visibleScopes(guildId: string | undefined, includeGlobal = true): Scope[] {
  const scopes: Scope[] = [];
  if (includeGlobal || guildId === undefined) scopes.push('global');
  if (guildId !== undefined) scopes.push(guildScope(guildId));
  return scopes;
}

export function sourceLabel(source: DocumentSource): string {
  switch (source.kind) {
    case 'shipped':
      return 'shipped';
    case 'file':
      return source.name;
    case 'url':
      return source.url;
    default: {
      const unreachable: never = source;
      return unreachable;
    }
  }
}

/** The absolute path or URL that names a document, if it has one (see DocumentSource). */
export function sourceOrigin(source: DocumentSource): string | undefined {
  switch (source.kind) {
    case 'url':
      return source.url;
    case 'file':
      return source.path;
    case 'shipped':
      return undefined;
    default: {
      const unreachable: never = source;
      return unreachable;
    }
  }
}
