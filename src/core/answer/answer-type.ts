/**
 * What kind of thing a question asks for, from its wording: an amount ("how much": money, a share, a
 * measure or a length of time, not a bare count), a number ("how many", "what's the oldest Safari
 * version", "which port"), a time ("when", "what year"), a length of time ("how long", "how
 * often"), a name ("who", "whose"), a place ("where": a name, a chat channel, a file or folder), or
 * advice ("how do I …", "how to …", "what now?", or a report of something failing with no question
 * word: "the dev server doesn't notice the changes"), a reason ("why"), or a definition
 * ("what is an RFC?"), or a setting's default ("cors default allowMethods", "what's pnpm's default
 * resolution mode?"). `undefined` for the rest ("which env variables …", "what is the largest …"):
 * any sentence can answer those, so the highlight goes by the question's words alone.
 */
export type AnswerType = 'amount' | 'number' | 'time' | 'duration' | 'name' | 'place' | 'advice' | 'reason' | 'definition' | 'default';

/**
 * "When" asking for a time: opening a question ("when was it released?", "when's the kickoff?") or
 * following one ("do you know when …"); in "does Vite type-check when it builds?" or "fails when lang
 * is 'en/US'. why?" it joins a clause.
 */
const WHEN_ASKS = String.raw`\bwhen(?:['’]s| (?:do|does|did|is|are|was|were|will|would|can|could|should|shall|must|may|might|has|have|had)\b)|\b(?:know|tell (?:me|us)|wonder(?:ing)?|sure|idea|find out) when\b`;
/** A question word: a question holding one asks for that, not for a fix ("I get this when I start the dev server" holds none). */
const WH_WORD = new RegExp(String.raw`\b(?:who(?:m|se)?|what|where|which|why|how)\b|${WHEN_ASKS}`, 'i');
/**
 * A condition the asker sets ("if i don't configure an expected issuer, does the jwt middleware still
 * validate the iss claim?", "do credit hours expire if I don't use them"): a failure word in it
 * supposes, it does not report, so the question is still the yes/no question it comes with.
 */
const CONDITION = /\b(?:if|unless)\b[^,.?!]*(?:,|[.?!]*\s*$)/giu;
/**
 * After a question, one opening with a negated auxiliary asks too ("do we even need SSR for SEO? don't
 * search engines run javascript these days"); it reports nothing failing. Not at the start: "Doesn't
 * work when I add a plugin" is a report.
 */
