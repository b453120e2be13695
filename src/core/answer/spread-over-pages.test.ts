import { describe, expect, it } from 'vitest';
import { createEngine, type Hit } from '../engine/engine.js';
import { splitMarkdownPassages } from '../passages/markdown/split-markdown-passages.js';
import { ask } from './ask.js';
import { crowded, MAX_PER_PAGE, spreadOverPages } from './spread-over-pages.js';

const hit = (docId: string, key: number): Hit => ({ passage: { key, scope: 'global', docId, text: '', start: 0, end: 0 }, score: 1, matchedTerms: [] }) as unknown as Hit;

describe('spreadOverPages', () => {
  it('lets no page have more than MAX_PER_PAGE of the first places, keeping the order otherwise', () => {
    const [a1, a2, a3, a4, b1, c1] = [hit('a', 1), hit('a', 2), hit('a', 3), hit('a', 4), hit('b', 5), hit('c', 6)];
    expect(MAX_PER_PAGE).toBe(2);
    expect(spreadOverPages(a1, [a2, a3, a4, b1, c1], 2)).toEqual([a2, b1, a3, a4, c1]);
    expect(spreadOverPages(a1, [b1, a2, c1], 2)).toEqual([b1, a2, c1]);
    // No other page: the page's passages keep their places.
    expect(spreadOverPages(a1, [a2, a3], 2)).toEqual([a2, a3]);
  });

  it('tells three of one page from two', () => {
    expect(crowded([hit('a', 1), hit('b', 2), hit('a', 3)])).toBe(false);
    expect(crowded([hit('a', 1), hit('a', 2), hit('a', 3)])).toBe(true);
  });
});

describe('ask: results from more than one page', () => {
  const pages: Record<string, string> = {
    'watch-mode': [
      '# Watch mode',
      '## Starting watch mode\n\nRun the CLI with --watch to start watch mode: files are rebuilt when they change, and watch mode keeps running until you stop it.',
      '## Ignoring files in watch mode\n\nWatch mode skips node_modules. List other folders in watch.exclude so that watch mode does not rebuild when they change.',
      '## Watch mode on network drives\n\nOn network drives watch mode cannot be told of changes, so set watch.usePolling: watch mode then checks the files every second.',
    ].join('\n\n'),
    'cli-reference': '# CLI reference\n\nThe --watch flag starts watch mode; see the watch mode page for its options.',
    ...Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`other-${i}`, `# Page ${i}\n\nPage ${i} is about the deploy pipeline and its checks.`])),
  };
  const engine = createEngine();
  for (const [id, text] of Object.entries(pages)) {
    engine.add({ scope: 'global', id, title: id, source: { kind: 'file', name: `${id}.md` }, addedBy: 'test', addedAt: '', contentHash: '' }, splitMarkdownPassages(id, text, { maxChars: 1000 }));
  }

  it('gives the third place to another page when one page holds the three best passages', () => {
    const answer = ask(engine, 'how does watch mode work?', { scopes: ['global'] });
    expect(answer.kind).toBe('answer');
    if (answer.kind !== 'answer') return;
    expect(answer.results.map((result) => result.docId)).toEqual(['watch-mode', 'watch-mode', 'cli-reference']);
  });

  it("still shows the page's third passage when more results are asked for", () => {
    const answer = ask(engine, 'how does watch mode work?', { scopes: ['global'], top: 5 });
    expect(answer.kind).toBe('answer');
    if (answer.kind !== 'answer') return;
    expect(answer.results.map((result) => result.docId).filter((id) => id === 'watch-mode')).toHaveLength(3);
  });
});
