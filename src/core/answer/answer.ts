import type { Scope } from '../documents/document.js';

/** One cited passage of an answer. `highlight` is a verbatim slice of `text` at `highlightStart`. */
export type Citation = {
  rank: number;
  score: number;
  scope: Scope;
  docId: string;
  passageId: string;
  title: string;
  /** Human-readable place in the document, e.g. "paragraph 4, lines 12–18", "page 4, lines 80–86". */
  location: string;
  /** The headings the passage sits under ("Slash commands › Deferred responses"), for Markdown documents. */
  section?: string;
  paragraphStart: number;
  paragraphEnd: number;
  lineStart: number;
  lineEnd: number;
  text: string;
  highlight: string;
  highlightStart: number;
  url?: string;
  publisher?: string;
  date?: string;
  reference?: string;
};

/** A document that matched some of the question, offered as "possibly related". */
export type RelatedDocument = { scope: Scope; docId: string; title: string; url?: string };

export type RejectionReason = 'empty' | 'too_long' | 'no_terms';

/** A word of the question read as another: a typo, and the word it was taken for (spelling). */
export type ReadAs = { typed: string; read: string };

/** What `ask` returns: a union on `kind`, rendered alike by the CLI and the bot. */
export type Answer =
  | {
      kind: 'answer';
      query: string;
      /** The question's typos and how they were read, when it had any: the reply says so. */
      readAs?: ReadAs[];
      results: Citation[];
      related: RelatedDocument[];
      /** How many passages and documents hold any of the question's own words (the feedback terms aside). */
      matched: { passages: number; documents: number };
      tookMs: number;
    }
  | { kind: 'no-match'; query: string; readAs?: ReadAs[]; related: RelatedDocument[]; tookMs: number }
  | { kind: 'rejected'; query: string; reason: RejectionReason; message: string };
