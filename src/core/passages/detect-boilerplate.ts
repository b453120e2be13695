/**
 * Page-chrome filter for scraped plain text, in the spirit of jusText (Pomikálek 2011): classify each
 * paragraph candidate from local evidence, then let context decide the ambiguous ones.
 *
 * The one hard rule: never lose article text. The detector only answers "keep this line or not"; it
 * never edits text. And it is asymmetric on purpose: a line is dropped only on positive evidence
 * (a chrome cue, or being a short, ambiguous line wedged between chrome), while anything that merely
 * looks unusual (headlines, subheads, cable routing headers, bylines) is kept. Leaking a widget into a
 * passage costs a little retrieval noise; dropping a sentence can lose the answer to a question.
 */
import { chromeCue } from './chrome-cues.js';
import { groupLines, groupText, splitLines, type LineGroup } from './group-lines.js';
import { stopwordDensity, wordsOf } from './stopwords.js';

export interface BoilerplateReport {
  /** The text's lines (CRLF/CR/LF), index i is line i + 1. */
  lines: string[];
  /** keep[i] is false when line i + 1 is page chrome. Blank and rule lines are kept (they hold no words). */
  keep: boolean[];
  /** Why a dropped line was dropped ("cue:share", "context", "running-header"); null for kept lines. */
  reasons: (string | null)[];
  /** Paragraph candidates the classification was made on (see group-lines.ts). */
  groups: LineGroup[];
}

/** Initial class of a paragraph candidate, from its own text only. */
type Evidence = 'content' | 'chrome' | 'soft-chrome' | 'ambiguous' | 'neutral';

interface Judged {
  group: LineGroup;
  evidence: Evidence;
  reason: string;
}

/** jusText calls paragraphs under ~70 characters "short": too little text to judge on its own. */
const MIN_CONTENT_CHARS = 60;
const MIN_CONTENT_WORDS = 8;
/** jusText's stopwords_high is 0.32 for English; lower here because only the ambiguous side is affected. */
const MIN_STOPWORD_DENSITY = 0.2;
/** Below this the document is not English (or is a list): the stopword test would say nothing. */
const ENGLISH_DOCUMENT_DENSITY = 0.15;

export function detectBoilerplate(text: string): BoilerplateReport {
  const lines = splitLines(text);
  const groups = groupLines(lines);
  const texts = groups.map((group) => groupText(lines, group));
  const words = texts.map((groupTextOf) => wordsOf(groupTextOf));
  const english = stopwordDensity(words.flat()) >= ENGLISH_DOCUMENT_DENSITY;
  const runningHeaders = findRunningHeaders(lines);

  const judged = groups.map((group, i) => judge(group, texts[i] ?? '', words[i] ?? [], english, runningHeaders, lines));
  const final = resolveContext(judged);

  const keep = lines.map(() => true);
  const reasons: (string | null)[] = lines.map(() => null);
  final.forEach((drop, index) => {
    const item = judged[index];
    if (!drop || !item) return;
    for (let line = item.group.start; line <= item.group.end; line++) {
      keep[line] = false;
      reasons[line] = item.reason;
    }
  });
  return { lines, keep, reasons, groups };
}

function judge(group: LineGroup, text: string, words: string[], english: boolean, runningHeaders: Set<number>, lines: readonly string[]): Judged {
  if (group.rule) return { group, evidence: 'neutral', reason: 'rule' };
  if (group.start === group.end && runningHeaders.has(group.start)) {
    return { group, evidence: 'chrome', reason: 'running-header' };
  }
  // A table keeps its rows: a menu is one line, a table several lines with the same columns.
  if (isTableRow(lines, group)) return { group, evidence: 'neutral', reason: 'table' };
  const cue = chromeCue(text);
  if (cue?.strength === 'strong') return { group, evidence: 'chrome', reason: `cue:${cue.cue}` };
  if (cue?.strength === 'medium') return { group, evidence: 'soft-chrome', reason: `cue:${cue.cue}` };
  if (cue?.strength === 'weak') return { group, evidence: 'ambiguous', reason: 'context' };
  return { group, evidence: looksLikeProse(text, words, english) ? 'content' : 'ambiguous', reason: 'context' };
}

/** Cells separated by " | " or tabs, at least three a row. */
const CELL_SEPARATOR = /\s\|\s|\t/gu;

/**
 * A line of a table: it and the line right above or below it have the same number (two or more) of
 * cell separators (a handbook's "Severity | Deadline | Owner" rows). A site's menu is one such line.
 */
