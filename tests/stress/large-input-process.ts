/**
 * A footnote process for the memory stress test (run with `node --max-old-space-size=1024 --import tsx`).
 * - `add <dataDir> <kind> [chars]`: adds one 9.9 MB (or `chars`-character) input of that kind (see LARGE_INPUTS) through KnowledgeBase.add,
 *   as the CLI and the bot do, and prints one JSON line: the outcome, and the peak resident memory;
 * - `open <dataDir>`: opens the knowledge base there (rebuilding its index when the snapshot is gone) and
 *   prints the documents and passages it indexed, and the peak resident memory.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KnowledgeBase } from '../../src/core/knowledge/knowledge-base.js';
import { isFootnoteError } from '../../src/core/errors.js';
import { CORPUS_DIR } from '../helpers.js';

const [command, dataDir, kind, chars] = process.argv.slice(2) as [string, string, string, string | undefined];
/** 9.9 MB by default: just under MAX_DOCUMENT_BYTES (10 MB) and maxTextChars (10 M). */
const size = Number(chars ?? 9_900_000);
const fill = (unit: string) => unit.repeat(Math.floor(size / unit.length));

/** The inputs that took 1.1-2.2 GB of the main thread when it cut them into passages. */
export const LARGE_INPUTS: Record<string, { name: string; text: () => string }> = {
  'blank-line paragraphs': { name: 'ab.txt', text: () => fill('ab\n\n') },
  'one-letter lines': { name: 'a.txt', text: () => fill('a\n') },
  'flat <p> HTML': { name: 'flat.html', text: () => `<!doctype html><html><body>${fill('<p>ab</p>\n')}</body></html>` },
  'tab-separated text': { name: 'table.txt', text: () => fill('alpha\tbeta\tgamma\t42\n') },
  /** An honest document of the same size: the shipped corpus's prose, chapter after chapter. */
  prose: { name: 'book.txt', text: () => fill(`${readdirSync(CORPUS_DIR).map((f) => readFileSync(join(CORPUS_DIR, f), 'utf8')).join('\n\n')}\n\n`) },
};

const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const kb = await KnowledgeBase.open({ corpusDir: CORPUS_DIR, dataDir });
if (command === 'add') {
  const input = LARGE_INPUTS[kind]!;
  const bytes = new TextEncoder().encode(input.text());
  try {
    const added = await kb.add({ scope: 'global', input: { kind: 'file', name: input.name, bytes }, title: kind, addedBy: 'stress' });
    process.stdout.write(`${JSON.stringify({ outcome: 'added', passages: added.passages, peakMb: peakMb() })}\n`);
  } catch (error) {
    if (!isFootnoteError(error)) throw error;
    process.stdout.write(`${JSON.stringify({ outcome: 'refused', code: error.code, message: error.message, peakMb: peakMb() })}\n`);
  }
} else {
  process.stdout.write(`${JSON.stringify({ outcome: 'opened', ...kb.stats, peakMb: peakMb() })}\n`);
}
await kb.close();
