import type { Scope } from '../documents/document.js';

/** What a moderator or operator hands in to add a document. */
export type DocumentInput =
  | { kind: 'file'; name: string; bytes: Uint8Array; contentType?: string }
  | { kind: 'url'; url: string }
  | { kind: 'text'; text: string };

export type AddRequest = {
  scope: Scope;
  input: DocumentInput;
  title?: string;
  id?: string;
  addedBy: string;
};

export type AddResult = {
  kind: 'added' | 'replaced';
  scope: Scope;
  id: string;
  title: string;
  passages: number;
  firstPassage: string;
};

/** Per-scope limits an operator sets; undefined means unlimited. */
export type Quota = { maxDocuments?: number; maxBytes?: number };
