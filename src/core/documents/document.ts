/**
 * A document of the corpus. Documents are keyed by (scope, id): a guild's moderators can never
 * overwrite or see another guild's documents, and guild documents never shadow global ones.
 */
export type Scope = 'global' | `guild:${string}`;

/** Where a document came from: the shipped corpus folder, an uploaded/local file, or a URL. */
export type DocumentSource =
  | { kind: 'shipped'; path: string }
  | { kind: 'file'; name: string }
  | { kind: 'url'; url: string };

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

/** A readable key for a source: re-adding the same source in the same scope replaces the document. */
export function sourceKey(source: DocumentSource): string {
  return `${source.kind}:${source.kind === 'url' ? source.url : source.kind === 'file' ? source.name : source.path}`;
}
