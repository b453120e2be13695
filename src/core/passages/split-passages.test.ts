import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectBoilerplate } from './detect-boilerplate.js';
import { isRuleLine, splitLines } from './group-lines.js';
import { splitPassages, type Passage } from './split-passages.js';

// ---------------------------------------------------------------------------------------------------
// Generated documents. Content words avoid the chrome lexicon on purpose ("share", "browse", …), so
// that a generated sentence can never legitimately look like a widget; chrome is injected separately
// as a page header and footer, the way scrapers leave it.
// ---------------------------------------------------------------------------------------------------

const CHROME_WORDS = new Set(
  'share pin print bookmark follow tweet email donate please faq faqs logo cookies click subscribe sign log skip jump back toggle terms privacy related recommended latest trending more read continue comment comments leave post add page pages what you ir go switch also available disponible advertisement advertising sponsored ads ad promoted menu home search close dismiss accept next previous prev dont copyright reserved site browse register login logout help'.split(
    ' ',
  ),
);

const SAFE_WORDS = [
  'river', 'copper', 'market', 'seven', 'quietly', 'naïve', 'café', 'Москва', '東京', 'straße', 'résumé',
  'U.S.', '$1.5', 'e.g.', "don't", 'co-op', 'allofmp3.com', '15%', '(WTO)', '“quoted”', 'Mr.', 'No.', '2008',
];

const lowerWord = fc.stringMatching(/^[a-z]{2,10}$/).filter((w) => !CHROME_WORDS.has(w));
const unicodeWord = fc
  .string({ unit: 'grapheme', minLength: 2, maxLength: 6 })
  .filter((w) => /^[\p{L}\p{M}\p{N}]+$/u.test(w) && [...w].length >= 2 && !CHROME_WORDS.has(w.toLowerCase()));
const word = fc.oneof(
  { weight: 5, arbitrary: lowerWord },
  { weight: 3, arbitrary: fc.constantFrom(...SAFE_WORDS) },
  { weight: 1, arbitrary: unicodeWord },
);
const longToken = fc.integer({ min: 1001, max: 2500 }).map((n) => 'x'.repeat(n));

/**
 * Starts a sentence with a capital, as real sentences do ("“quoted” …" → "“Quoted” …"); letters without
 * an upper case ("𝐚") get a capitalised word in front, so the generator never produces the one shape
 * the splitter reads as a wrapped line (an unpunctuated line followed by a lowercase start).
 */
const capitalise = (w: string): string => {
  const capital = w.replace(/\p{L}/u, (letter) => letter.toUpperCase());
  return /^[^\p{L}]*\p{Ll}/u.test(capital) ? `So ${capital}` : capital;
};

const sentence = (withLongTokens: boolean, minWords: number) =>
  fc
    .tuple(
      fc.array(withLongTokens ? fc.oneof({ weight: 30, arbitrary: word }, { weight: 1, arbitrary: longToken }) : word, {
        minLength: minWords,
        maxLength: 25,
      }),
      fc.constantFrom('.', '.', '.', '!', '?', '."'),
    )
    .map(([words, end]) => capitalise(words.join(' ')) + end);

const paragraph = (withLongTokens: boolean, minSentences: number, minWords: number) =>
  fc.array(sentence(withLongTokens, minWords), { minLength: minSentences, maxLength: 6 }).map((s) => s.join(' '));

const heading = fc.array(fc.constantFrom('river', 'copper', 'market', 'status', 'warning', 'trends'), { minLength: 1, maxLength: 4 }).map((w) => capitalise(w.join(' ')));

const CHROME_LINES = [
  'Share This', 'Share This Post On', 'Pin It on Pinterest', 'Bookmark with:', "Don't show this again",
  'Ir a español', 'Browse by tag', 'A B C D E F G H I J K L M N O P Q R S T U V W X Y Z', 'Skip to main content',
  'Keep Us Strong WikiLeaks logo', 'Follow us on Twitter', 'Advertisement',
];
const chrome = fc.array(fc.constantFrom(...CHROME_LINES), { maxLength: 4 });

