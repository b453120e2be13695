import { passageSegments } from '../passages/passage-segments.js';
import { analyze, identifierWholes, tokenize, type AnalyzedText } from '../engine/engine.js';
import type { AnswerType } from './answer-type.js';
import { bestCodeLine, isLabel, labelAsked, passageSentences, sameBlock, sameParagraph, type Sentence } from './passage-sentences.js';
import { repeatsPasted } from './pasted-words.js';

/** A highlight shorter than this reads as a fragment, so the best neighbouring sentence joins it. */
const SHORT_SENTENCE_CHARS = 80;
/**
 * A neighbour that adds query terms worth at least this share of the best sentence's score joins the
 * highlight: questions often name their subject in one sentence ("…, said Sean Spicer") and ask about
 * what the next one says ("they have to honor the commitments"). 0.4 until "say" met "said"
 * (irregular-verbs): the naming sentence then holds one more question word, and at 0.35 it is joined
 * as before; on the docs questions any share from 0.25 to 0.4 gives the same highlight scores.
 */
const NEIGHBOUR_SHARE = 0.35;
/** Scores closer than this are equal: sums of the same weights in another order differ in the last bits. */
const TIE = 1e-9;
/**
 * A sentence preferred for a cue its words match often (a "not" or "only" settling a yes/no question,
 * an instruction answering a "how do I") must hold at least this share of the best sentence's
 * question weight, or it is only a cue: "Get the request header value." is an instruction, but "When
 * c.req.header() is called with no arguments, all keys in the returned record are lowercase" answers
 * why `h['X-Foo']` is undefined. Measured on five docs question sets (two shared, three written for
 * checking): for yes/no questions 0.5 put the answer in the highlight for 5 more of 176 questions and
 * lost none (0.35, 0.4 and 0.6: 4 more); for advice, 2 more of 174 and none lost (0.3 and 0.7: the
 * same). Numbers, dates and names are no such cues: held to it as well, they lost 3.
 */
const CUE_SHARE = 0.5;
/** Two sentences longer than this no longer read as a highlight. */
const MAX_HIGHLIGHT_CHARS = 400;

export type Highlight = { start: number; end: number };

/** A sentence that opens by pointing back at the one before, or going on from it: "This will …", "To do so, …", "You can enable this behavior …", "Then you'll meet once a year", "As a result, pnpm utilizes reflinks …". */
const REFERS_BACK = /^(?:(?:\S+\s+){0,3}(?:this|these|those|such)\b|(?:it|they|then|after that|afterwards|to do (?:so|this|that)|doing so|in (?:that|this) case|otherwise|instead|as a result|therefore|thus|hence|consequently)\b)/iu;

/**
 * A sentence that turns against the one before ("However, that 1MB is the same space on the disk"):
 * it goes on from it, and joins it; it reads alone, so it does not bring the one before.
 */
const CONTRASTS = /^(?:however|but|yet)\b/iu;

/**
 * A sentence that introduces examples of what the one before it said: "This may cause errors like:",
 * "These look like:", or says what the message shows follows from it: "Passing in a relative URL /
 * will result in the following error." Not a condition ("If you see the following error:"): what
 * follows the message then says what to do.
 */
const EXAMPLE_INTRO = /^(?:this|these|that|it|they|such)\b.*:$|^(?!(?:if|when)\b).*\bthe following (?:errors?|messages?|warnings?)\b/isu;

/**
 * A sentence that sends the reader elsewhere ("See Global Packages for details.", "For more about this
 * section you can find in the Cloudflare documentation: …") says nothing itself: it holds no question
 * weight for the highlight and never joins one.
 */
const POINTER = /^(?:see|refer to|read more|learn more|for more)\b/iu;

/** Answer types whose answer is a thing named in the text (a number, a date, a name), not a statement. */
const NAMED_ENTITIES: ReadonlySet<AnswerType> = new Set(['amount', 'number', 'time', 'duration', 'name', 'place']);

