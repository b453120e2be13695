import winkNLP, { type ItemEntity, type ItemToken, type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { analyze, analyzeTerm } from '../engine/engine.js';
import { FootnoteError } from '../errors.js';
import { passageSegments } from '../passages/passage-segments.js';
import type { AnswerType } from './answer-type.js';

/** Which of wink-nlp's entity types answer each kind of question (a name is a proper noun, below). */
const ENTITY_TYPES: Record<Exclude<AnswerType, 'name' | 'place' | 'advice' | 'reason' | 'definition' | 'default'>, ReadonlySet<string>> = {
  number: new Set(['CARDINAL', 'MONEY', 'PERCENT', 'DURATION', 'MEASURE', 'ORDINAL']),
  amount: new Set(['MONEY', 'PERCENT', 'DURATION', 'MEASURE']),
  time: new Set(['DATE', 'TIME', 'DURATION']),
  duration: new Set(['DURATION', 'DATE', 'TIME']),
};

let nlp: WinkMethods | undefined;

/** wink-nlp with its English light model, loaded once (about 100 ms); a broken install is a start-up error. */
export function entityTagger(): WinkMethods {
  try {
    nlp ??= winkNLP(model);
  } catch (cause) {
    throw new FootnoteError('resource_invalid', "wink-nlp's English model (package wink-eng-lite-web-model) could not be loaded; reinstall footnote's dependencies (npm ci).", { cause });
  }
  return nlp;
}

/**
 * Where in `text` something of the asked type stands: the offsets of each number, date or duration
 * entity, or of each proper noun the question does not already name (asking "who owns the store in
 * Moscow", "Moscow" is not the answer). Offsets are found in `text` itself, so they are verbatim.
 */
export function answerEntities(text: string, type: AnswerType, questionTerms: ReadonlySet<string>, roles: ReadonlySet<string> = new Set()): number[] {
  if (type === 'advice') return adviceAt(text);
  if (type === 'reason') return [...text.matchAll(REASON)].map((match) => match.index);
  if (type === 'definition') return definitionsAt(text, questionTerms);
  if (type === 'default') return defaultsAt(text);
  // What wink-nlp does not tag: how often (for how long), a day of the month (for when), a version (for which number).
  const untagged = type === 'duration' ? HOW_LONG : type === 'time' ? DAY_OF_MONTH : type === 'number' ? VERSION : undefined;
  const untaggedAt = untagged ? [...text.matchAll(untagged)].map((match) => match.index) : [];
  const tagger = entityTagger();
  const its = tagger.its;
  const doc = tagger.readDoc(text);
  const found: string[] = [];
  if (type === 'name' || type === 'place') {
    // With a role to fill ("who owns …" seeks the owner: roleTerms), only a name beside the role noun
    // answers: "the company's owner, Denis Kvasov", not every Russia and WTO of the passage.
    const tokens: Array<{ value: string; name: boolean; role: boolean }> = [];
    doc.tokens().each((token: ItemToken) => {
      const value = token.out();
      const term = analyzeTerm(value) ?? '';
      tokens.push({ value, name: token.out(its.pos) === 'PROPN' && !questionTerms.has(term), role: roles.has(term) });
    });
    tokens.forEach((token, i) => {
      const nearRole = roles.size === 0 || tokens.slice(Math.max(0, i - ROLE_REACH), i + ROLE_REACH + 1).some((other) => other.role);
      if (token.name && nearRole) found.push(token.value);
    });
  } else {
    const wanted = ENTITY_TYPES[type];
    doc.entities().each((entity: ItemEntity) => {
      if (wanted.has(entity.out(its.type))) found.push(entity.out());
    });
  }
  const offsets: number[] = [];
  // Who answers in a team's documents is often a team, a role or a place to ask, not a proper noun:
  // "The executive team reviews all nominations", "reach out to your manager", "#ask-it-tech-ops".
  const holders = (type === 'name' || type === 'place') && roles.size === 0 ? [...text.matchAll(HOLDER)].map((match) => match.index) : [];
  // Where something goes or is kept in a project is a file or a folder: "create a .dev.vars file or a
  // .env file in the root directory", "place the asset in the public directory". Said in prose (code
  // is full of paths: `cd ~/projects/foo`), and not the place the question names: "where do I put
  // public/robots.txt?" is not answered by "(e.g. public/robots.txt)".
  const places = type === 'place' ? [...proseOnly(text).matchAll(PLACE)].filter((match) => !givenBy(match[0], questionTerms)).map((match) => match.index) : [];
  let cursor = 0;
  for (const value of found) {
    const at = text.indexOf(value, cursor);
    if (at < 0) continue;
    cursor = at + value.length;
    // A unit of time counts with its quantity before it ("a two-week cycle", which wink-nlp tags as
    // "two" and "week"), never alone ("the time in minutes").
    const quantified = !BARE_UNIT.test(value) || QUANTITY_BEFORE.test(text.slice(Math.max(0, at - 16), at));
    if (quantified && !gluedToWord(text, at, cursor) && !givenBy(value, questionTerms)) offsets.push(at);
  }
  const extra = [...untaggedAt, ...holders, ...places];
  return extra.length === 0 ? offsets : [...new Set([...offsets, ...extra])].sort((a, b) => a - b);
}

/** A team, a role that answers questions, a chat channel or an email address (see answerEntities). */
const HOLDER = /\b(?:[\p{L}-]+ )?(?:team|committee|council|department|manager|lead|partner|advocates?)\b|(?<![\w&])#[\p{L}\p{N}][\p{L}\p{N}_-]+|\b[\w.+-]+@[\w-]+\.[\w.]+\b/giu;

/**
 * A place in a project: a dotfile (.env), a path (node_modules/.vite, src/), or the words directory and
 * folder. Not a bare file name: "package.json" is written all over docs prose, and so answered "where
 * does pnpm put global binaries?" with "… a bin field in its package.json".
 */
const PLACE = /(?<![\w/.-])(?:\.[a-z][\w.-]*[a-z]|[\w.-]+\/[\w./-]*)(?![\w/-])|\b(?:(?:sub)?director(?:y|ies)|folders?)\b/giu;

/** How many tokens (words and punctuation) from the role noun a name may stand and still be the one it names. */
const ROLE_REACH = 4;

/** A version, which wink-nlp does not tag as a number: "version ^22.18.0 || >=24.12.0", "Node.js 20.19+". */
const VERSION = /(?<![\w.])\d+(?:\.\d+){2,}(?!\w)|(?<![\w.])\d+\.\d+\+/gu;

/**
 * A day of the month, which wink-nlp tags as an ordinal, not a date: "Submit monthly invoices as early
 * as the 20th of the current month".
 */
const DAY_OF_MONTH = /\b(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b/gu;

/**
 * A length in characters, lines, words or bytes, which wink-nlp tags as a bare number: "how long"
 * asks it of a thing as it asks a duration of an event ("how long should a commit subject line be?":
 * "under 50 characters").
 */
const LENGTH = String.raw`\b\d[\d,.]*\s*(?:characters?|chars|lines?|words?|bytes?|[KMG]i?B)\b`;

/** How often something happens, which wink-nlp does not tag: "once a year", "twice per week", "every month", "weekly". */
const FREQUENCY = /\b(?:(?:once|twice|(?:\d+|two|three|four|five|six|ten) times) (?:a|an|per|each|every) \w+|every (?:\w+ )?(?:day|week|month|quarter|year|hour|minute|morning|evening)s?|(?:daily|weekly|monthly|quarterly|yearly|annually|hourly|biweekly))\b/giu;
/** A unit of time, which wink-nlp tags as a duration even alone: "The time in minutes after which …" states none. */
const BARE_UNIT = /^(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)$/iu;
/** A quantity before a unit of time: "two-week", "3 days", "5 business days", "a few hours", "several months". */
const QUANTITY_BEFORE = /(?:\b(?:an?|few|several|couple of|many)[\s-]+|(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))(?:[\s-]+\p{L}+){0,2}[\s-]+)$/iu;
/** What answers "how long": a frequency (FREQUENCY) or a length (LENGTH), besides what wink-nlp tags. */
const HOW_LONG = new RegExp(`${FREQUENCY.source}|${LENGTH}`, 'giu');

/** Whether the question already states an entity ("status code 431" asked about is not the answer). */
function givenBy(value: string, questionTerms: ReadonlySet<string>): boolean {
  const terms = analyze(value);
  return terms.length > 0 && terms.every((term) => questionTerms.has(term));
}

/**
 * Whether an entity wink-nlp found is only part of a word: it reads "37signals" or "es2015" as a
 * number, but a number glued to letters is a name, and a handbook naming its company in every
 * sentence would otherwise have a "number" in all of them.
 */
function gluedToWord(text: string, start: number, end: number): boolean {
  return /[\p{L}\p{N}]/u.test(text[start - 1] ?? '') || /[\p{L}]/u.test(text[end] ?? '');
}

/**
 * How a document says what a thing is, after naming it: "… is a / an / the / our …", "… are …",
 * "… means", "… stands for", "… refers to". A closing quote may stand between ("An “RFC” literally
 * means"). "The RFC is for the purpose of …" is no definition: "is" must go on to a noun phrase
 * (adverbs aside: "an RFC is ultimately just a document").
 */
const DEFINES = /(?<![\p{L}\p{N}._/@-])(?<name>[\p{L}\p{N}][\p{L}\p{N}._-]*)["”’']?\s+(?:(?:is|are)\s+(?:(?:\p{L}+ly|just|simply)\s+){0,2}(?:an?|the|our|your|one|any)\b|(?:literally\s+|simply\s+)?(?:means|stands for|refers to)\b)/giu;

/** Where `text` defines one of the question's terms: the offset of the sentence-part naming it. */
function definitionsAt(text: string, questionTerms: ReadonlySet<string>): number[] {
  const offsets: number[] = [];
  for (const match of text.matchAll(DEFINES)) {
    const name = match.groups!['name']!;
    if (questionTerms.has(analyzeTerm(name) ?? '')) offsets.push(match.index);
  }
  return offsets;
}

/**
 * How a document gives a reason: a cause ("because", "due to"), a conclusion drawn from one
 * ("Therefore, Vite must convert …", "… is checked out with the repository, so expanding variables
 * there would allow …"), or a purpose ("so that", "helps us reduce").
 */
const REASON =
  /(?<=, )so\b(?! far\b)|\b(?:because|due to|so that|in order to|the reason|this is why|that[’']s why|therefore|helps?|to (?:reduce|prevent|avoid|ensure|protect|keep|mitigate|limit|improve))\b/giu;

/**
 * How a document tells the reader what to do: a modal addressed to them ("you can", "you'll need
 * to", "you should") or said of the thing to change ("can be turned off via"), a recommendation, or
 * a purpose it serves ("to fix", "to avoid", "by setting").
 */
const ADVICE =
  /\b(?:you|we)(?:['’]ll| will)? (?:can(?!['’]t| ?not\b)|could(?!n['’]t)|should|must|need to|have to|may want to|might want to)\b|\b(?:can|could|should|must) be \w+(?: (?:on|off|up|out))? (?:via|with|by|using|through)\b|\b(?:recommend(?:s|ed)?|make sure|try)\b|\bto (?:fix|solve|resolve|avoid|prevent|work around|get around|bypass|circumvent|overcome|enable|disable)\b|\bas a workaround\b|\bby (?:setting|using|adding|passing|running|changing|installing|removing|enabling|disabling)\b/giu;

/**
 * How a document states a default value: "The default is …", "The default router is SmartRouter",
 * "Default: highest", "defaults to 3000", "`highest` (default)", "node is default environment". Not
 * "by default", which says how something behaves ("By default, toSSG uses defaultPlugin …") and is
 * said of every setting's page.
 */
const DEFAULT_VALUE = /\bdefaults?(?: [\w-]+){0,2}? (?:is|are|was)\b|\bdefaults?(?: value)?:|\bdefaults? to\b|\((?:the )?default\)|\b(?:is|are) (?:the )?default\b/giu;

/** Whether `text` says what happens by default ("As vite build runs a production build by default"): no value, but about the default. */
export function saysByDefault(text: string): boolean {
  return BY_DEFAULT.test(text);
}

const BY_DEFAULT = /\bby default\b/iu;

/**
 * Of the entities of the asked type (offsets in `text`), those on a line that states a default, for a
 * question asking a default of that type ("what's the default test timeout?" asks a number): "Default:
 * 5_000 in Node.js" answers, not "Use 0 to disable timeout completely" below it. All of them when no
 * such line holds one.
 */
export function defaultEntities(text: string, entityAt: readonly number[]): readonly number[] {
  const lineOf = (at: number) => text.lastIndexOf('\n', at - 1) + 1;
  const stating = new Set(defaultsAt(text).map(lineOf));
  const stated = entityAt.filter((at) => stating.has(lineOf(at)));
  return stated.length > 0 ? stated : entityAt;
}

/**
 * Where `text` states a default value (DEFAULT_VALUE). After a "Default:" label the value is what
 * follows it: the rest of its line ("Default: highest"), or each item of the list nested under it
 * ("Default:" then "On Linux: ~/.local/share/pnpm/store", "On macOS: …"), so the item the question
 * names can be the answer.
 */
function defaultsAt(text: string): number[] {
  const offsets: number[] = [];
  for (const match of text.matchAll(DEFAULT_VALUE)) {
    if (!match[0].endsWith(':')) {
      offsets.push(match.index);
      continue;
    }
    const newline = text.indexOf('\n', match.index);
    const lineEnd = newline < 0 ? text.length : newline;
    const rest = /\S/u.exec(text.slice(match.index + match[0].length, lineEnd));
    if (rest) {
      offsets.push(match.index + match[0].length + rest.index);
      continue;
    }
    const lineStart = text.lastIndexOf('\n', match.index) + 1;
    const indent = /^\s*/u.exec(text.slice(lineStart))![0].length;
    let at = lineEnd + 1;
    for (const line of text.slice(at).split('\n')) {
      const item = NESTED_ITEM.exec(line);
      if (!item || item[1]!.length <= indent) break;
      offsets.push(at + item[0].length);
      at += line.length + 1;
    }
  }
  return offsets;
}

/** A list item line: its indentation, and the bullet. */
const NESTED_ITEM = /^([ \t]*)• /u;

/**
 * Words that settle a yes/no question: a negation, a limit, an obligation ("must", "make sure to
 * disable it"), a choice ("is optional"), advice against ("Avoid targeting body when using Teleports
 * and SSR together"). Not "not just" or "not only", which add ("insurance to all teammates (not just
 * US-based)").
 */
const VERDICT = /\b(?:not(?! just\b| only\b)|never|no|none|only|cannot|must|optional(?:ly)?|required|always|unless|avoid|(?:make|be) sure)\b|n['’]t\b/giu;

/** Where the prose of `text` says something that settles a yes/no question (see asksYesOrNo). */
export function verdictsAt(text: string): number[] {
  return [...proseOnly(text).matchAll(VERDICT)].map((match) => match.index);
}

/** Where a sentence may start: after a line break, a list bullet, sentence punctuation, or a label's colon. */
const SENTENCE_END = new Set(['.', '!', ';', '•']);
const MAX_LABEL_WORDS = 3;
/** What follows an imperative verb used as an instruction ("Increase the limit", "Use WSL2 applications"). */
const OBJECT_POS = new Set(['DET', 'PRON', 'NUM', 'PROPN', 'NOUN']);

/**
 * Where `text` tells the reader what to do: advice phrases, and sentences opening with a verb in its
 * base form (an instruction). wink-nlp tags a capitalised verb that opens a sentence as a proper
 * noun ("Increase the limit"), so the text is tagged lowercased; offsets are kept as the lowercasing
 * keeps every character's length.
 */
function adviceAt(passage: string): number[] {
  // Code is not advice in words: `import 'vite/client'` or `export const count = 1` open with a verb
  // but tell the reader nothing to do. Blanked with spaces, so offsets stay those of the passage.
  const text = proseOnly(passage);
  const offsets = [...text.matchAll(ADVICE)].map((match) => match.index);
  const tagger = entityTagger();
  const its = tagger.its;
  const lower = [...text].map((c) => (c.toLowerCase().length === c.length ? c.toLowerCase() : c)).join('');
  const tokens: Array<{ value: string; pos: string; lemma: string }> = [];
  tagger.readDoc(lower).tokens().each((token: ItemToken) => {
    // wink-nlp's typings declare its.lemma with the add-on signature, though tokens take it like its.pos.
    const lemma = token.out(its.lemma as unknown as typeof its.pos);
    tokens.push({ value: token.out(), pos: token.out(its.pos), lemma });
  });
  let cursor = 0;
  let opens = true;
  let words = 0; // since the sentence began: only a short label's colon opens one ("Recommended: Use …")
  let condition = false; // the sentence opened with a condition, and its comma is not yet reached
  let conditioned = false; // what opens now follows a condition's comma
  for (const [i, token] of tokens.entries()) {
    const at = lower.indexOf(token.value, cursor);
    if (at < 0) continue;
    cursor = at + token.value.length;
    // After a condition the main clause often opens with its subject, which the tagger can read as a
    // verb ("When running Vite on WSL2, file system watching does not work"): an instruction there
    // acts on something plainly named ("use the --legacy flag", "install it").
    if (opens && isInstruction(token, tokens[i + 1]) && (!conditioned || ACTED_ON.has(tokens[i + 1]?.pos ?? ''))) offsets.push(at);
    if (words === 0 && token.pos !== 'SPACE') condition = CONDITION_OPENERS.has(token.value);
    // A full stop inside a name (import.meta.hot.accept, vite.config.ts) ends no sentence.
    const ends = token.value.includes('\n') || (token.pos !== 'SPACE' && SENTENCE_END.has(token.value) && !/\S/u.test(lower[cursor] ?? ' '));
    // The instruction after a condition: "If you want to use deploy without …, use the --legacy flag".
    const afterCondition = condition && token.value === ',';
    if (afterCondition) condition = false;
    opens = ends || afterCondition || (token.value === ':' && words <= MAX_LABEL_WORDS) || (opens && token.pos === 'SPACE');
    conditioned = afterCondition || (conditioned && token.pos === 'SPACE');
    words = ends ? 0 : words + (token.pos === 'PUNCT' || token.pos === 'SPACE' ? 0 : 1);
  }
  return offsets.sort((a, b) => a - b);
}

/** What an instruction after a condition acts on: a determiner, a pronoun, a number or a name. */
const ACTED_ON = new Set(['DET', 'PRON', 'NUM', 'PROPN']);
/** Words opening a condition, after whose comma an instruction may open: "If …, use …", "To …, set …". */
const CONDITION_OPENERS = new Set(['if', 'when', 'to', 'unless', 'once', 'before', 'after']);

/** `text` with its code blocks (fences and all) blanked to spaces, line breaks kept. */
function proseOnly(text: string): string {
  let prose = text;
  for (const segment of passageSegments(text)) {
    if (segment.kind === 'code') prose = prose.slice(0, segment.start) + prose.slice(segment.start, segment.end).replace(/[^\n]/g, ' ') + prose.slice(segment.end);
  }
  return prose;
}

/**
 * Verbs that point elsewhere ("See the troubleshooting page") or only warn ("Remember that the binary
 * is available only if …", "Note that …") rather than say what to do.
 */
const REFERENCE_VERBS = new Set(['see', 'refer', 'remember', 'note']);

/**
 * Whether a sentence's first word reads as an instruction: a verb in its base form that goes on to
 * what it acts on (a bare "run" listing a command's name says nothing to do), or a word wink-nlp calls
 * a noun that is followed by what an instruction acts on ("increase the limit").
 */
function isInstruction(token: { value: string; pos: string; lemma: string }, next: { value: string; pos: string } | undefined): boolean {
  if (token.lemma !== token.value || !/^\p{L}+$/u.test(token.value) || REFERENCE_VERBS.has(token.value)) return false;
  if (token.pos === 'VERB') return next !== undefined && next.pos !== 'PUNCT' && next.pos !== 'SPACE' && !next.value.includes('\n');
  return (token.pos === 'NOUN' || token.pos === 'ADJ') && next !== undefined && (next.pos === 'DET' || next.pos === 'PRON');
}
