import type { FootnoteErrorCode } from '../errors.js';
import type { ExtractLimits } from './extract-limits.js';

/** What the main thread hands the extraction worker (as workerData). */
export type ExtractJob =
  | { kind: 'pdf'; bytes: Uint8Array; limits: ExtractLimits }
  | { kind: 'docx'; bytes: Uint8Array; limits: ExtractLimits }
  | { kind: 'html'; html: string; limits: ExtractLimits };

/** The one message the worker posts back. */
export type ExtractReply =
  | { ok: true; text: string; title?: string }
  | { ok: false; code: FootnoteErrorCode; message: string };