/**
 * The one or two sentences of `text` that best answer the question: each sentence scores the summed
 * weight (IDF) of the distinct query terms it contains; ties go to the earlier sentence. A neighbour
 * joins when the best sentence is short, or when it adds enough of the question's missing terms.
 * With `question`, a sentence that only sets up the answer gives way to the one that follows, and a
 * question asking for a number, a time or a name prefers a sentence holding one (see chooseSentence).
 * Returns offsets into `text`, so the highlight is always verbatim. `analyzed` (the text's terms with
 * their offsets, when the caller has them) saves analysing each sentence again.
 */
export function selectHighlight(
  text: string,
  termWeights: ReadonlyMap<string, number>,
  analyzed?: AnalyzedText,
  question?: HighlightQuestion,
): Highlight {
  const segments = passageSegments(text);
  const sentences = passageSentences(text, segments, analyzed);
  const said = (sentence: Sentence) => text.slice(sentence.start, sentence.end);
  const refersBack = (sentence: Sentence) => REFERS_BACK.test(said(sentence));
  // A sentence ending in a colon leads into what follows it: a list, code, an example.
  const leadsInto = (sentence: Sentence) => said(sentence).trimEnd().endsWith(':');
  // A section that opens by pointing back ("This is currently a noop …" under "hot.decline()") points
  // at its heading: that sentence says what the heading names.
  const lead = sentences[0];
  if (lead && question?.heading && refersBack(lead)) for (const term of question.heading) lead.terms.add(term);
  if (sentences.length === 0) {
    const line = bestCodeLine(text, segments, termWeights);
    return line ? { start: line.start, end: line.end } : { start: 0, end: text.length };
  }
  // An identifier the question names and its words are one mention: a sentence naming it counts the
  // larger of the two, not both. "You can use serveStatic to serve static files" does not outweigh
  // "The root option resolves paths relative to the current working directory" asked "what is the
  // root option of serveStatic relative to?".
  const ofNamed = question?.partsOf;
  const weigh = (terms: ReadonlySet<string> | readonly string[]) => {
    let sum = 0;
    for (const term of terms) sum += termWeights.get(term) ?? 0;
    if (ofNamed === undefined) return sum;
    const all = new Set(terms);
    for (const [whole, parts] of ofNamed) {
      if (!all.has(whole)) continue;
      let partsSum = 0;
      for (const part of parts) if (all.has(part)) partsSum += termWeights.get(part) ?? 0;
      sum -= Math.min(termWeights.get(whole) ?? 0, partsSum);
    }
    return sum;
  };
  const pointer = (sentence: Sentence) => POINTER.test(said(sentence));
  const scores = sentences.map((sentence) => (pointer(sentence) ? 0 : weigh(sentence.terms)));
  // Of sentences holding as much of the question, one that opens with an identifier it names is about
  // it ("• keepAliveTimeout number - Default: 4e3 - …"); one naming it further on ("keepAliveMaxTimeout
  // … - Default: 600e3 - The maximum allowed keepAliveTimeout") is about something else.
  const opensWithNamed = (i: number) => {
    if (!ofNamed || ofNamed.size === 0) return false;
    const firstWord = said(sentences[i]!).trimStart().split(/\s/u, 1)[0] ?? '';
    const first = analyze(firstWord)[0];
    return first !== undefined && ofNamed.has(first);
  };
  // No prose sentence holds a word of the question, but the code does (`GatewayIntentBits.MessageContent`
  // asked "how do I get the message content intent?"): the code line is what matched, unless a
  // sentence says what the thing asked about is (a page's opening, see subject-page).
  const defines = question?.type === 'definition' && sentences.some((sentence) => holdsEntity(sentence, question.entityAt));
  if (scores.every((score) => score === 0) && !defines) {
    const line = bestCodeLine(text, segments, termWeights);
    if (line && line.score > 0) return { start: line.start, end: line.end };
  }
  // A label line ("Default: highest") is no answer, unless it holds what the question asks for.
  // Nor when its label names what is asked: "DMs: 18 months retention" is an entry of a list, asked "slack dm retention".
  const label = (i: number) => isLabel(text, sentences[i]!) && !holdsEntity(sentences[i]!, question?.entityAt) && !labelAsked(text, sentences[i]!, termWeights);
  const prompt = (i: number) => label(i) || (question !== undefined && isPrompt(text, sentences[i]!, question));
  const introducesExample = (i: number) => sentences[i] !== undefined && EXAMPLE_INTRO.test(said(sentences[i]!).trim());
  // What a definition question names, when no sentence names it (a README's tagline "The fastest and
  // simplest library for SQLite in Node.js." under "better-sqlite3"): the page's lead says what it is,
  // however few of the question's words it holds, and a feature line holding "better" does not.
  const subject = question?.subject;
  const leadAlone = subject !== undefined && subject.length > 0 && !sentences.some((sentence) => subject.every((term) => sentence.terms.has(term)));
  const namesThings = question?.type !== undefined && NAMED_ENTITIES.has(question.type);
  const chosenFirst = chooseSentence(sentences, scores, {
    prompt,
    label,
    captions: (i) => leadsInto(sentences[i]!),
    introducesExample,
    entityAt: question?.entityAt,
    weakCue: question?.type === 'advice',
    entityAlone: leadAlone,
    statesValue: (i) => namesThings && isLabel(text, sentences[i]!) && holdsEntity(sentences[i]!, question?.entityAt),
    fixFollows: (i) => sentences[i + 1] !== undefined && holdsEntity(sentences[i + 1]!, question?.entityAt) && sameBlock(text, sentences[i]!, sentences[i + 1]!) && !prompt(i + 1),
    onTie: opensWithNamed,
  });
  // A yes/no question is settled by the sentence saying "not", "only" or "must" about what it asks:
  // "does the csrf middleware validate GET requests?" by "… only validates requests that use unsafe
  // HTTP methods (not GET …)", over the sentence describing the middleware.
  // Unless the best sentence says the modal the question asks with, and all else the question asks
  // that the passage says: that answers it yes ("You can also use your training budget to buy books"
  // asked "can I use my training money to buy books").
  const saidHere = (term: string) => (termWeights.get(term) ?? 0) > 0 && sentences.some((sentence) => sentence.terms.has(term));
  const affirms = (sentence: Sentence, { terms, modal }: HighlightQuestion) =>
    modal !== undefined && sentence.terms.has(modal) && [...terms].filter(saidHere).every((term) => sentence.terms.has(term));
  const saysYes = question !== undefined && affirms(sentences[chosenFirst]!, question);
  const settling = question?.verdictAt && !saysYes ? settlingSentence(sentences, scores, chosenFirst, prompt, question.verdictAt) : chosenFirst;
  if (settling !== chosenFirst && Math.abs(settling - chosenFirst) === 1 && sameBlock(text, sentences[settling]!, sentences[chosenFirst]!)) {
    // Next to the best sentence, it joins it: "By default, deploy only works with … If you want to use deploy without …".
    const span = { start: sentences[Math.min(settling, chosenFirst)]!.start, end: sentences[Math.max(settling, chosenFirst)]!.end };
    if (span.end - span.start <= MAX_HIGHLIGHT_CHARS) return span;
  }
  // A verdict goes on with the limits it comes with, said next: "… or be on a board, as long as there's
  // no conflict of interest. The time commitment must be under a few hours a month."
  const limit = sentences[settling + 1];
  const verdictAt = question?.verdictAt;
  if (verdictAt && limit && holdsEntity(sentences[settling]!, verdictAt) && holdsEntity(limit, verdictAt) && !prompt(settling + 1) && sameParagraph(text, sentences[settling]!, limit)) {
    const span = { start: sentences[settling]!.start, end: limit.end };
    if (span.end - span.start <= MAX_HIGHLIGHT_CHARS) return span;
  }
  const best = settling;
  // After a pasted message the docs often say what it means ("This is because …") before what to do:
  // that sentence joins the advice (Vite's highlight 0.40 -> 0.425; nothing else moved).
  const opener = best - 1;
  if (opener > 0 && prompt(opener - 1) && !prompt(opener) && sameBlock(text, sentences[opener]!, sentences[best]!)) {
    const span = { start: sentences[opener]!.start, end: sentences[best]!.end };
    if (span.end - span.start <= MAX_HIGHLIGHT_CHARS) return span;
  }
  const bestScore = scores[best]!;
  const chosen = sentences[best]!;
  const added = (i: number) => {
    const neighbour = sentences[i];
    if (!neighbour || !sameBlock(text, chosen, neighbour) || prompt(i) || pointer(neighbour)) return -1;
    return weigh([...neighbour.terms].filter((t) => !chosen.terms.has(t)));
  };
  const [before, after] = [added(best - 1), added(best + 1)];
  const join = (neighbour: Sentence) => ({ start: Math.min(chosen.start, neighbour.start), end: Math.max(chosen.end, neighbour.end) });
  const fits = (span: Highlight) => span.end - span.start <= MAX_HIGHLIGHT_CHARS;
  // The best sentence names the subject but not what is asked; its neighbour holding that completes it.
  // When it holds a number, date or name already, a neighbour holding another and adding question words
  // joins too: "pushed out of the Yunona market, … now through smaller markets. The area around the
  // Lesnaya metro station is well-known …" asked where the discs are sold now.
  const chosenHolds = holdsEntity(chosen, question?.entityAt);
  // (added is -1 where there is no neighbour to join, so the entity test never sees a missing one.)
  const completes = (i: number) => (chosenHolds ? namesThings && added(i) > 0 : added(i) >= 0) && holdsEntity(sentences[i]!, question?.entityAt);
  const typedNeighbour = [best + 1, best - 1].find(completes);
  // The best sentence points back ("Assets in this directory will be served at root path"): the
  // sentence it points at ("… place the asset in a special public directory") leads. So it does when
  // the highlight would open with one that does: "They cannot be run directly via pnpm run" needs
  // "Scripts with names starting with . are hidden" before it (see refersBack, above).
  // A sentence that goes on from the one before it, and not one that only leads into what follows it
  // ("They are as follows:"); one leading into code that says some of what is asked goes on too ("In
  // this case, it's best to define a local data property that uses the prop as its initial value:").
  const goesOnFrom = (sentence: Sentence) =>
    (refersBack(sentence) || CONTRASTS.test(said(sentence))) && (!leadsInto(sentence) || weigh(sentence.terms) > 0);
  // A joined highlight, with the sentence its first one points at before it and the one going on from its last after it.
  const anchored = (span: Highlight): Highlight => {
    const first = sentences.findIndex((sentence) => sentence.start === span.start);
    const previous = sentences[first - 1];
    const opens = previous !== undefined && refersBack(sentences[first]!) && sameParagraph(text, previous, sentences[first]!) && !prompt(first - 1);
    const led = opens && fits({ start: previous.start, end: span.end }) ? { start: previous.start, end: span.end } : span;
    const last = sentences.findIndex((sentence) => sentence.end === led.end);
    const following = sentences[last + 1];
    const goesOn = following !== undefined && goesOnFrom(following) && sameParagraph(text, sentences[last]!, following) && !prompt(last + 1);
    return goesOn && fits({ start: led.start, end: following.end }) ? { start: led.start, end: following.end } : led;
  };
  if (typedNeighbour !== undefined && fits(join(sentences[typedNeighbour]!))) return anchored(join(sentences[typedNeighbour]!));
  const previous = sentences[best - 1];
  if (previous && sameParagraph(text, previous, chosen) && !prompt(best - 1) && refersBack(chosen) && fits(join(previous))) return join(previous);
  // The next sentence goes on from this one ("You can enable this behavior by setting …" after "you
  // might want to bundle your SSR build into a single file"): without it the highlight stops
  // mid-thought.
  const next = sentences[best + 1];
  if (next && goesOnFrom(next) && sameParagraph(text, chosen, next) && !prompt(best + 1) && fits(join(next))) return anchored(join(next));
  // The neighbour adding more of the question; on a tie the one in the same paragraph, then the next.
  const inParagraph = (i: number) => sentences[i] !== undefined && sameParagraph(text, chosen, sentences[i]!);
  const pickAfter = after >= 0 && (after > before || (after === before && (inParagraph(best + 1) || !inParagraph(best - 1))));
  const [index, gain] = pickAfter ? [best + 1, after] : before >= 0 ? [best - 1, before] : [-1, -1];
  const neighbour = sentences[index];
  if (!neighbour) return { start: chosen.start, end: chosen.end };
  const joined = join(neighbour);
  // A short sentence reads on into its own paragraph; another paragraph's sentence joins only for what it adds.
  const short = chosen.end - chosen.start < SHORT_SENTENCE_CHARS && (gain > 0 || inParagraph(index));
  const strong = bestScore > 0 && gain >= bestScore * NEIGHBOUR_SHARE;
  return (short || strong) && fits(joined) ? anchored(joined) : { start: chosen.start, end: chosen.end };
}

