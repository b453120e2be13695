import type { Scope } from '../documents/document.js';
import { analyze, analyzeTerm, analyzeWithOffsets, identifierWholes, idf, type AnalyzedText, type Engine, type Hit, type IndexedPassage } from '../engine/engine.js';
import type { Answer, Citation, RelatedDocument } from './answer.js';
import { dropNearDuplicates } from './drop-near-duplicates.js';
import { crowded, spreadOverPages } from './spread-over-pages.js';
import { everydayWords, type EverydayWords } from './everyday-words.js';
import { relatedTerms, relatedWords, roleTerms, withDerivedForms, type RelatedWords } from './related-words.js';
import { formatLocation } from './format-location.js';
import { joinSectionParts } from './join-section-parts.js';
import { absentMessageTerms, coverageOf, coverageWeights, partsOfUsedWholes, quotedMessages, standInsFor, statedTerms, versionedNames } from './question-coverage.js';
import { namedIdentifiers, selectHighlight, type HighlightQuestion } from './select-highlight.js';
import { pastedWords, typedWords } from './pasted-words.js';
import { answerEntities, defaultEntities, saysByDefault, verdictsAt } from './answer-entities.js';
import { answerTypeOf, askedModal, asksDefault, asksYesOrNo, definedSubject, type AnswerType } from './answer-type.js';
import { leadOf, reasonPage, subjectPage } from './subject-page.js';
import { questionWords } from './question-words.js';
import { errorCodes, errorMessages, holdsMessage, quotesMessage, withoutTraces } from './pasted-output.js';
import { correctSpelling } from './spelling.js';

export type AskOptions = {
  scopes: readonly Scope[];
  /** How many passages to return (default 3). */
  top?: number;
  /** The core's own bound on a question (default 4,000 characters; Discord's option limit is lower). */
  maxQuestionChars?: number;
  /** Monotonic milliseconds, for `tookMs`. */
  now?: () => number;
  /** The ordinary English vocabulary (default: the shipped word list, loaded once). */
  everyday?: EverydayWords;
  /** Words of the same meaning or root (default: the shipped WordNet, opened once). */
  related?: RelatedWords;
};

export const DEFAULT_TOP = 3;
export const DEFAULT_MAX_QUESTION_CHARS = 4000;

/**
 * A question is answered only when one of the best passages states, in its prose, this share of the
 * question's weight (see coverageWeights: the IDF mass of its distinct terms, where a name the corpus
 * never uses weighs the most and an ordinary word it never uses weighs like a typical one). Below it,
 * what matched is incidental words, and the honest reply is that the sources don't cover the question.
 */
export const MIN_COVERAGE = 0.35;
/**
 * When the best passage holds nothing of what the question asks for (advice for "how do I", a cause
 * for "why", a number, a date, a name, a definition) and another strong one scoring at least this
 * share of it does, that one goes first: "Why did the US want the site shut down?" is answered by "… in order to appease
 * US objections", not by the passage that repeats "site" and "want". Measured: Vite R@1 0.775 → 0.825,
 * basecamp highlight 0.725 → 0.750 (any share from 0.6 to 0.8 the same); number, time and name
 * questions changed nothing.
 */
const TYPED_SHARE = 0.8;
/** What the question asks for that is a quantity or a time: sought among all strong candidates (see ask). */
const QUANTITIES: ReadonlySet<AnswerType> = new Set(['number', 'amount', 'duration', 'time']);
/** Further results must score at least this fraction of the best one, or they are noise. */
const MIN_RELATIVE_SCORE = 0.25;
const MAX_RELATED = 3;
/** Candidates ranked per result asked for, before weak and near-duplicate passages are dropped. */
const CANDIDATES_PER_RESULT = 4;

