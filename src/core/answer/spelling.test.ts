import { describe, expect, it } from 'vitest';
import { analyze } from '../engine/engine.js';
import { everydayWords } from './everyday-words.js';
import { correctSpelling } from './spelling.js';

/** Passages that use these words, each as often as given. */
function passagesWith(uses: Record<string, number>): (terms: readonly string[]) => number[] {
  const byTerm = new Map(Object.entries(uses).map(([word, count]) => [analyze(word)[0]!, count]));
  return (terms) => terms.map((term) => byTerm.get(term) ?? 0);
}

const lexicon = everydayWords();
const docs = passagesWith({ global: 40, install: 90, dependencies: 60, update: 30, vacation: 12, demo: 8, registry: 15, middleware: 20, vocation: 1, environment: 25, compare: 9 });
const read = (question: string) => correctSpelling(question, lexicon, docs);

describe('correctSpelling', () => {
  it('reads a word no passage uses and the dictionary lacks as the used word one edit away', () => {
    expect(read('how do I install pnpm globaly?')).toEqual({ text: 'how do I install pnpm globally?', corrections: [{ typed: 'globaly', read: 'globally' }] });
    expect(read('how to updte all dependencies?').text).toBe('how to update all dependencies?');
    expect(read('where is the gloabl store?').text).toBe('where is the global store?');
    // Porter already reads "dependancies" as depend, the stem of dependencies: no typo to correct.
    expect(read('dependancies').corrections).toEqual([]);
    expect(read('private registery').text).toBe('private registry');
  });

  it('takes the neighbour the most passages use', () => {
    // "vacaton" is one edit from both vacation (12 passages) and vocation (1).
    expect(read('how many vacaton days?').text).toBe('how many vacation days?');
  });

  it('reads a word the dictionary writes, and says any reading as the dictionary writes it', () => {
    // "environent" (one letter from "enviroment" too) shares environment's stem; "environment" is the word.
    expect(read('enviroment variables not loading').corrections).toEqual([{ typed: 'enviroment', read: 'environment' }]);
    // No word is one edit from "compair": "compar" is, and is read as compare, its stem's word.
    expect(read('how do I compair two versions?')).toEqual({ text: 'how do I compare two versions?', corrections: [{ typed: 'compair', read: 'compare' }] });
  });

  it('accepts a compound of two words as the reading ("middleware")', () => {
    expect(read('how to add midleware').text).toBe('how to add middleware');
  });

  it('leaves names, identifiers, short words and dictionary words as typed', () => {
    for (const question of ['is there a Globaly plugin?', 'set globaly_mode', 'use socks5 proxy', 'deploy to deno', 'the store is used globally', 'a path like src/globaly.ts']) {
      expect(read(question)).toEqual({ text: question, corrections: [] });
    }
  });

  it('leaves a word with no used neighbour, such as a name the documents lack', () => {
    expect(read('can pnpm audit output sarif?').corrections).toEqual([]);
  });

  it('leaves a question with more unknown words than typos come in', () => {
    const question = 'globaly updte dependancies registery vacaton';
    expect(read(question)).toEqual({ text: question, corrections: [] });
  });
});