const NEGATIVE_QUESTION = /(?<=\?\s+)(?:do|does|did|is|are|ca|wo)n[’']?t\b/giu;
/** Words of a report that something does not work. */
const TROUBLE = /\b(?:error|errors|fail(?:s|ed|ing)?|failure|broken|blocked|crash(?:es|ed|ing)?|(?:does|do|is|are|did|was|were|ca|wo)n[’']?t|(?:does|do|is|are|did|can|will) not|cannot|undefined)\b/i;

/**
 * What each question word asks for. The one asked first in the question decides (answerTypeOf); of two
 * matching at the same place ("what's the earliest version"), the one listed first.
 */
const PATTERNS: ReadonlyArray<[RegExp, AnswerType]> = [
  // "How much of the repair does the company cover?" is answered by "$500 a year", not by a laptop's "2 chargers".
  [/\bhow much\b/i, 'amount'],
  [/\bhow many\b|\bwhat (?:percentage|share|amount|number)\b/i, 'number'],
  // "What's the oldest Safari version …", "which port does it use": a quantity named after what/which.
  [/\b(?:what|which)(?:['’]s| is| are| was| were)?(?: the)?(?: [\w.-]+){0,3}? (?:versions?|ports?|sizes?|limits?|prices?|costs?|ages?|rates?|percentages?|amounts?|numbers?|counts?|timeouts?)\b/i, 'number'],
  // "How early do I need to tell the people team?" asks for a lead time: "at least 30 days prior".
  [/\bhow (?:long|often|soon|early|quickly|far (?:in advance|ahead))\b/i, 'duration'],
  // "how do I fix it when I run vite" asks for a fix, not a time: its "when" joins a clause (WHEN_ASKS).
  // "… any workaround?", "is there a fix?", "what am I missing?": asking for one is asking what to do.
  [/\bhow (?:do|can|could|should|would|might) (?:i|we|you|one)\b|\bhow to\b|\bwhat (?:now|next|gives)\b|\bwhat (?:am i|are we) (?:missing|doing wrong)\b|\bwhat(?:['’]s| is) wrong\b|\bwhat (?:should|can|could|do|must|am|are) (?:i|we)(?: \w+){0,2} do\b|\b(?:any|is there an?|what(?:['’]s| is) the) (?:workaround|fix|solution)s?\b/i, 'advice'],
  // "What's the earliest day in the month I can send my invoice?" asks for a day, as "when" does.
  [new RegExp(String.raw`${WHEN_ASKS}|\bwhat (?:years?|months?|days?|dates?|times?|hours)\b|\b(?:what|which)(?:['’]s| is| are| was)? the (?:earliest|latest|soonest)\b`, 'i'), 'time'],
  [/\bwho(?:m|se)?\b/i, 'name'],
  [/\bwhere\b/i, 'place'],
  [/\bwhy\b|\bwhat (?:is|was|'s) the (?:reason|purpose|point)\b/i, 'reason'],
];

/**
 * A search-box question ending in a word for a length of time ("mentorship program length",
 * "parental leave weeks") asks how long, as "how long is the mentorship program?" does: answered by
 * "a formal 3-month commitment", not by the FAQ that repeats "mentorship program". Only lengths of
 * time: ending in a word for a quantity ("chunk size limit", "401k match rate") moved as many
 * highlights to a worse sentence as to a better one.
 */
const ENDS_IN_DURATION = /\b(?:length|duration|weeks|days|months|years|hours|minutes|expiry|expiration|lifetime)\s*\?*\s*$/i;

/**
 * "What is Queenbee?", "what's an RFC", "what are barrel files", "what does tslib do?", "what is
 * dequal for?": the question is a short name and what it is or does, nothing more.
 */
const DEFINITION =
  /^\s*what(?:(?:['’]s| is| are)\s+(?:an?\s+|the\s+)?(?<subject>[^\s?]+(?:\s+[^\s?]+){0,3}?)(?:\s+(?:used\s+)?for)?|\s+(?:does|do)\s+(?:an?\s+|the\s+)?(?<doer>[^\s?]+(?:\s+[^\s?]+){0,3}?)\s+(?:do|mean|stand for))\s*\?*\s*$/i;

/**
 * A name the asker pasted, then asks what it means: "ERR_PNPM_NO_MATCHING_VERSION_INSIDE_WORKSPACE -
 * what's this telling me?", "getting ERR_X, what does it mean?". The name is its last word before
 * the question, written as code or a message writes one (CODE_LIKE), not a plain word ("… about
 * peer deps, what does it mean").
 */
const MEANING =
  /(?<subject>[^\s,:;–—-][^\s,:;–—]*)\s*(?:[-–—:,]\s*|\s+)what(?:['’]s| is| does) (?:this|it|that)(?: (?:telling me|saying|mean|about|for))?\s*\?*\s*$/i;
/** A word written as code writes one: a digit, an underscore or a dot inside, capitals in a row or inside. */
const CODE_LIKE = /[_.\d]|\p{Lu}{2,}|\p{Ll}\p{Lu}/u;

/** The pasted name a MEANING question asks about, when it is one. */
function meaningOf(question: string): string | undefined {
  const subject = MEANING.exec(question)?.groups?.['subject'];
  return subject !== undefined && CODE_LIKE.test(subject) ? subject : undefined;
}

/**
 * A question that is one plain word ("cors", "catalogs", "rpc?"): asked what it is, as a search box is.
 * Not an identifier (`chunkSizeWarningLimit`, `ERR_PNPM_…`), whose own section answers it.
 */
const BARE_WORD = /^\s*(?<subject>\p{Ll}[\p{Ll}-]*\p{Ll}|\p{Lu}{2,})\s*\?*\s*$/u;

/** The name a definition question asks about ("tslib" of "what does tslib do?", "cors" of "cors"), as written. */
export function definedSubject(question: string): string | undefined {
  if (answerTypeOf(question) !== 'definition') return undefined;
  const groups = (DEFINITION.exec(question) ?? BARE_WORD.exec(question))?.groups;
  return groups?.['subject'] ?? groups?.['doer'] ?? meaningOf(question);
}

/**
 * A question naming a default, when no question word above says what kind of value it is ("what's
 * the default port" asks for a number), or asking what holds "out of the box".
 */
const DEFAULT = /\bdefaults?\b|\bout of the box\b/i;

/** Whether a question asks for a default ("what's the default test timeout?", whatever kind of value). */
export function asksDefault(question: string): boolean {
  return DEFAULT.test(question);
}

export function answerTypeOf(question: string): AnswerType | undefined {
  // The question word asked first decides: "why did the person who made hono start it?" asks why;
  // the "who" is the person's.
  let first: { at: number; type: AnswerType } | undefined;
  for (const [pattern, type] of PATTERNS) {
    const at = question.search(pattern);
    if (at >= 0 && (first === undefined || at < first.at)) first = { at, type };
  }
  if (first) return first.type;
  if (!WH_WORD.test(question) && !YES_NO.test(question) && ENDS_IN_DURATION.test(question)) return 'duration';
  // Before 'definition': "what's the default registry?" asks for the registry used, not what one is.
  if (DEFAULT.test(question)) return 'default';
  if (DEFINITION.test(question) || BARE_WORD.test(question) || meaningOf(question) !== undefined) return 'definition';
  // Someone reporting a failure without asking anything wants it fixed.
  if (!WH_WORD.test(question) && TROUBLE.test(question.replace(CONDITION, ' ').replace(NEGATIVE_QUESTION, ' '))) return 'advice';
  return undefined;
}

/** A clause opening with an auxiliary or modal: "does the csrf middleware validate GET requests?", "…, can I deploy without it?" */
const YES_NO = /(?:^|[.?!;,]\s+)(?:do|does|did|can|could|is|are|was|were|will|would|should|must|may|has|have|am)\b/i;
/** "Is there a sabbatical policy?", "do we get a laptop?": answered by what there is, not by a "not" or an "only". */
const EXISTENCE = /\b(?:is|are) there\b|\b(?:do|does) \w+ (?:have|get|offer|provide)\b(?! to)/i;

/**
 * Whether a question asks for a yes or a no about something ("can RegExpRouter handle every route
 * pattern?"), and nothing of a kind answerTypeOf names. Its answer is the sentence that settles it,
 * which often says "not", "only" or "must" ("RegExpRouter doesn't support all routing patterns").
 */
export function asksYesOrNo(question: string): boolean {
  return answerTypeOf(question) === undefined && YES_NO.test(question) && !EXISTENCE.test(question);
}

/** A yes/no question's opening modal: "can I use my training money to buy books?" */
const MODAL_OPENING = /(?:^|[.?!;,]\s+)(can|may|must|will)\b/i;

/**
 * The modal a question (a yes/no one, see asksYesOrNo) opens with or opens a clause with ("can",
 * "may", "must", "will"), lowercased: a sentence saying it of what the question asks answers yes
 * ("You can also use your training budget to buy books"). Other auxiliaries ("does", "is") say
 * nothing of the answer.
 */
export function askedModal(question: string): string | undefined {
  return MODAL_OPENING.exec(question)?.[1]?.toLowerCase();
}
