import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FootnoteError } from '../../errors.js';

/**
 * The base form of an irregular verb's past tense or participle: said → say, bought → buy, wrote and
 * written → write, paid → pay, left → leave. Porter's stemmer only strips regular endings, so without
 * this "what did X say" never met "X said" (say → sai, said → said), nor "buy" the seed corpus's
 * "bought". A form that is itself a verb's base is left alone ("saw", "lay"), so a text about sawing or
 * laying still finds its words. The list is RosaeNLG's (package english-verbs-irregular, Apache-2.0,
 * built from WordNet: 569 verbs, 697 forms mapped).
 */
export type IrregularVerbs = ReadonlyMap<string, string>;

let loaded: IrregularVerbs | undefined;

/** The shipped list, read once (about 1 ms); a missing or damaged file is an error naming it. */
export function irregularVerbs(): IrregularVerbs {
  if (loaded) return loaded;
  let path = 'english-verbs-irregular/dist/verbs.json';
  let verbs: unknown;
  try {
    path = createRequire(import.meta.url).resolve(path);
    verbs = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new FootnoteError('resource_invalid', `The list of irregular English verbs ${path} could not be read; reinstall footnote's dependencies (npm ci).`, { cause });
  }
  loaded = baseForms(verbs, path);
  return loaded;
}

/** The form → base map of a list shaped { base: [[past, participle], …] }; throws naming `path` if it is not one. */
export function baseForms(verbs: unknown, path: string): Map<string, string> {
  const invalid = (why: string) =>
    new FootnoteError('resource_invalid', `The list of irregular English verbs ${path} is damaged (${why}); reinstall footnote's dependencies (npm ci).`);
  if (typeof verbs !== 'object' || verbs === null || Array.isArray(verbs)) throw invalid('it is not an object of verbs');
  const entries = Object.entries(verbs as Record<string, unknown>);
  // An intact copy holds these; a cut or emptied file does not.
  if (!entries.some(([base]) => base === 'say') || !entries.some(([base]) => base === 'write')) throw invalid('"say" or "write" is missing');
  const bases = new Set(entries.map(([base]) => base));
  const forms = new Map<string, string>();
  for (const [base, conjugations] of entries) {
    if (!Array.isArray(conjugations)) throw invalid(`"${base}" has no forms`);
    for (const conjugation of conjugations) {
      if (!Array.isArray(conjugation)) throw invalid(`"${base}" has no forms`);
      for (const form of conjugation) {
        if (typeof form !== 'string') throw invalid(`a form of "${base}" is not a word`);
        // The first verb a form belongs to keeps it; a form that is a base itself stays as it is.
        if (form !== base && !bases.has(form) && !forms.has(form)) forms.set(form, base);
      }
    }
  }
  return forms;
}
