import winkNLP, { type ItemEntity, type ItemToken, type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { analyze, analyzeTerm } from '../engine/engine.js';
import { FootnoteError } from '../errors.js';
import type { AnswerType } from './answer-type.js';

/** Which of wink-nlp's entity types answer each kind of question (a name is a proper noun, below). */
const ENTITY_TYPES: Record<Exclude<AnswerType, 'name'>, ReadonlySet<string>> = {
  number: new Set(['CARDINAL', 'MONEY', 'PERCENT', 'DURATION', 'MEASURE', 'ORDINAL']),
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
export function answerEntities(text: string, type: AnswerType, questionTerms: ReadonlySet<string>): number[] {
  const tagger = entityTagger();
  const its = tagger.its;
  const doc = tagger.readDoc(text);
  const found: string[] = [];
  if (type === 'name') {
    doc.tokens().each((token: ItemToken) => {
      if (token.out(its.pos) === 'PROPN' && !questionTerms.has(analyzeTerm(token.out()) ?? '')) found.push(token.out());
    });
  } else {
    const wanted = ENTITY_TYPES[type];
    doc.entities().each((entity: ItemEntity) => {
      if (wanted.has(entity.out(its.type))) found.push(entity.out());
    });
  }
  const offsets: number[] = [];
  let cursor = 0;
  for (const value of found) {
    const at = text.indexOf(value, cursor);
    if (at < 0) continue;
    cursor = at + value.length;
    if (!gluedToWord(text, at, cursor) && !givenBy(value, questionTerms)) offsets.push(at);
  }
  return offsets;
}

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