type Layout = 'blank-separated' | 'one-per-line' | 'hard-wrapped';

interface Doc {
  text: string;
  /** The content the splitter must keep, as tokens in order. */
  contentTokens: string[];
  /** Canonical text (single spaces) of each content paragraph. */
  paragraphs: string[];
}

/** Greedy wrap at `width` columns, like an editor or a cable system would. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const token of text.split(' ')) {
    if (line && line.length + 1 + token.length > width) {
      lines.push(line);
      line = token;
    } else line = line ? `${line} ${token}` : token;
  }
  if (line) lines.push(line);
  return lines;
}

function render(
  header: string[],
  blocks: Array<{ heading?: string; body: string }>,
  footer: string[],
  layout: Layout,
  width: number,
  eol: string,
  rules: boolean,
): Doc {
  const lines: string[] = [];
  const paragraphs: string[] = [];
  for (const line of header) lines.push(line, '');
  for (const { heading: title, body } of blocks) {
    if (title) {
      if (rules) lines.push('-'.repeat(title.length));
      lines.push(title);
      if (rules) lines.push('-'.repeat(title.length));
      if (layout !== 'one-per-line') lines.push('');
      paragraphs.push(title);
    }
    if (layout === 'hard-wrapped') lines.push(...wrap(body, width).map((l) => `${l} `), ' ');
    else lines.push(body, ...(layout === 'blank-separated' ? [''] : []));
    paragraphs.push(body);
  }
  for (const line of footer) lines.push('', line);
  return { text: lines.join(eol), contentTokens: paragraphs.join(' ').split(' '), paragraphs };
}

const doc = (options: { withLongTokens: boolean; layouts: Layout[]; minSentences?: number; minWords?: number; minBlocks?: number }) =>
  fc
    .record({
      header: chrome,
      blocks: fc.array(
        fc.record({
          heading: fc.option(heading, { nil: undefined }),
          body: paragraph(options.withLongTokens, options.minSentences ?? 1, options.minWords ?? 3),
        }),
        { minLength: options.minBlocks ?? 1, maxLength: 12 },
      ),
      footer: chrome,
      layout: fc.constantFrom(...options.layouts),
      width: fc.integer({ min: 40, max: 90 }),
      eol: fc.constantFrom('\n', '\r\n'),
      rules: fc.boolean(),
    })
    .map(({ header, blocks, footer, layout, width, eol, rules }) => render(header, blocks, footer, layout, width, eol, rules));

const ALL_LAYOUTS: Layout[] = ['blank-separated', 'one-per-line', 'hard-wrapped'];
const maxChars = fc.integer({ min: 20, max: 1500 });

const tokensOf = (text: string): string[] => text.split(/\s+/u).filter(Boolean);

/** Is `needle` an ordered subsequence of `haystack`? */
function isSubsequence(needle: string[], haystack: string[]): boolean {
  let i = 0;
  for (const token of haystack) if (token === needle[i]) i++;
  return i === needle.length;
}

function checkInvariants(text: string, passages: Passage[], max: number, docId: string): void {
  const lines = splitLines(text);
  passages.forEach((passage, index) => {
    // ids: stable, unique, ordered
    expect(passage.ordinal).toBe(index + 1);
    expect(passage.id).toBe(`${docId}#p${index + 1}`);
    expect(passage.docId).toBe(docId);
    // bounded, unless it is one token that cannot be cut
    if (passage.text.length > max) expect(passage.text).not.toMatch(/\s/u);
    // normalised: single spaces inside paragraphs, a blank line between paragraphs
    expect(passage.text).toMatch(/^\S+(?:(?: |\n\n)\S+)*$/u);
    // citations inside the text and increasing
    expect(passage.lineStart).toBeGreaterThanOrEqual(1);
    expect(passage.lineEnd).toBeGreaterThanOrEqual(passage.lineStart);
    expect(passage.lineEnd).toBeLessThanOrEqual(lines.length);
    expect(passage.paragraphEnd).toBeGreaterThanOrEqual(passage.paragraphStart);
    const previous = passages[index - 1];
    if (previous) {
      expect(passage.lineStart).toBeGreaterThanOrEqual(previous.lineEnd);
      expect(passage.paragraphStart).toBeGreaterThanOrEqual(previous.paragraphEnd);
    }
    // every word quoted is in the cited lines, in order, starting and ending on the cited lines
    const words = tokensOf(passage.text);
    const cited = lines.slice(passage.lineStart - 1, passage.lineEnd);
    expect(isSubsequence(words, tokensOf(cited.join('\n')))).toBe(true);
    expect(tokensOf(cited[0] ?? '')).toContain(words[0]);
    expect(tokensOf(cited[cited.length - 1] ?? '')).toContain(words[words.length - 1]);
  });
  // coverage: the passages are exactly the kept, non-decorative lines, word for word, in order
  const report = detectBoilerplate(text);
  const kept = report.lines.filter((line, i) => report.keep[i] && !isRuleLine(line));
  expect(passages.flatMap((p) => tokensOf(p.text))).toEqual(tokensOf(kept.join('\n')));
}

