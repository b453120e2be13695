/**
 * The one error base class of footnote. `code` is stable (tests and adapters switch on it); `message`
 * is a whole diagnosis a user can act on; `cause` keeps the original error for the log.
 */
export type FootnoteErrorCode =
  | 'config_invalid'
  | 'input_rejected'
  | 'unsupported_type'
  | 'type_mismatch'
  | 'empty_document'
  | 'too_large'
  | 'extraction_failed'
  | 'fetch_failed'
  | 'fetch_timeout'
  | 'address_blocked'
  | 'not_found'
  | 'duplicate'
  | 'read_only'
  | 'quota_exceeded'
  | 'store_failed'
  | 'snapshot_invalid'
  /** A file footnote ships and needs (a word list, a language model) is missing or corrupt. */
  | 'resource_invalid';

export class FootnoteError extends Error {
  override readonly name = 'FootnoteError';
  readonly code: FootnoteErrorCode;

  constructor(code: FootnoteErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export function isFootnoteError(error: unknown): error is FootnoteError {
  return error instanceof FootnoteError;
}
