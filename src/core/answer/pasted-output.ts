import { analyze } from '../engine/engine.js';
import { MIN_MESSAGE_TERMS } from './question-coverage.js';
import { holdsRun, placesOf } from './word-runs.js';

/**
 * What a question pastes from a terminal or a browser console. People paste an error with its stack
 * trace ("at createFsWatchInstance (file:///home/me/proj/node_modules/vite/dist/node/chunks/
 * dep-CDnG8rE7.js:50470:17)"): the frames name the asker's machine and build, never what the
 * documents are about, and their line numbers and hashes, which no passage uses, weighed the most in
 * the no-match test, so a pasted ENOSPC error was "not covered" by the page about it. The error line
 * itself ("Error: ENOSPC: System limit for number of file watchers reached") is what the documents
 * may quote.
 */

/**
 * A stack frame: V8's "at fn (file:line:col)" and "at file:line:col", Python's 'File "x.py", line 3,
 * in f'. Found within a line: Discord joins the lines of a pasted trace into one.
 */
const STACK_FRAME = /\bat (?:async |new )?[^\s()]+(?: \[as [^\]]+\])? \([^()\s]*:\d+(?::\d+)?\)|\bat (?:async )?(?:file:\/\/)?[^\s()]*:\d+:\d+|\bFile "[^"]+", line \d+(?:, in [\w<>.]+)?/gu;
/** A file:// URL: a place on the asker's own disk. */
const FILE_URL = /\bfile:\/\/\S+/gu;

/** The question without its stack frames and file:// URLs; the rest, the error line included, as written. */
export function withoutTraces(question: string): string {
  return question.replace(STACK_FRAME, ' ').replace(FILE_URL, ' ');
}

/**
 * An error line as programs print it: "TypeError: Failed to fetch dynamically imported module",
 * "Error: ENOSPC: System limit …", "ERR_PNPM_OUTDATED_LOCKFILE  Cannot install with …", up to a
 * quote (a path or a value of the asker's follows), a line break or a stack frame.
 */
const ERROR_LINE = /(?:\b\p{Lu}\w*Error(?: \[[^\]]+\])?:|\bError(?: \[[^\]]+\])?:|\bERR_[A-Z0-9_]+:?|\bE[A-Z]{3,}:) [^'"`‘’“”\n]+?(?=\s+at\s|['"`‘’“”\n]|$)/gu;

/** The analysed terms of each error line the question pastes (ERROR_LINE). */
export function errorMessages(question: string): string[][] {
  return [...question.matchAll(ERROR_LINE)].map((match) => analyze(match[0])).filter((terms) => terms.length >= MIN_MESSAGE_TERMS);
}

/** An error code: ERR_PNPM_OUTDATED_LOCKFILE, or ENOSPC and EADDRINUSE before their colon. */
const ERROR_CODE = /\bERR_[A-Z0-9_]+\b|\bE[A-Z]{3,}(?=:)/gu;

/** The error codes the question names, as analysed terms ("err_pnpm_outdated_lockfile", "enospc"). */
export function errorCodes(question: string): Set<string> {
  return new Set([...question.matchAll(ERROR_CODE)].map((match) => analyze(match[0])[0]).filter((term) => term !== undefined));
}

/**
 * A message is held where this many of its terms stand in a row, as it prints them (all of them, when
 * it has fewer). Two in a row is how absentMessageTerms finds a message the documents hold at all;
 * to stand for a whole question, a passage must quote more of it.
 */
const HELD_RUN = 4;

/** Whether `text` quotes one of `messages` (lists of analysed terms): HELD_RUN of its terms in a row. */
export function holdsMessage(messages: readonly (readonly string[])[], text: string): boolean {
  return messages.length > 0 && quotesMessage(messages, analyze(text));
}

/** holdsMessage for a text already analysed (`terms`). */
export function quotesMessage(messages: readonly (readonly string[])[], terms: readonly string[]): boolean {
  if (messages.length === 0) return false;
  const places = placesOf(terms);
  return messages.some((message) => holdsRun(message, terms, places, Math.min(HELD_RUN, message.length)));
}
