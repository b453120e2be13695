import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitPassages } from '../passages/split-passages.js';
import { analyze, analyzeWithOffsets } from '../search/analyze.js';
import { selectHighlight } from './select-highlight.js';

const CORPUS = join(import.meta.dirname, '..', '..', '..', 'corpus');
const passages = readdirSync(CORPUS).flatMap((file) => splitPassages(file, readFileSync(join(CORPUS, file), 'utf8')).map((p) => p.text));

describe('selectHighlight', () => {
  it('picks the same sentences from the passage analysed once as sentence by sentence', () => {
    let compared = 0;
    for (const [i, text] of passages.entries()) {
      const analyzed = analyzeWithOffsets(text);
      if (!analyzed) continue;
      const terms = [...new Set(analyze(text))];
      for (const pick of [2, 3, 5]) {
        const weights = new Map(terms.filter((_, k) => (k + i) % pick === 0).map((term, k) => [term, 1 + (k % 4)]));
        expect(selectHighlight(text, weights, analyzed)).toEqual(selectHighlight(text, weights));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(30);
  });
});
