import type { TextLayout } from '../documents/document.js';
import type { FootnoteErrorCode } from '../errors.js';
import type { Passage, SplitOptions } from '../passages/split-passages.js';
import type { ExtractLimits } from './extract-limits.js';

/** A document's text to cut into passages (see splitDocument), off the main thread. */
export type SplitJob = { kind: 'split'; doc: { id: string; text: string; layout?: TextLayout }; options: SplitOptions; limits: ExtractLimits };

/** What the main thread hands the extraction worker (as workerData). */
export type ExtractJob =
  | { kind: 'pdf'; bytes: Uint8Array; limits: ExtractLimits }
  | { kind: 'docx'; bytes: Uint8Array; limits: ExtractLimits }
  | { kind: 'html'; html: string; limits: ExtractLimits }
  | SplitJob;

/** A job reading a file's bytes (not a split). */
export type ReadJob = Exclude<ExtractJob, SplitJob>;

/** The one message the worker posts back: the extracted text, or the passages of a split job. */
export type ExtractReply =
  | { ok: true; text: string; title?: string }
  | { ok: true; passages: Passage[] }
  | { ok: false; code: FootnoteErrorCode; message: string };