/** What the highlight knows of the question beyond its term weights. */
export type HighlightQuestion = {
  /** The question's analysed terms. */
  terms: ReadonlySet<string>;
  /** The question's words as typed (typedWords) that may be a message pasted into it (pastedWords), in order. */
  tokens: readonly string[];
  /** What the question asks for (answerTypeOf), when its wording says. */
  type?: AnswerType;
  /** For a yes/no question (asksYesOrNo), where the passage says what settles one (verdictsAt). */
  verdictAt?: readonly number[];
  /** For a yes/no question opening with a modal ("can I …?"), its analysed term (askedModal). */
  modal?: string;
  /** The words (analysed) of each identifier the question names, by the identifier's own term. */
  partsOf?: ReadonlyMap<string, readonly string[]>;
  /** For a definition question, the analysed words of what it names ("better-sqlite3": the name and its words). */
  subject?: readonly string[];
  /** Offsets in the passage text of entities of the type the question asks for (see answerEntities). */
  entityAt?: readonly number[];
  /** The analysed words of the heading the passage opens, when it opens its section. */
  heading?: readonly string[];
};

/** What chooseSentence reads each sentence for (see there). */
type SentenceCues = {
  prompt: (i: number) => boolean;
  label: (i: number) => boolean;
  captions: (i: number) => boolean;
  introducesExample: (i: number) => boolean;
  entityAt: readonly number[] | undefined;
  weakCue: boolean;
  entityAlone: boolean;
  statesValue: (i: number) => boolean;
  fixFollows: (i: number) => boolean;
  onTie: (i: number) => boolean;
};