// C0/C1 control characters other than tab and newline; bidi overrides and isolates.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Cleans a raw question: no control or bidi characters, whitespace collapsed, trimmed. */
export function normalizeQuestion(raw: string): string {
  return raw.normalize('NFC').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Answers a question from the index: the best passages with a highlighted sentence each, or an honest
 * no-match with the nearest documents, or a rejection of unusable input. Never throws on user input.
 */
export function ask(index: Engine, rawQuestion: string, options: AskOptions): Answer {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const maxChars = options.maxQuestionChars ?? DEFAULT_MAX_QUESTION_CHARS;
  const query = normalizeQuestion(rawQuestion);

  // 1. Validate the input.
  if (query === '') return { kind: 'rejected', query, reason: 'empty', message: 'The question is empty: type what you want to know.' };
  if ([...query].length > maxChars) {
    return {
      kind: 'rejected',
      query: query.slice(0, 200),
      reason: 'too_long',
      message: `The question is too long (${[...query].length} characters; the limit is ${maxChars}). Ask something shorter.`,
    };
  }
  // What the question is about is read without the stack frames it pastes (pasted-output); what it
  // shows as asked is the question as typed. A question that is only a trace is read whole.
  const stripped = normalizeQuestion(withoutTraces(rawQuestion));
  // A word no passage uses that the dictionary does not know either is read as the word one typo away
  // that passages use ("globaly" as globally): see spelling.
  const lexicon = options.everyday ?? everydayWords();
  const spelling = correctSpelling(stripped, lexicon, (words) => index.passagesUsing(words, options.scopes));
  const spelled = analyze(spelling.text);
  const text = spelled.length > 0 ? spelling.text : query;
  const readAs = spelling.corrections.length > 0 && spelled.length > 0 ? { readAs: spelling.corrections } : {};
  const terms = [...new Set(spelled.length > 0 ? spelled : analyze(query))];
  if (terms.length === 0) {
    return {
      kind: 'rejected',
      query,
      reason: 'no_terms',
      message: 'The question has no words to search for (only very common words or symbols). Name what you are looking for.',
    };
  }

  // 2. Rank passages and weigh each query term by its rarity in the searchable passages.
  //    Whether the question is covered at all is judged on its own words (the first pass), not on
  //    the feedback terms that only sharpen the ranking.
  const top = options.top ?? DEFAULT_TOP;
  // The first result is chosen among the same candidates however many results are asked for: with
  // --top 1 it is the first of the default three, not whichever passage happens to rank first.
  const depth = Math.max(top, DEFAULT_TOP);
  const words = options.related ?? relatedWords();
  const related = relatedTerms(text, words);
  const alsoSeek = roleTerms(text, words);
  // Leading documents enough for MAX_RELATED besides those the results cite.
  const { firstPass, ranked, prefixOnly } = index.rank(terms, options.scopes, { limit: depth * CANDIDATES_PER_RESULT, documents: MAX_RELATED + depth, alsoSeek }, related);
  // A word matched only as the start of longer words ("pip" in "pipeline") helps the ranking, but the
  // documents do not use it: for the no-match test it is unseen.
  const matches = new Map(firstPass.termMatches);
  for (const term of prefixOnly) matches.set(term, 0);
  // An identifier the documents never write whole (server.strictPort where they write strictPort)
  // is judged by its words, which are terms of the question too. An error code is a name, not its
  // words: ERR_PNPM_LOCKFILE_BREAKING_CHANGE, which the documents never write, is not covered by the
  // section on ERR_PNPM_OUTDATED_LOCKFILE, though it states "lockfile", "change" and "err".
  const wholes = identifierWholes(text);
  const codes = errorCodes(text);
  const judged = terms.filter((term) => !wholes.has(term) || codes.has(term) || (matches.get(term) ?? 0) > 0);
  const weights = termWeights(judged, matches, index.passagesIn(options.scopes));
  // A name written as one word and used whole by the documents (GitHub) is one mention of the
  // question, not three: its words (git, hub) do not count again in the no-match test. A code
  // identifier's words (allowed, hosts) still do: they say what it is about, and the documents use them.
  // So is an error code, used or not: its words (err, pnpm, lockfile) are not the asker's.
  const inWholes = partsOfUsedWholes(text, (term) => codes.has(term) || (!wholes.has(term) && (matches.get(term) ?? 0) > 0));
  const tookMs = () => Math.round((now() - started) * 100) / 100;
  const best = ranked.hits[0];
  // A word no passage uses stands covered where a passage states a word of its meaning or root
  // ("cinemas" where the documents say "film"); the final ranking sought those words.
  const standIns = standInsFor(judged.filter((term) => (matches.get(term) ?? 0) === 0), related);
  const found = new Set([...standIns].filter(([word]) => ranked.hits.some((hit) => hit.matchedTerms.includes(word))).flatMap(([, terms]) => terms));
  const missing = judged.filter((term) => (matches.get(term) ?? 0) === 0 && !found.has(term));
  // An ordinary word is one the spelling dictionary writes lowercase, or a noun WordNet knows for a
  // kind of thing: "wifi", which the dictionary only writes "WiFi".
  const everyday = { isEveryday: (token: string) => lexicon.isEveryday(token) || words.isCommonNoun(token) };
  // What the question is about (what it asks for, the kind a compound names: "what's the wifi
  // password …", "jury duty leave") is no mere phrasing: when the documents never name it, it
  // weighs in full, however ordinary the word.
  // Its verbs, adverbs and prepositions are mostly how it is asked ("how do I make pnpm go through a
  // SOCKS5 proxy?"), and weigh less, so that what no passage names (SOCKS5) counts for what it is.
  // (Tagging the question costs about 0.3 ms, so only when a word is missing.)
  const tagged = missing.length === 0 ? undefined : questionWords(text);
  const analysed = (words: Iterable<string> = []) => new Set([...words].map((token) => analyzeTerm(token)).filter((term) => term !== null));
  const focus = analysed(tagged?.focus);
  const gate = coverageWeights(text, new Map([...weights].filter(([term]) => !inWholes.has(term))), matches, everyday, missing.filter((term) => focus.has(term)), analysed(tagged?.phrasing));
  const candidates = standIns.size > 0 ? [...firstPass.hits, ...ranked.hits] : firstPass.hits;
  // A quoted message or a versioned name the documents do not hold (neither the candidates nor the
  // best passages for its own words) is not covered by its words scattered over other passages.
  const messages = quotedMessages(text);
  const versions = versionedNames(text);
  let absent = new Set<string>();
  let versionAbsent = false;
  if (messages.length > 0 || versions.length > 0) {
    const texts = candidates.map((hit) => hit.passage.text);
    const forMessages = index.rank([...new Set([...messages, ...versions].flat())], options.scopes, { limit: CANDIDATES_PER_RESULT * DEFAULT_TOP });
    for (const hit of forMessages.firstPass.hits) texts.push(hit.passage.text);
    absent = absentMessageTerms(text, messages, texts);
    // HTTP/3 where the documents only know HTTP/2: the question is about a thing they never name.
    versionAbsent = absentMessageTerms(text, versions, texts).size > 0;
  }
  // Each candidate's text is analysed once, on demand, for the coverage test, finding a pasted message,
  // near-duplicate detection and highlights.
  const analyses = new Map<number, { terms: readonly string[]; offsets: AnalyzedText | undefined }>();
  const analysisOf = (hit: Hit) => {
    let analysis = analyses.get(hit.passage.key);
    if (!analysis) {
      const offsets = analyzeWithOffsets(hit.passage.text);
      analysis = { terms: offsets?.terms ?? analyze(hit.passage.text), offsets };
      analyses.set(hit.passage.key, analysis);
    }
    return analysis;
  };
  const covers = (hit: Hit) => {
    const stated = statedTerms(hit.passage.text, hit.passage.section, gate, standIns, analysisOf(hit).terms);
    for (const term of absent) stated.delete(term);
    return coverageOf(stated, gate.weights) >= MIN_COVERAGE;
  };
  // A question most of whose words no passage uses is about something else, however ordinary they are.
  // Two of the things the question is about that no passage names ("the default ping / heartbeat
  // interval for websocket connections"): the pages speak of its surroundings, not of it. One alone
  // weighs in full in the coverage test below; alone it is often the asker's word for something
  // the pages name otherwise ("the error popup overlay", "plane tickets").
  const lackedFocus = missing.filter((term) => focus.has(term)).length;
  // A passage quoting a message the question pastes (an error line, a quoted message) answers it,
  // however much else the paste holds that no passage uses: "Error: ENOSPC: System limit for number
  // of file watchers reached" with the dev server's banner and a dump of errno, syscall and path is
  // answered by the page quoting it.
  const pasted = [...messages, ...errorMessages(text)];
  const quotes = (hit: Hit) => quotesMessage(pasted, analysisOf(hit).terms) || holdsMessage(pasted, ownHeading(hit.passage.section));
  const quoted = pasted.length > 0 && candidates.some(quotes);
  if (!best || versionAbsent || (!quoted && (lackedFocus >= 2 || missing.length * 2 > judged.length || !candidates.some(covers)))) {
    return { kind: 'no-match', query, ...readAs, related: relatedDocuments(index, firstPass.leadingDocuments), tookMs: tookMs() };
  }

  // 3. Keep the strong, distinct passages and cite them.
  const strong = ranked.hits.slice(0, depth * CANDIDATES_PER_RESULT).filter((hit) => hit.score >= best.score * MIN_RELATIVE_SCORE);
  // What may go first is judged among the candidates for the default number of results.
  const forFirst = strong.slice(0, DEFAULT_TOP * CANDIDATES_PER_RESULT);
  const distinct = dropNearDuplicates(strong, (hit) => analysisOf(hit).terms, depth);
  // The passages that may go first: the default number of distinct candidates, in ranked order, then
  // reordered below when another holds what the question asks for.
  const contenders = distinct.slice(0, DEFAULT_TOP);
  const type = answerTypeOf(text);
  // What a definition question names ("tslib"), read only for one.
  const subject = type === 'definition' ? definedSubject(text) : undefined;
  const subjectTerms = subject === undefined ? undefined : analyze(subject);
  // The role a who-question asks to fill, when the passages name it (roleTerms): its holder is the answer.
  const roles = new Set([...alsoSeek.keys()].filter((term) => strong.some((hit) => hit.matchedTerms.includes(term))));
  const partsOf = namedIdentifiers(text, wholes);
  const asked = { terms: new Set(terms), tokens: pastedWords(text), ...(partsOf.size > 0 && { partsOf }) };
  const entities = new Map<number, readonly number[]>();
  // A number, a time or an amount asked as a default is the one stated as the default.
  const ofDefault = type !== 'default' && asksDefault(text);
  const entitiesOf = (hit: Hit) => {
    let at = entities.get(hit.passage.key);
    if (!at) {
      const found = type ? answerEntities(hit.passage.text, type, asked.terms, roles) : [];
      at = ofDefault ? defaultEntities(hit.passage.text, found) : found;
      // No sentence says "X is …", but the section X heads opens by saying what it is: "A project has
      // a workspace dependency that does not exist in the workspace." under the error code asked about.
      if (at.length === 0 && subjectTerms !== undefined && headedBy(hit.passage, subjectTerms) && opensSection(index, hit.passage)) at = [leadOf(hit.passage.text, '')];
      entities.set(hit.passage.key, at);
    }
    return at;
  };
  // A question naming an identifier its documents use as a heading ("is it safe to set
  // server.allowedHosts to true?") is about that section: it goes first among those cited, over a
  // stub elsewhere that only mentions it ("See server.allowedHosts for more details"). A question
  // naming two ("will app.onError catch what my streamSSE callback throws?") asks how they meet,
  // which neither one's own section need say: there the ranking decides.
  // So is a question pasting one error code (ERR_PNPM_OUTDATED_LOCKFILE) among a log's other names:
  // the section the code heads is the answer, whatever kind of answer the log's words seem to ask for.
  const heading = codes.size === 1 ? codes : wholes;
  const named = heading.size !== 1 ? undefined : contenders.find((hit) => hit.score >= contenders[0]!.score * TYPED_SHARE && headsWith(hit.passage.section, heading));
  const pinned = named !== undefined && heading === codes;
  if (named && !headsWith(contenders[0]!.passage.section, heading)) {
    contenders.splice(contenders.indexOf(named), 1);
    contenders.unshift(named);
  }
  // A section whose heading is most of the question is what a keyword query names: "pnpm workspace
  // protocol" is answered under "Workspace protocol (workspace:)", over the saveWorkspaceProtocol
  // setting that repeats the words. The heading is two words or more as written (one, "request()" or
  // "<KeepAlive>", states too little), all of them the question's, and half its words at least: two
  // words of a long question ("Rendering an App" in "… into <body> fine when the app is
  // server-rendered?") are a coincidence. Not for a question naming two identifiers (see above).
  const titled = (hit: Hit) => {
    const heading = ownHeading(hit.passage.section);
    const own = new Set(analyze(heading));
    return typedWords(heading).length >= 2 && own.size * 2 >= asked.terms.size && [...own].every((term) => asked.terms.has(term));
  };
  if (!named && wholes.size < 2 && !titled(contenders[0]!)) {
    const match = contenders.find((hit) => hit.score >= contenders[0]!.score * TYPED_SHARE && titled(hit));
    if (match) {
      contenders.splice(contenders.indexOf(match), 1);
      contenders.unshift(match);
    }
  }
  // A section its heading says gives reasons ("The Why", "Why Vite?") answers a why-question before
  // a passage that only has a purpose phrase in passing ("… to improve page reload performance").
  // A page's opening passage sits under no heading of its own: its page's title heads it ("Option Philosophy").
  const headingOf = (hit: Hit) => ownHeading(hit.passage.section) || (index.getDocument(hit.passage.scope, hit.passage.docId)?.meta.title ?? '');
  // "Why should I use prettier?" is asked by a page's title ("Why Prettier?"), wherever the page ranks.
  const whyPage = type === 'reason' ? reasonPage(index, terms, () => analysed(questionWords(text).phrasing), options.scopes, contenders[0]!.score) : undefined;
  const headed = type === 'reason' ? (whyPage ?? contenders.concat(forFirst).find((hit) => hit.score >= contenders[0]!.score * TYPED_SHARE && givesReasons(headingOf(hit)))) : undefined;
  // The opening of the page about what a definition question names: its first sentence is the answer.
  const opening = (page: { hit: Hit; leadAt: number } | undefined) => {
    if (page) entities.set(page.hit.passage.key, [page.leadAt]);
    return page?.hit;
  };
  // A definition is sought among all the strong candidates, not only those cited: it is often in an
  // intro passage scoring a little below the passages that repeat the term. So is a quantity or a
  // time: "when does the infra on-call shift hand over?" is answered by the playbook's opening ("…
  // starting and ending on Monday 9AM UTC"), fifth of the passages on the shift. Other kinds only
  // among those cited: instructions and names are everywhere in docs, and from further down "how do
  // I install a package globally?" drew "Run pnpm rm -g <pkg>" from the page on uninstalling.
  // Asked for a default, a best passage saying what happens "by default" keeps its place, though only
  // a stated value ("Default: 5173") is highlighted: "default mode for vite build" is answered by "As
  // vite build runs a production build by default", not by another option's "(default: bundle)".
  const holdsAnswer = (hit: Hit) => entitiesOf(hit).length > 0 || (type === 'default' && saysByDefault(hit.passage.text));
  if (type && !pinned && (headed ? !givesReasons(headingOf(contenders[0]!)) : !holdsAnswer(contenders[0]!))) {
    // A candidate before the last contender that is not one was dropped as a near-duplicate of one that is.
    const examined = type === 'definition' || QUANTITIES.has(type) ? forFirst.indexOf(contenders[contenders.length - 1]!) : Infinity;
    const holder =
      headed ??
      forFirst.find((hit, i) => (i > examined || contenders.includes(hit)) && hit.score >= contenders[0]!.score * TYPED_SHARE && entitiesOf(hit).length > 0) ??
      // No passage says "X is a …": the page about X opens with what it is ("what does tslib do?").
      opening(subject === undefined ? undefined : subjectPage(index, subject, forFirst));
    if (holder) {
      const at = contenders.findIndex((hit) => hit.passage.key === holder.passage.key);
      if (at >= 0) contenders.splice(at, 1);
      contenders.unshift(holder);
    }
  }
  const yesOrNo = asksYesOrNo(text);
  const modal = yesOrNo ? analyze(askedModal(text) ?? '')[0] : undefined;
  // Section parts are joined among the default number of results, and apart among any further ones,
  // so that the first results read the same whatever the number asked for.
  const contending = new Set(contenders.map((hit) => hit.passage.key));
  const chosen = contenders.concat(distinct.filter((hit) => !contending.has(hit.passage.key))).slice(0, depth);
  const joined = joinSectionParts(chosen.slice(0, DEFAULT_TOP)).concat(joinSectionParts(chosen.slice(DEFAULT_TOP)));
  // A place freed by joining goes to the next distinct passage.
  const freed = chosen.length - joined.length;
  let filled = freed === 0 ? joined : joined.concat(dropNearDuplicates(strong, (hit) => analysisOf(hit).terms, depth + freed).filter((hit) => !chosen.includes(hit)).slice(0, freed));
  // Three results from one page: the third place goes to the best distinct passage of another page,
  // looked for among a few more candidates (spread-over-pages). The first result stays as it is.
  if (crowded(filled.slice(0, DEFAULT_TOP))) {
    const more = dropNearDuplicates(strong, (hit) => analysisOf(hit).terms, depth + freed + DEFAULT_TOP).filter((hit) => !chosen.includes(hit) && !filled.includes(hit));
    filled = [filled[0]!, ...spreadOverPages(filled[0]!, filled.slice(1).concat(more), DEFAULT_TOP - 1)];
  }
  const cited = filled.slice(0, top);
  const results = cited.map((hit, i) => {
    const question = type ? { ...asked, type, entityAt: entitiesOf(hit), ...(subjectTerms && { subject: subjectTerms }) } : yesOrNo ? { ...asked, verdictAt: verdictsAt(hit.passage.text), ...(modal && { modal }) } : asked;
    const { terms: passageTerms, offsets } = analysisOf(hit);
    return cite(index, hit, i + 1, withDerivedForms(weights, new Set(passageTerms), related), offsets, question);
  });
  const citedDocs = new Set(results.map((r) => `${r.scope}/${r.docId}`));
  return {
    kind: 'answer',
    query,
    ...readAs,
    results,
    // As weak as a result that would be dropped, a document is no more related: one matching only a
    // feedback term or "can" (1-12% of the best score) is offered for "when does my laptop arrive?".
    related: relatedDocuments(index, ranked.leadingDocuments.filter((hit) => hit.score >= best.score * MIN_RELATIVE_SCORE && !citedDocs.has(`${hit.passage.scope}/${hit.passage.docId}`))),
    matched: { passages: firstPass.total, documents: firstPass.documents },
    tookMs: tookMs(),
  };
}

/** BM25's IDF for each query term over the passages searched, from the passages each term matched. */
function termWeights(terms: readonly string[], matches: ReadonlyMap<string, number>, passages: number): Map<string, number> {
  const df = new Map<string, number>(terms.map((t) => [t, matches.get(t) ?? 0]));
  const n = Math.max(passages, 1);
  return new Map(terms.map((t) => [t, idf(n, df.get(t) ?? 0)]));
}

function cite(
  index: Engine,
  hit: Hit,
  rank: number,
  weights: ReadonlyMap<string, number>,
  analyzed: AnalyzedText | undefined,
  question: HighlightQuestion,
): Citation {
  const { passage } = hit;
  const meta = index.getDocument(passage.scope, passage.docId)?.meta;
  const heading = opensSection(index, passage) ? analyze(ownHeading(passage.section)) : [];
  const highlight = selectHighlight(passage.text, weights, analyzed, heading.length > 0 ? { ...question, heading } : question);
  return {
    rank,
    score: Math.round(hit.score * 1000) / 1000,
    scope: passage.scope,
    docId: passage.docId,
    passageId: passage.id,
    title: meta?.title ?? passage.docId,
    location: formatLocation(passage),
    ...(passage.section !== undefined && { section: passage.section }),
    paragraphStart: passage.paragraphStart,
    paragraphEnd: passage.paragraphEnd,
    lineStart: passage.lineStart,
    lineEnd: passage.lineEnd,
    text: passage.text,
    highlight: passage.text.slice(highlight.start, highlight.end),
    highlightStart: highlight.start,
    ...(meta?.url !== undefined && { url: meta.url }),
    ...(meta?.publisher !== undefined && { publisher: meta.publisher }),
    ...(meta?.date !== undefined && { date: meta.date }),
    ...(meta?.reference !== undefined && { reference: meta.reference }),
  };
}

function relatedDocuments(index: Engine, hits: readonly Hit[]): RelatedDocument[] {
  const seen = new Set<string>();
  const related: RelatedDocument[] = [];
  for (const hit of hits) {
    const key = `${hit.passage.scope}/${hit.passage.docId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const meta = index.getDocument(hit.passage.scope, hit.passage.docId)?.meta;
    if (!meta) continue;
    related.push({ scope: meta.scope, docId: meta.id, title: meta.title, ...(meta.url !== undefined && { url: meta.url }) });
    if (related.length === MAX_RELATED) break;
  }
  return related;
}

/** Whether a heading says its section gives reasons: "Why …", "The Why", "Motivation", "Rationale", "Option Philosophy". */
function givesReasons(heading: string): boolean {
  return /\b(?:why|motivation|rationale|philosophy)\b/iu.test(heading);
}

/** Whether a passage is the first of its section: the one its heading stands over. */
function opensSection(index: Engine, passage: IndexedPassage): boolean {
  if (passage.section === undefined) return false;
  if (passage.ordinal === 1) return true;
  const previous = index.documentPassages(passage.scope, passage.docId)[passage.ordinal - 2];
  return previous?.ordinal === passage.ordinal - 1 && previous.section !== passage.section;
}

/** A passage's own heading: the last of its section path ("" for none). */
function ownHeading(section: string | undefined): string {
  return section?.split(' › ').pop() ?? '';
}

/** What a heading names: a method's heading in an API reference writes its parameters ("Dispatcher.request(options[, callback])"). */
function headingName(section: string | undefined): string {
  return ownHeading(section).replace(/\([^()]*\)$/u, '').trim();
}

/** Whether a passage's own heading names `terms` (analysed): the subject a definition question names. */
function headedBy(passage: IndexedPassage, terms: readonly string[]): boolean {
  const heading = analyze(headingName(passage.section));
  return heading.length > 0 && heading.length === terms.length && heading.every((term, i) => term === terms[i]);
}

/** Whether a passage's own heading (the last of its section path) is one of the question's identifiers, written whole. */
function headsWith(section: string | undefined, identifiers: ReadonlySet<string>): boolean {
  if (section === undefined || identifiers.size === 0) return false;
  const heading = headingName(section);
  const words = typedWords(heading);
  return words.length === 1 && identifiers.has(analyze(heading)[0] ?? '');
}