function isTableRow(lines: readonly string[], group: LineGroup): boolean {
  const columns = (line: string | undefined) => (line === undefined ? 0 : (line.trim().match(CELL_SEPARATOR)?.length ?? 0));
  const own = columns(lines[group.start]);
  if (own < 2) return false;
  for (let line = group.start + 1; line <= group.end; line++) if (columns(lines[line]) !== own) return false;
  return group.end > group.start || columns(lines[group.start - 1]) === own || columns(lines[group.end + 1]) === own;
}

/** Long enough, punctuated like sentences and (in English) dense in function words. */
function looksLikeProse(text: string, words: string[], english: boolean): boolean {
  if (text.length < MIN_CONTENT_CHARS || words.length < MIN_CONTENT_WORDS) return false;
  if (!/[.!?…]["'”’»)\]]*(?:\s|$)/u.test(text)) return false;
  return !english || stopwordDensity(words) >= MIN_STOPWORD_DENSITY;
}

/**
 * Context smoothing. Returns, per group, whether to drop it.
 * 1. A medium cue (site talking about itself) is forgiven when no chrome is next to it and article
 *    text is: prose may legitimately quote "please visit our website".
 * 2. A run of ambiguous groups takes the class of what encloses it: chrome on both sides (or chrome
 *    and the document edge) makes it chrome; any article text next to it keeps it. That keeps headlines
 *    and subheads ("Questionable status") and drops "Articles", "Community resources" between menus.
 * 3. A document without any sure prose is kept whole: with nothing to anchor on we would be guessing.
 */
function resolveContext(judged: Judged[]): boolean[] {
  const initial = judged.map((item) => item.evidence);
  const firstPass = nearestSides(initial);
  const classes = initial.map((evidence, i): Evidence => {
    if (evidence !== 'soft-chrome') return evidence;
    const before = firstPass.before[i];
    const after = firstPass.after[i];
    const forgiven = before !== 'chrome' && after !== 'chrome' && (before === 'content' || after === 'content');
    return forgiven ? 'content' : evidence;
  });

  const anchored = classes.includes('content');
  const sides = nearestSides(classes);
  return classes.map((evidence, i) => {
    if (evidence === 'chrome' || evidence === 'soft-chrome') return true;
    if (evidence !== 'ambiguous' || !anchored) return false;
    const before = sides.before[i];
    const after = sides.after[i];
    return before !== 'content' && after !== 'content' && (before === 'chrome' || after === 'chrome');
  });
}

type Side = 'content' | 'chrome' | 'edge';

/** For each group, the class of the nearest decisive group before and after it (linear time). */
function nearestSides(classes: Evidence[]): { before: Side[]; after: Side[] } {
  const sideOf = (evidence: Evidence): Side | undefined =>
    evidence === 'content' ? 'content' : evidence === 'chrome' || evidence === 'soft-chrome' ? 'chrome' : undefined;
  const before: Side[] = [];
  const after: Side[] = new Array<Side>(classes.length).fill('edge');
  let last: Side = 'edge';
  classes.forEach((evidence, i) => {
    before.push(last);
    last = sideOf(evidence) ?? last;
  });
  last = 'edge';
  for (let i = classes.length - 1; i >= 0; i--) {
    after[i] = last;
    last = sideOf(classes[i] ?? 'neutral') ?? last;
  }
  return { before, after };
}

/**
 * Running headers/footers of paginated text ("MOSCOW 00000521  002 OF 004", "Annual report 2009 – 7"):
 * the same short line recurring with a number that counts up. Requiring the count to increase keeps
 * repeated content (a refrain, a speaker label, a table row repeated verbatim) out of it.
 */
function findRunningHeaders(lines: string[]): Set<number> {
  const byShape = new Map<string, number[]>();
  lines.forEach((line, index) => {
    const trimmed = line.trim().replace(/\s+/gu, ' ');
    if (!/\p{L}/u.test(trimmed) || !/\d/u.test(trimmed) || trimmed.split(' ').length > 8) return;
    if (/[.!?]["'”’)]*$/u.test(trimmed)) return;
    const shape = trimmed.toLowerCase().replace(/\d+/gu, '#');
    const indexes = byShape.get(shape);
    if (indexes) indexes.push(index);
    else byShape.set(shape, [index]);
  });
  const result = new Set<number>();
  for (const indexes of byShape.values()) {
    if (indexes.length < 2) continue;
    const numbers = indexes.map((index) => (lines[index] ?? '').match(/\d+/gu)?.map(Number) ?? []);
    const fields = numbers[0]?.length ?? 0;
    const counts = Array.from({ length: fields }, (_, field) =>
      numbers.every((row, k) => k === 0 || (row[field] ?? 0) > (numbers[k - 1]?.[field] ?? 0)),
    ).some(Boolean);
    if (counts) for (const index of indexes) result.add(index);
  }
  return result;
}