/**
 * The sentence that answers: the one with the most question weight, except that
 * - a prompt (a rhetorical question, an error message the asker pasted) is what the answer follows,
 *   so the next sentence that is not one is chosen instead;
 * - when the question asks for a number, a time or a name, the best sentence holding one is preferred;
 *   so is the best instruction for a "how do I" (`weakCue`), when it holds CUE_SHARE of the best
 *   sentence's question weight.
 * `label` tells a label line among the prompts; `captions`, a sentence that ends in a colon;
 * `entityAlone`, that a sentence holding the entity counts though it holds none of the question's
 * words; `statesValue`, a label stating a value of the kind asked (the answer when no sentence holding
 * the question's words states one); `fixFollows`, that the next sentence is the instruction a
 * diagnosis leads to; `onTie`, the sentence to prefer of two holding as much of the question.
 */
function chooseSentence(sentences: readonly Sentence[], scores: readonly number[], cues: SentenceCues): number {
  const { prompt, label, captions, introducesExample, entityAt, weakCue, entityAlone, statesValue, fixFollows, onTie } = cues;
  const argmax = (allowed: (i: number) => boolean, orNone = false) => {
    let best = -1;
    // "More" by more than rounding: the same terms summed in another order must tie, and a tie goes to
    // the sentence `onTie` prefers, else to the earlier one.
    for (let i = 0; i < sentences.length; i++) {
      if (!allowed(i) || !(scores[i]! > 0 || orNone)) continue;
      const tied = best >= 0 && Math.abs(scores[i]! - scores[best]!) <= TIE;
      if (best < 0 || scores[i]! > scores[best]! + TIE || (tied && onTie(i) && !onTie(best))) best = i;
    }
    return best;
  };
  const top = argmax(() => true);
  if (top < 0) return Math.max(0, sentences.findIndex((_, i) => !prompt(i)));
  const typed = (from: number) => argmax((i) => i >= from && !prompt(i) && holdsEntity(sentences[i]!, entityAt), entityAlone);
  if (prompt(top)) {
    // "The default import returns the module.exports object … This may cause errors like: <the
    // pasted message>": the message is an example of what was said before it, and that answers.
    if (top >= 2 && introducesExample(top - 1) && !prompt(top - 2)) return top - 2;
    // The answer follows what it answers: the best sentence of the asked type after it, else the next
    // one. After a label ("maxAge: number" in a list of options), not a caption that only leads into
    // code ("Example:") and holds nothing asked: the label is then the best there is.
    // (After a pasted message, "To fix it, run:" is what to do, and is chosen.)
    // A label holds nothing asked, wherever the value asked for is: "CLI: --pool=threads" matches
    // "what's the default pool?" as much as "Pool used to run tests in.", and "Default: 'forks'",
    // above both, answers.
    const after = typed(label(top) ? 0 : top + 1);
    if (after >= 0) return after;
    for (let i = top + 1; i < sentences.length; i++) if (!prompt(i) && !(label(top) && scores[i] === 0 && captions(i))) return i;
  }
  // No sentence holding the question's words states a value of the kind asked, but an option's label
  // does: "Default: 10080 (7 days in minutes)" answers how long orphan packages are kept.
  const typedAnywhere = typed(0);
  const anywhere = typedAnywhere >= 0 ? typedAnywhere : argmax(statesValue, true);
  const plain = argmax((i) => !prompt(i));
  // The best sentence followed by an instruction is a diagnosis and its fix ("HTTPException.getResponse
  // is not aware of Context. To include headers already set in Context, you must apply them …"): it
  // leads, and the instruction joins it, over a weaker instruction elsewhere ("You can handle …").
  if (weakCue && plain >= 0 && anywhere !== plain && fixFollows(plain)) return plain;
  if (anywhere >= 0 && (!weakCue || plain < 0 || scores[anywhere]! >= scores[plain]! * CUE_SHARE)) return anywhere;
  return plain >= 0 ? plain : top;
}

