import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, analyzeTerm, identifierWholes, identifierWords, MAX_TERM_LENGTH, STOP_WORDS, tokenize, tokenizeWithRegex } from './analyze.js';

describe('tokenize', () => {
  it.each([
    ['splits on spaces and punctuation', 'Hello, world! (again)', ['Hello', 'world', 'again']],
    ['keeps dotted acronyms whole', 'the U.S. and U.S.A. e.g. here', ['the', 'U.S.', 'and', 'U.S.A.', 'e.g.', 'here']],
    ['keeps contractions and possessives whole', "don't O'Brien's", ["don't", "O'Brien's"]],
    ['maps typographic apostrophes to a straight one', 'It\u2019s Kvasov\u2019s', ["It's", "Kvasov's"]],
    ['drops apostrophes that are quotes', "'quoted' students' books", ['quoted', 'students', 'books']],
    ['keeps letter-digit codes whole', 'cable 09MOSCOW521 sent', ['cable', '09MOSCOW521', 'sent']],
    ['drops currency symbols, keeps amounts', '$1 billion, €2.5bn', ['1', 'billion', '2.5bn']],
    ['keeps decimals and thousands separators inside numbers', 'pi 3.14 of 1,000,000', ['pi', '3.14', 'of', '1,000,000']],
    ['does not join words across a sentence full stop', 'end.The 3.x', ['end', 'The', '3', 'x']],
    ['splits on hyphens', 'state-of-the-art COVID-19', ['state', 'of', 'the', 'art', 'COVID', '19']],
    ['splits on @, / and +', 'a@b c++ and/or', ['a', 'b', 'c', 'and', 'or']],
    ['keeps an identifier whole and adds its words', 'snake_case a@b.com', ['snake_case', 'snake', 'case', 'a', 'b.com', 'b', 'com']],
    ['adds the words of camelCase and PascalCase', 'GatewayIntentBits.MessageContent HTTPServer', ['GatewayIntentBits', 'Gateway', 'Intent', 'Bits', 'MessageContent', 'Message', 'Content', 'HTTPServer', 'HTTP', 'Server']],
    ['joins dotted names, not sentences or numbers', 'import.meta.env vite.config.ts end.The 3.x', ['import.meta.env', 'import', 'meta', 'env', 'vite.config.ts', 'vite', 'config', 'ts', 'end', 'The', '3', 'x']],
    ['keeps a code with digits whole', '09MOSCOW521 VITE_MAX_ITEMS', ['09MOSCOW521', 'VITE_MAX_ITEMS', 'VITE', 'MAX', 'ITEMS']],
    ['keeps non-Latin words whole', 'Москва — столица; नमस्ते', ['Москва', 'столица', 'नमस्ते']],
    ['emits one token per Han or kana character', '東京に住む', ['東', '京', 'に', '住', 'む']],
    ['normalises full-width forms and ligatures (NFKC)', 'ＡＢＣ１２３ ﬁle', ['ABC123', 'file']],
    ['removes soft hyphens inside words', 'infor\u00ADmation', ['information']],
    ['returns nothing for punctuation only', ' -- ... !? ', []],
  ])('%s', (_name, input, expected) => {
    expect(tokenize(input)).toEqual(expected);
  });

  it.each([
    ['acronym before a letter gives back its last pair', 'U.S.Ab', ['U.S', 'Ab']],
    ['acronym before a digit keeps no final dot', 'U.S.1 a.b.', ['U.S', '1', 'a.b.']],
    ['single letter and dot is no acronym', 'a.1 b.c', ['a', '1', 'b.c']],
    ['backtick is an apostrophe', 'don`t', ["don't"]],
    ['digit separators only between digits', '1.2.3 1.a 3,4x,5', ['1.2.3', '1', 'a', '3,4x', '5']],
  ])('reads ASCII on both paths alike: %s', (_name, input, expected) => {
    expect(tokenize(input)).toEqual(expected);
    expect(tokenizeWithRegex(input)).toEqual(expected);
  });

  it('tokenises ASCII text on its fast path exactly as on the general one', () => {
    const chars = fc.constantFrom(...'aBz09 .,\'`-_\n\tX.Y'.split(''), 'U.S.', 'e.g.', "O'", '3.14', '1,000', 'fooBar', 'HTTPServer', 'a.b_c');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }).map((parts) => parts.join('')), (text) => {
        expect(tokenize(text)).toEqual(tokenizeWithRegex(text));
      }),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 60 }), (text) => {
        expect(tokenize(text)).toEqual(tokenizeWithRegex(text));
      }),
      { numRuns: 5_000 },
    );
  });

  it('never returns an empty token or one containing whitespace', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        for (const token of tokenize(text)) {
          expect(token.length).toBeGreaterThan(0);
          expect(token).not.toMatch(/\s/u);
        }
      }),
    );
  });
});