describe('splitPassages (properties)', () => {
  it('covers every content word in order, drops only the chrome, respects the bound and cites correctly', () => {
    fc.assert(
      fc.property(doc({ withLongTokens: true, layouts: ALL_LAYOUTS }), maxChars, (d, max) => {
        const passages = splitPassages('doc-1', d.text, { maxChars: max });
        checkInvariants(d.text, passages, max, 'doc-1');
        expect(passages.flatMap((p) => tokensOf(p.text))).toEqual(d.contentTokens);
        const all = passages.map((p) => p.text).join('\n');
        for (const line of CHROME_LINES) expect(all).not.toContain(line);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same text gives the same passages and ids', () => {
    fc.assert(
      fc.property(doc({ withLongTokens: false, layouts: ALL_LAYOUTS }), maxChars, (d, max) => {
        expect(splitPassages('x', d.text, { maxChars: max })).toEqual(splitPassages('x', d.text, { maxChars: max }));
      }),
      { numRuns: 50 },
    );
  });

  it('never cuts a paragraph that fits, and joins hard-wrapped lines back into paragraphs', () => {
    // Long paragraphs so a wrapped document shows its wrap width: a 2-line text is genuinely ambiguous
    // ("…end. Next" could be two one-line paragraphs), and caseless scripts give no lowercase hint.
    fc.assert(
      fc.property(doc({ withLongTokens: false, layouts: ALL_LAYOUTS, minSentences: 4, minWords: 10, minBlocks: 2 }), (d) => {
        const longest = Math.max(...d.paragraphs.map((p) => p.length));
        const passages = splitPassages('d', d.text, { maxChars: 2 * longest + 250 });
        const chunks = passages.flatMap((p) => p.text.split('\n\n'));
        for (const paragraph of d.paragraphs) expect(chunks).toContain(paragraph);
      }),
      { numRuns: 150 },
    );
  });

  it('holds the invariants on arbitrary unicode text, whatever its structure', () => {
    const noise = fc.string({ unit: 'grapheme', maxLength: 400 });
    const eols = fc.array(fc.tuple(noise, fc.constantFrom('\n', '\r\n', '\r', '\n\n', ' ')), { maxLength: 20 }).map((parts) =>
      parts.map(([t, e]) => t + e).join(''),
    );
    fc.assert(
      fc.property(eols, maxChars, (text, max) => {
        checkInvariants(text, splitPassages('u', text, { maxChars: max }), max, 'u');
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// Hostile text. A regular expression that backtracks turns a long run of one character into quadratic
// time (100 KB of "a!!!…!b" took 20 to 30 s). Instead of a wall-clock limit, each case compares the time
// for n and 8n characters: linear work takes ~8×, quadratic ~64×; the bound (30×, plus 100 ms for timer
// noise and garbage collection on a busy machine) sits between them.
// ---------------------------------------------------------------------------------------------------

const SMALL = 5_000;

/** The fastest of `runs` splits of `text`, in milliseconds. */
function splitMs(text: string, runs: number): number {
  let best = Infinity;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    splitPassages('hostile', text);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

function expectLinear(make: (n: number) => string): void {
  const small = splitMs(make(SMALL), 3);
  const large = splitMs(make(8 * SMALL), 2);
  expect(large, `${small.toFixed(1)} ms for ${SMALL} characters, ${large.toFixed(1)} ms for ${8 * SMALL}`).toBeLessThan(30 * small + 100);
}

const HOSTILE: Array<[string, (n: number) => string]> = [
  ['closing brackets', (n) => ')'.repeat(n)],
  ['closing brackets glued to a word, after a sentence', (n) => `It ended. ${')'.repeat(n)}x Then more.`],
  ['closing brackets after a full stop, inside a word', (n) => `Word.${')'.repeat(n)}x Next one.`],
  ['exclamation marks inside a word', (n) => `a${'!'.repeat(n)}b`],
  ['spaced full stops between words', (n) => `The end. ${'. '.repeat(n / 2)}The`],
  ['spaced full stops, then a letter', (n) => `${'. '.repeat(n / 2)}a`],
  ['quotes and symbols around a word', (n) => `Say ${'"$'.repeat(n / 2)}x${'”€'.repeat(n / 2)} it.`],
  ['a dashed line that is not a rule', (n) => `${'- '.repeat(n / 2)}x`],
];

describe('splitPassages on hostile text', () => {
  it.each(HOSTILE)('takes linear time on %s', (_, make) => {
    expectLinear(make);
  });

  it('takes linear time on any short pattern repeated, between two sentences', () => {
    const motif = fc.string({ unit: fc.constantFrom(')', '!', '.', ' ', '\n', 'a', 'Z', '"', '|', '-', '\u00a0', '…', '”'), minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(motif, (m) => {
        expectLinear((n) => `It began. ${m.repeat(Math.ceil(n / m.length)).slice(0, n)}x Then it ended.`);
      }),
      { numRuns: 12 },
    );
  });

  it('cuts 200,000 short lines without overflowing the stack', () => {
    const text = Array.from({ length: 200_000 }, (_, i) => `Line ${i}.`).join('\n');
    const passages = splitPassages('lines', text);
    expect(passages.at(-1)?.lineEnd).toBe(200_000);
    expect(passages.map((p) => p.text).join(' ').split(/\s+/u).length).toBe(400_000);
  });
});

describe('splitPassages (examples)', () => {
  it('returns nothing for empty or blank text', () => {
    expect(splitPassages('e', '')).toEqual([]);
    expect(splitPassages('e', ' \n\n\t\r\n')).toEqual([]);
  });

  it('keeps short neighbouring paragraphs together and cites their lines', () => {
    const text = 'First short paragraph here.\n\nSecond short paragraph here.\n\nThird one.';
    expect(splitPassages('s', text)).toEqual([
      {
        id: 's#p1',
        docId: 's',
        ordinal: 1,
        text: 'First short paragraph here.\n\nSecond short paragraph here.\n\nThird one.',
        paragraphStart: 1,
        paragraphEnd: 3,
        lineStart: 1,
        lineEnd: 5,
      },
    ]);
  });

  it('attaches a heading to the following paragraph instead of leaving it alone', () => {
    const body = 'Although the prosecutors are expected to appeal, the site looks set to relaunch. '.repeat(5).trim();
    const text = `${body}\nQuestionable status\n${body}`;
    const passages = splitPassages('h', text, { maxChars: body.length + 40 });
    expect(passages.map((p) => p.text.split('\n\n')[0])).toEqual([body, 'Questionable status']);
  });

  it('splits an over-long paragraph at sentence boundaries', () => {
    const sentences = Array.from({ length: 30 }, (_, i) => `Sentence number ${i + 1} is about the U.S. market.`);
    const passages = splitPassages('l', sentences.join(' '), { maxChars: 200 });
    for (const passage of passages) {
      expect(passage.text.length).toBeLessThanOrEqual(200);
      expect(passage.text).toMatch(/^Sentence number \d+ .*market\.$/u);
      expect(passage.paragraphStart).toBe(1);
    }
    expect(passages.map((p) => p.text).join(' ')).toBe(sentences.join(' '));
  });

  it('keeps a single over-long token whole, alone in its passage', () => {
    const token = `https://example.com/${'a'.repeat(1200)}`;
    const passages = splitPassages('t', `Before the link. ${token} After the link.`);
    expect(passages.map((p) => p.text)).toEqual(['Before the link.', token, 'After the link.']);
  });

  it('joins a paragraph cut by a page header into one', () => {
    const text = [
      '7. While Russia\'s enforcement efforts are still very spotty, in December 2008, a Moscow regional ',
      'court sentenced 7 people. While prosecution of commercial scale pirates is very inconsistent, ',
      'enforcement of a 2008 ',
      ' ',
      'MOSCOW 00000521  002 OF 004 ',
      ' ',
      ' ',
      'ban on cam-cording in movie theaters has contributed to a decrease in the availability of pirated ',
      'DVDs. ',
      ' ',
      '8. The estimated software piracy rate in Russia dropped the most out of 108 countries examined ',
      'by the Business Software Alliance. ',
      ' ',
      'MOSCOW 00000521  003 OF 004 ',
      ' ',
      '9. The GOR displayed an increased willingness to participate in USG, EU and industry sponsored ',
      'IPR training programs over the last 12 months. ',
    ].join('\n');
    const [passage] = splitPassages('c', text);
    expect(passage?.text).toContain('enforcement of a 2008 ban on cam-cording');
    expect(passage?.text).not.toContain('MOSCOW 00000521');
    expect(passage?.text.split('\n\n')).toHaveLength(3);
    expect(passage).toMatchObject({ paragraphStart: 1, paragraphEnd: 3, lineStart: 1, lineEnd: 17 });
  });
});

describe('splitPassages on Chinese and Japanese text (no spaces between sentences)', () => {
  const sentence = '北京是中华人民共和国的首都，也是全国的政治、文化和国际交往中心。';
  const chinese = sentence.repeat(Math.ceil(5600 / sentence.length)).slice(0, 5600);

  it('cuts a 5,600-character Chinese paragraph into passages of at most 1,000 characters, each ending on 。', () => {
    const passages = splitPassages('zh', chinese);
    expect(passages.length).toBeGreaterThanOrEqual(6);
    for (const passage of passages.slice(0, -1)) {
      expect(passage.text.length).toBeLessThanOrEqual(1000);
      expect(passage.text.endsWith('。')).toBe(true);
    }
    expect(passages.at(-1)!.text.length).toBeLessThanOrEqual(1000);
    expect(passages.map((p) => p.text).join('')).toBe(chinese);
  });

  it('cuts a long run without punctuation by characters, never between the halves of a surrogate pair', () => {
    const run = `${'字'.repeat(999)}${'𠀀'.repeat(1500)}`; // 𠀀 (U+20000) is two UTF-16 code units
    const passages = splitPassages('zh', run);
    for (const passage of passages) {
      expect(passage.text.length).toBeLessThanOrEqual(1000);
      expect(passage.text).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/u);
    }
    expect(passages[0]!.text).toBe('字'.repeat(999));
    expect(passages.map((p) => p.text).join('')).toBe(run);
  });

  it('cuts Japanese at 。 as well', () => {
    const japanese = '吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。'.repeat(60);
    const passages = splitPassages('ja', japanese);
    expect(passages.length).toBeGreaterThan(1);
    for (const passage of passages) {
      expect(passage.text.length).toBeLessThanOrEqual(1000);
      expect(passage.text.endsWith('。')).toBe(true);
    }
    expect(passages.map((p) => p.text).join('')).toBe(japanese);
  });

  it('keeps the text between CJK passages and Latin words as written, cutting only the CJK run', () => {
    const mixed = `The report (报告) says: ${chinese}`;
    const passages = splitPassages('mixed', mixed);
    expect(passages[0]!.text.startsWith('The report (报告) says: 北京')).toBe(true);
    expect(passages.map((p) => p.text).join('')).toBe(mixed);
    for (const passage of passages) expect(passage.text.length).toBeLessThanOrEqual(1000);
  });
});
