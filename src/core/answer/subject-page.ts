import { folderOfPageId } from '../documents/folder-page.js';
import { slugify } from '../documents/slugify.js';
import type { Scope } from '../documents/document.js';
import { analyze, type Engine, type Hit, type IndexedPassage } from '../engine/engine.js';
import { isLabelLine } from './passage-sentences.js';

/**
 * For a question asking what something is or does ("what does tslib do?", "what is fdir?"), the page
 * about it among the candidates' documents: the one titled by that name, or a folder's own page
 * (`fdir/README.md`, id `fdir-readme`) for it, or else the only one whose title starts with it ("CORS
 * Middleware" for "cors"). Its opening prose says what the thing is, as a README's or an
 * encyclopedia's lead does, where its passages that repeat the name most are install commands and
 * code. The opening is returned as a hit at its document's best candidate score, with where its
 * prose starts (`leadAt`: the highlight's place); undefined when no candidate document is that page,
 * or the page has no prose.
 */
export function subjectPage(index: Engine, subject: string, candidates: readonly Hit[]): { hit: Hit; leadAt: number } | undefined {
  const slug = slugify(subject);
  // Titles are compared by their words as analysed, so that a page titled "Child loggers" is the one
  // about what "what is a child logger?" asks.
  const words = analyze(subject);
  if (words.length === 0) return undefined;
  const named = words.join(' ');
  const best = new Map<string, Hit>();
  for (const hit of candidates) {
    const key = `${hit.passage.scope}\u0000${hit.passage.docId}`;
    if (!best.has(key)) best.set(key, hit);
  }
  const pages = [...best.values()].flatMap((hit) => {
    const meta = index.getDocument(hit.passage.scope, hit.passage.docId)?.meta;
    return meta ? [{ hit, title: meta.title, titleWords: titleWordsOf(meta) }] : [];
  });
  const page =
    pages.find(({ hit, titleWords }) => titleWords === named || folderOfPageId(hit.passage.docId) === slug) ??
    onlyOne(pages.filter(({ titleWords }) => titleWords.startsWith(`${named} `)));
  if (!page) return undefined;
  const { hit, title } = page;
  const opening = openingOf(index, hit.passage.scope, hit.passage.docId);
  if (!opening) return undefined;
  return { hit: { passage: opening, score: hit.score, matchedTerms: hit.matchedTerms }, leadAt: leadOf(opening.text, title) };
}

/**
 * For a why-question about a thing and nothing more ("why should I use prettier?", "why vite?"), the
 * one page of `scopes` whose title asks it ("Why Prettier?"), as a hit at `score`: its opening gives
 * the reasons. By its words such a page ranks nowhere: "why" is no search term, and the thing's name
 * is on every page of its own docs. The question's other terms may only say how it is asked
 * (`phrasing`: "use", "choose"); "why does prettier break long strings?" asks something the page
 * need not say.
 */
export function reasonPage(index: Engine, terms: readonly string[], phrasing: () => ReadonlySet<string>, scopes: readonly Scope[], score: number): Hit | undefined {
  const asked = new Set(terms);
  const page = onlyOne(whyPages(index).filter((page) => scopes.includes(page.scope) && page.words.every((word) => asked.has(word))));
  if (!page) return undefined;
  const how = phrasing();
  if (!terms.every((term) => page.words.includes(term) || how.has(term))) return undefined;
  const opening = openingOf(index, page.scope, page.id);
  return opening && { passage: opening, score, matchedTerms: page.words };
}

/** A title that asks why: "Why Prettier?", "Why Vite". */
const WHY_TITLE = /^\s*why\b/iu;

type WhyPage = { scope: Scope; id: string; words: readonly string[] };
const whyPagesOf = new WeakMap<Engine, { revision: number; pages: WhyPage[] }>();

/**
 * The pages whose title asks why of something ("Why Prettier?", not a bare "Why?"), with their titles'
 * analysed words, found once per revision of the index: a scan of every title took 2.2 ms per
 * why-question at 200,000 passages (20,000 documents).
 */
function whyPages(index: Engine): WhyPage[] {
  const known = whyPagesOf.get(index);
  if (known?.revision === index.revision) return known.pages;
  const pages: WhyPage[] = [];
  for (const { meta } of index.allDocuments()) {
    const words = WHY_TITLE.test(meta.title) ? analyze(meta.title) : [];
    if (words.length > 0) pages.push({ scope: meta.scope, id: meta.id, words });
  }
  whyPagesOf.set(index, { revision: index.revision, pages });
  return pages;
}

/** A page's first passage with prose in it (the engine keeps a page's passages in order): its opening. */
function openingOf(index: Engine, scope: Scope, id: string): IndexedPassage | undefined {
  return index.documentPassages(scope, id).find((passage) => proseWords(passage.text) >= MIN_PROSE_WORDS);
}

/**
 * The one item of a list, or none. A page whose title only starts with the name ("CORS Middleware"
 * for "cors") is the page about it when it is the only such candidate: where many are ("pnpm add",
 * "pnpm star"), the name is the site's, and none of them is about it.
 */
function onlyOne<T>(items: readonly T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined;
}

/**
 * Where the prose of an opening starts: its first word outside code, past the title a README's HTML
 * header repeats and past label lines ("Extends: `undici.Dispatcher`" above "A `undici.Dispatcher` that
 * allows to automatically retry a request.").
 */
export function leadOf(text: string, title: string): number {
  const prose = outsideCode(text);
  let start = Math.max(0, prose.search(/\p{L}/u));
  if (prose.startsWith(title, start)) {
    const after = prose.slice(start + title.length).search(/\p{L}/u);
    if (after >= 0) start += title.length + after;
  }
  for (;;) {
    const lineEnd = prose.indexOf('\n', start);
    if (lineEnd < 0 || !isLabelLine(prose.slice(start, lineEnd))) return start;
    const next = prose.slice(lineEnd).search(/\p{L}/u);
    if (next < 0) return start;
    start = lineEnd + next;
  }
}

/** The words of a passage outside its code blocks. */
function proseWords(text: string): number {
  return outsideCode(text).match(/\p{L}{2,}/gu)?.length ?? 0;
}

/** The text with each code block blanked out, at the same length, so that offsets still hold. */
function outsideCode(text: string): string {
  return text.replace(/```[^]*?(?:```|$)/gu, (code) => ' '.repeat(code.length));
}

/** A title's words as analysed, without a kind label, per document (its metadata object), worked out once. */
function titleWordsOf(meta: { title: string }): string {
  let words = TITLE_WORDS.get(meta);
  if (words === undefined) {
    words = analyze(meta.title.replace(KIND_LABEL, '')).join(' ');
    TITLE_WORDS.set(meta, words);
  }
  return words;
}

const TITLE_WORDS = new WeakMap<object, string>();

/** What an API reference's title says a page documents before its name: "Class: RetryAgent", "Module: fs". */
const KIND_LABEL = /^\s*(?:class|interface|module|function|type|enum|namespace|package|component|hook)\s*:\s*/iu;

/** Fewer words than this outside code are a label or a caption ("Installation", "sh:"), not a lead. */
const MIN_PROSE_WORDS = 3;
