import { describe, expect, it } from 'vitest';
import { everydayWords } from './everyday-words.js';
import { MIN_COVERAGE } from './ask.js';
import { analyze } from '../engine/engine.js';
import { absentMessageTerms, coverageOf, coverageWeights, partsOfUsedWholes, quotedMessages, statedTerms, PHRASING_SHARE, versionedNames } from './question-coverage.js';

const idf = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('coverageWeights', () => {
  const everyday = everydayWords();

  it('weighs an ordinary word the corpus never uses like a typical word of the question', () => {
    const { weights } = coverageWeights('who wrote the leave policy', idf({ write: 6, leav: 2, polici: 3 }), idf({ leav: 10, polici: 5 }), everyday);
    expect(weights.get('write')).toBe(2);
  });

  it('keeps the full weight of a name the corpus never uses', () => {
    const { weights } = coverageWeights('leave policy for Jira', idf({ jira: 6, leav: 2, polici: 3 }), idf({ leav: 10, polici: 5 }), everyday);
    expect(weights.get('jira')).toBe(6);
  });

  it('weighs an ordinary word of how the question is asked below a typical word, and a name it never uses in full', () => {
    const question = 'how do I make pnpm go through a SOCKS5 proxy at work';
    const weights = idf({ make: 3, go: 3, socks5: 8, proxi: 3, work: 2, pnpm: 0.2 });
    const seen = idf({ make: 40, go: 30, proxi: 5, work: 60, pnpm: 900 });
    const plain = coverageWeights(question, weights, seen, everyday).weights;
    const phrased = coverageWeights(question, weights, seen, everyday, [], new Set(['make', 'go'])).weights;
    expect(phrased.get('make')).toBeCloseTo(plain.get('make')! * PHRASING_SHARE);
    expect(phrased.get('socks5')).toBe(8);
    // A passage saying how to make pnpm work and go no longer covers a question about a SOCKS5 proxy.
    const stated = new Set(['make', 'go', 'work', 'pnpm']);
    expect(coverageOf(stated, plain)).toBeGreaterThanOrEqual(MIN_COVERAGE);
    expect(coverageOf(stated, phrased)).toBeLessThan(MIN_COVERAGE);
  });

  it('reads the words of an identifier as words, whatever their capitals', () => {
    const { weights } = coverageWeights('VITE_MAX_ITEMS is ignored', idf({ vite_max_item: 9, vite: 1, max: 4, item: 6, ignor: 3 }), idf({ vite: 10, max: 5, ignor: 5 }), everyday);
    expect(weights.get('item')).toBe(3);
    // Written as a name, the same capitals keep the word's full weight.
    const { weights: named } = coverageWeights('ITEMS is ignored', idf({ item: 6, ignor: 3 }), idf({ ignor: 5 }), everyday);
    expect(named.get('item')).toBe(6);
  });
});

describe('partsOfUsedWholes', () => {
  const all = () => true;

  it('are the words of a name or identifier written as one word, whose whole the documents use', () => {
    expect([...partsOfUsedWholes('can pnpm audit upload results to GitHub code scanning?', all)].sort()).toEqual(['git', 'hub']);
    expect([...partsOfUsedWholes('how many attempts does `basicAuth` allow?', all)].sort()).toEqual(['auth', 'basic']);
    expect([...partsOfUsedWholes('is server.strictPort true?', all)].sort()).toEqual(analyze('server.strictPort').slice(1).sort());
  });

  it('leave out a whole the documents do not use, and a word the question also writes on its own', () => {
    expect(partsOfUsedWholes('upload to GitHub', (term) => term !== 'github').size).toBe(0);
    expect([...partsOfUsedWholes('GitHub or plain git?', all)]).toEqual(['hub']);
  });

  it('are none for words a hyphen or a slash only splits', () => {
    expect(partsOfUsedWholes('send an e-mail about @types/react', all).size).toBe(0);
  });
});

describe('statedTerms', () => {
  const question = coverageWeights('pip install error', idf({ pip: 5, instal: 2, error: 2 }), idf({ pip: 1, instal: 5, error: 5 }), everydayWords());

  it('ignores words in URLs', () => {
    const text = 'See https://example.com/pip/install for the error.';
    expect([...statedTerms(text, undefined, question)].sort()).toEqual(['error']);
  });

  it('counts the headings the passage sits under', () => {
    expect(statedTerms('Run it again.', 'Install › Pip', question).has('pip')).toBe(true);
  });

  it('measures the share of the question weight a passage states', () => {
    expect(coverageOf(new Set(['error']), question.weights)).toBeCloseTo(2 / 6);
  });
});

describe('quoted messages', () => {
  it('reads messages in quotes or backticks, not apostrophes, paths or short quotes', () => {
    const question = "We're stuck and I'll paste it: pip install fails with 'error: externally-managed-environment' from `file:///C:/proj/x.js` and 'null'";
    expect(quotedMessages(question)).toEqual([analyze('error: externally-managed-environment')]);
    expect(quotedMessages('the server says "Server responded with status code 431" now')).toEqual([analyze('Server responded with status code 431')]);
  });

  it('counts a message as absent only when no passage holds two of its words together', () => {
    const question = "pip install fails with 'error: externally-managed-environment'";
    const messages = quotedMessages(question);
    const scattered = ['An error is shown when a request fails.', 'The environment is managed externally by the host.'];
    expect([...absentMessageTerms(question, messages, scattered)].sort()).toEqual(['environ', 'error', 'extern', 'manag']);
    const held = ['Python reports error: externally-managed-environment when the system owns its packages.'];
    expect(absentMessageTerms(question, messages, held).size).toBe(0);
  });

  it('keeps a term the asker also uses outside the quotes', () => {
    const question = "the build fails with 'build error: missing manifest entry' in CI";
    expect(absentMessageTerms(question, quotedMessages(question), ['Nothing relevant here.']).has('build')).toBe(false);
  });
});

describe('versioned names', () => {
  it('reads a name with its version glued on, not paths, file names or a number before a word', () => {
    expect(versionedNames('Does it speak HTTP/3, UTF-8 or SHA-256?')).toEqual([analyze('HTTP/3'), analyze('UTF-8'), analyze('SHA-256')]);
    expect(versionedNames('see src/2/app and ./page-1.js for the 4-day week')).toEqual([]);
  });

  it('counts a version as absent where the documents write the name with another number', () => {
    const question = 'How do I enable HTTP/3?';
    expect(absentMessageTerms(question, versionedNames(question), ['HTTP/2 is enabled with TLS.', 'It waits 3 seconds.']).size).toBeGreaterThan(0);
    expect(absentMessageTerms(question, versionedNames(question), ['Enable HTTP/3 with the quic flag.']).size).toBe(0);
  });
});