describe('analyzeTerm', () => {
  it.each([
    ['lowercases and stems', 'Running', 'run'],
    ['stems derivations to one Porter stem', 'prosecution', 'prosecut'],
    ['removes stop words', 'The', null],
    ['removes question words', 'What', null],
    ['removes contracted stop words', "don't", null],
    ['removes contracted stop words with a typographic apostrophe', 'It\u2019s', null],
    ['strips the possessive', "Kvasov's", 'kvasov'],
    ['drops inner apostrophes', "O'Brien", 'obrien'],
    ['joins a dotted acronym and keeps it (not a stop word, not stemmed)', 'U.S.', 'us'],
    ['keeps "us" (United States) as Snowball does', 'US', 'us'],
    ['keeps modal homonyms (will, can, may) as Snowball does', 'will', 'will'],
    ['folds Latin diacritics', 'naïve', 'naiv'],
    ['does not stem tokens with digits', '09MOSCOW521', '09moscow521'],
    ['removes thousands separators', '1,000,000', '1000000'],
    ['keeps decimals', '3.14', '3.14'],
    ['takes a plural s off a word ending in a digit', 'MP3s', 'mp3'],
    ['takes a plural s off a decade', '1990s', '1990'],
    ['keeps an identifier lowercased and unstemmed', 'server.strictPort', 'server.strictport'],
    ['leaves other scripts unstemmed', 'Москва', 'москва'],
    ['rejects punctuation', '---', null],
    ['rejects overlong tokens', 'x'.repeat(MAX_TERM_LENGTH + 1), null],
  ])('%s', (_name, input, expected) => {
    expect(analyzeTerm(input)).toBe(expected);
  });
});

describe('analyze', () => {
  it.each([
    [
      'keeps only the content words of a question',
      'What did the prosecution fail to present in the Kvasov trial?',
      ['prosecut', 'fail', 'present', 'kvasov', 'trial'],
    ],
    ['maps inflections of a word to one term', 'connect connected connecting connection', ['connect', 'connect', 'connect', 'connect']],
    ['keeps an acronym that looks like a stop word', 'U.S. trade officials', ['us', 'trade', 'offici']],
    ['returns nothing for a text of stop words', 'it is what it is', []],
    ['lets everyday words meet an identifier', 'Enable the MessageContent intent', ['enabl', 'messagecont', 'messag', 'content', 'intent']],
  ])('%s', (_name, input, expected) => {
    expect(analyze(input)).toEqual(expected);
  });

  it('reads a clipped word as the word it clips, and leaves those with two readings alone', () => {
    expect(analyze('repo repos env deps config')).toEqual(analyze('repository repositories environment dependencies configuration'));
    expect(analyze('process.env')).toEqual(['process.env', 'process', ...analyze('environment')]);
    expect(analyze('app dev auth')).toEqual(['app', 'dev', 'auth']);
  });

  it('uses the 174-word Snowball English stop list, and its contractions as chat types them, without the apostrophe', () => {
    expect(STOP_WORDS.size).toBe(174 + 37);
    expect(analyze("whats the default timeout? it doesnt work and i cant tell why")).toEqual(analyze("what's the default timeout? it doesn't work and I can't tell why"));
    // Words of their own stay words.
    expect(analyze('its id was ill')).toEqual(['id', 'ill']);
  });
});

describe('identifiers in a question', () => {
  it('knows the wholes of joined and camelCase identifiers, to be judged by their words when the documents lack them', () => {
    expect([...identifierWholes('server.strictPort and VITE_MAX_ITEMS and moduleGraph')].sort()).toEqual(['modulegraph', 'server.strictport', 'vite_max_items']);
    expect([...identifierWords('VITE_MAX_ITEMS')].sort()).toEqual(['ITEMS', 'MAX', 'VITE']);
  });

  it('takes a capitalised word with capitals inside for a name, not an identifier', () => {
    expect(identifierWholes('the recommended GraphQL setup in TypeScript')).toEqual(new Set());
    expect(identifierWords('GraphQL')).toEqual(new Set());
  });
});
