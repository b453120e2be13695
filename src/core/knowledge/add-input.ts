import type { FootnoteError } from '../errors.js';
import type { Scope } from '../documents/document.js';

/** What a moderator or operator hands in to add a document. */
export type DocumentInput =
  | { kind: 'file'; name: string; bytes: Uint8Array; contentType?: string; path?: string }
  | { kind: 'url'; url: string }
  | { kind: 'text'; text: string };

/**
 * `id` names the document to write: an existing one is replaced, a new one created. Without it, the
 * add replaces only the document with the same URL or absolute path, and otherwise creates a new one.
 */
export type AddRequest = {
  scope: Scope;
  input: DocumentInput;
  title?: string;
  id?: string;
  /** A preferred id for a new document (a folder add's relative path), made unique if taken; never replaces. */
  suggestedId?: string;
  addedBy: string;
};

/** Who added the document an add replaced, and when: every replace says what it replaced. */
export type ReplacedDocument = { id: string; title: string; addedBy: string; addedAt: string };

type Written = { scope: Scope; id: string; title: string; passages: number; firstPassage: string };

/** `unchanged`: the document named already holds this very text and title, so nothing was written. */
export type AddResult =
  | (Written & { kind: 'added' })
  | (Written & { kind: 'replaced'; replaced: ReplacedDocument })
  | (Written & { kind: 'unchanged' });

/** Per-scope limits an operator sets; undefined means unlimited. */
export type Quota = { maxDocuments?: number; maxBytes?: number };

/** What became of one request of a batch: written (or found unchanged), or refused with the reason. */
export type AddOutcome = { kind: 'done'; result: AddResult } | { kind: 'failed'; error: FootnoteError };

/** A request read only when its turn comes (a batch of files need not all be in memory at once). */
export type PendingAdd = () => Promise<AddRequest>;