/**
 * For a yes/no question: the best sentence saying what settles it, when it holds at least
 * CUE_SHARE of the chosen sentence's question weight; else the chosen sentence.
 */
function settlingSentence(sentences: readonly Sentence[], scores: readonly number[], chosen: number, prompt: (i: number) => boolean, verdictAt: readonly number[]): number {
  if (holdsEntity(sentences[chosen]!, verdictAt)) return chosen;
  let best = chosen;
  for (let i = 0; i < sentences.length; i++) {
    if (prompt(i) || !holdsEntity(sentences[i]!, verdictAt) || scores[i]! < scores[chosen]! * CUE_SHARE) continue;
    if (best === chosen || scores[i]! > scores[best]! + TIE) best = i;
  }
  return best;
}

function holdsEntity(sentence: Highlight, entityAt: readonly number[] | undefined): boolean {
  return entityAt !== undefined && entityAt.some((at) => at >= sentence.start && at < sentence.end);
}

/**
 * Whether a sentence only sets up the answer: a question, or a message the asker pasted into theirs.
 * A sentence that opens with the question's words but holds what it asks for ("Paid Family Leave for
 * Bonding with a new baby …, up to 16 weeks" asked "how long is paid family leave for bonding with a
 * new baby") is the answer, not a pasted message.
 */
function isPrompt(text: string, sentence: Sentence, question: HighlightQuestion): boolean {
  const body = text.slice(sentence.start, sentence.end).trim();
  if (body.endsWith('?')) return true;
  if (holdsEntity(sentence, question.entityAt)) return false;
  return repeatsPasted(body, question.tokens);
}

/**
 * The identifiers `question` names (their analysed terms), each with its analysed words:
 * trimTrailingSlash → trim, trail, slash. `wholes` are its identifiers, when the caller has them.
 */
export function namedIdentifiers(question: string, wholes: ReadonlySet<string> = identifierWholes(question)): Map<string, string[]> {
  const partsOf = new Map<string, string[]>();
  for (const token of tokenize(question)) {
    const [whole, ...parts] = analyze(token);
    if (whole !== undefined && wholes.has(whole) && parts.length > 0) partsOf.set(whole, parts);
  }
  return partsOf;
}

