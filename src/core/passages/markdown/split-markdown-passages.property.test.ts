import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitMarkdownPassages } from './split-markdown-passages.js';

// Generated Markdown: each block knows its content words, which must all end up in some passage.
type Generated = { markdown: string; words: string[] };

const word = fc.stringMatching(/^[a-z]{2,9}$/u);
const words = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max });
/** A sentence wrapped over lines at random places, as editors leave them. */
const wrapped = fc.tuple(words(1, 40), fc.array(fc.boolean(), { minLength: 40, maxLength: 40 })).map(([ws, breaks]) =>
  ws.map((w, i) => (i > 0 && breaks[i] ? `\n${w}` : i > 0 ? ` ${w}` : w)).join('') + '.',
);
const paragraph = fc.array(wrapped, { minLength: 1, maxLength: 6 }).map((sentences) => sentences.join(' '));

const block: fc.Arbitrary<Generated> = fc.oneof(
  paragraph.map((text) => ({ markdown: text, words: text.split(/\W+/u).filter(Boolean) })),
  words(1, 4).map((ws) => ({ markdown: `## ${ws.join(' ')}`, words: [] })),
  fc.array(words(1, 12), { minLength: 1, maxLength: 12 }).map((items) => ({
    markdown: items.map((item, i) => `${i % 3 === 2 ? '  ' : ''}- ${item.join(' ')}`).join('\n'),
    words: items.flat(),
  })),
  fc.tuple(fc.constantFrom('', 'js', 'ts'), fc.array(words(0, 4), { minLength: 1, maxLength: 30 })).map(([lang, lines]) => ({
    markdown: `\`\`\`${lang}\n${lines.map((line) => line.join(' ')).join('\n')}\n\`\`\``,
    words: lines.flat(),
  })),
  fc.array(fc.tuple(word, word), { minLength: 1, maxLength: 10 }).map((rows) => ({
    markdown: `| Key | Value |\n| --- | --- |\n${rows.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}`,
    words: rows.flat(),
  })),
  fc.tuple(fc.constantFrom('tip', 'warning', 'info'), paragraph).map(([type, text]) => ({
    markdown: `::: ${type}\n${text}\n:::`,
    words: text.split(/\W+/u).filter(Boolean),
  })),
);

const documents = fc.array(block, { minLength: 0, maxLength: 14 }).map((blocks) => ({
  markdown: blocks.map((b) => b.markdown).join('\n\n'),
  words: blocks.flatMap((b) => b.words),
}));
/** From 50: a code line of up to 4 words (39 characters) then fits in a fenced part, so no word is cut. */
const maxChars = fc.integer({ min: 50, max: 600 });

describe('splitMarkdownPassages properties', () => {
  it('keeps every passage within maxChars', () => {
    fc.assert(
      fc.property(documents, maxChars, (doc, max) => {
        for (const passage of splitMarkdownPassages('d', doc.markdown, { maxChars: max })) {
          expect(passage.text.length).toBeLessThanOrEqual(max);
        }
      }),
    );
  });

  it('gives stable, consecutive ids', () => {
    fc.assert(
      fc.property(documents, maxChars, (doc, max) => {
        const passages = splitMarkdownPassages('d', doc.markdown, { maxChars: max });
        passages.forEach((passage, index) => {
          expect(passage.ordinal).toBe(index + 1);
          expect(passage.id).toBe(`d#p${index + 1}`);
        });
        expect(splitMarkdownPassages('d', doc.markdown, { maxChars: max })).toEqual(passages);
      }),
    );
  });

  it('covers every content word of the document', () => {
    fc.assert(
      fc.property(documents, maxChars, (doc, max) => {
        const tokens = new Set(splitMarkdownPassages('d', doc.markdown, { maxChars: max }).flatMap((p) => p.text.split(/[^a-z]+/u)));
        for (const w of doc.words) expect(tokens.has(w)).toBe(true);
      }),
    );
  });

  it('cites increasing line ranges inside the document', () => {
    fc.assert(
      fc.property(documents, maxChars, (doc, max) => {
        const lineCount = doc.markdown.split('\n').length;
        let previous = { lineStart: 1, lineEnd: 1 };
        for (const passage of splitMarkdownPassages('d', doc.markdown, { maxChars: max })) {
          expect(passage.lineStart).toBeGreaterThanOrEqual(previous.lineStart);
          expect(passage.lineEnd).toBeGreaterThanOrEqual(Math.max(passage.lineStart, previous.lineEnd));
          expect(passage.lineEnd).toBeLessThanOrEqual(lineCount);
          previous = passage;
        }
      }),
    );
  });
});
