/**
 * Lexicon of web page chrome: the words and shapes of widgets, menus, banners and site instructions
 * that scrapers leave around an article. Deliberately about the web in general, not about one site.
 *
 * Three strengths, because the cost of a false positive differs:
 * - strong: a whole short line that is a widget ("Share This", "Pin It on Pinterest", "A B C D …",
 *   "Ir a español", an image caption between pipes). Never prose, dropped wherever it is.
 * - medium: sentences in which the site addresses the reader about itself ("If you are new to these
 *   pages, please read…", "See also the FAQs", "What are these?"). Prose could quote such a sentence, so
 *   the detector drops it only when it is not surrounded by article text.
 * - weak: describes page layout ("the top box shows…"); only stops a line from counting as sure content,
 *   its fate is then decided by its neighbours.
 */

import { charClass, trimWhere } from './trim-where.js';

export type CueStrength = 'strong' | 'medium' | 'weak';

export interface ChromeCue {
  strength: CueStrength;
  /** Short name of the matched cue, for review of what was dropped and why. */
  cue: string;
}

type Rule = readonly [cue: string, pattern: RegExp];

/** Whole-line widgets, matched against the line lowercased and stripped of edge punctuation. */
const STRONG_LINES: readonly Rule[] = [
  ['share', /^share(?: this)?(?: (?:post|article|story|page|link))?(?: (?:on|via|with)(?: [\p{L}+.]+)?)?$/u],
  ['share', /^(?:pin it(?: on pinterest)?|tweet(?: this)?|e-?mail this(?: (?:article|story|page))?)$/u],
  ['share', /^(?:(?:facebook|twitter|linkedin|reddit|whatsapp|pinterest|telegram|tumblr|digg|e-?mail|copy link)[\s,|]*){1,}$/u],
  ['print', /^(?:print(?: this)?(?: (?:article|story|page))?|printer[- ]friendly(?: version)?)$/u],
  ['bookmark', /^bookmark(?: (?:this|with|this page|us))?$/u],
  ['follow', /^follow us(?: on [\p{L} ,&]+)?$/u],
  ['account', /^(?:subscribe|sign up|sign in|log in|login|log out|logout|register|my account|create (?:an )?account)(?: (?:now|here|today))?$/u],
  ['skip-link', /^(?:skip to (?:main )?(?:content|navigation|main)|(?:jump|back|return) to (?:top|navigation|content)|(?:toggle|main) (?:navigation|menu))$/u],
  ['control', /^(?:menu|home|search|close|dismiss|got it|no thanks|accept(?: all)?(?: cookies)?|next|previous|prev|older posts|newer posts|load more|show more|view all|see all)$/u],
  ['dismiss', /^(?:don'?t|do not) show (?:this|me this|this message) again$/u],
  ['advert', /^(?:advertisement|advertising|sponsored(?: content)?|ads?|promoted)$/u],
  ['browse', /^browse(?: (?:by|all|latest|our|the|more))?(?: [\p{L}\p{N}-]+){0,3}$/u],
  ['legal', /^(?:terms(?: of (?:use|service))?|privacy(?: policy)?|cookie (?:policy|settings)|contact us|about us|sitemap|site map|faqs?)$/u],
  ['comments', /^(?:\d+ comments?|comments?(?: \(\d+\))?|leave a (?:comment|reply)|(?:post|add) a comment)$/u],
  ['donate', /^(?:donate(?: now)?|support us)$/u],
  ['page-number', /^(?:page|p\.|pg\.?)\s*\d+(?:\s*(?:of|\/)\s*\d+)?$/u],
];

/** Widgets that could also be a subheading of an article: dropped only outside article text. */
const MEDIUM_LINES: readonly Rule[] = [
  ['widget-help', /^(?:what are these|what'?s this|what is this)$/u],
  ['read-more', /^(?:read more|continue reading|read the full (?:story|article)|more info(?:rmation)?|click here.*)$/u],
  ['related', /^(?:related|recommended|most popular|trending|latest|more)(?: [\p{L}]+)? (?:articles|stories|posts|links|news|videos|reads)$/u],
];

const LANGUAGES =
  'español|espanol|english|inglés|français|francais|deutsch|italiano|português|portugues|русский|' +
  'polski|nederlands|türkçe|中文|日本語|한국어|العربية|spanish|french|german|italian|portuguese';

/** "Ir a español", "Switch to English": an imperative language switch. */
const LANGUAGE_SWITCH = new RegExp(
  `^(?:ir a|go to|switch to|read in|leer en|lire en|ver en|view in|auf|en)(?: la versión en)? (?:${LANGUAGES})$`,
  'u',
);

/** "CNET también está disponible en español.", "This page is also available in English." */
const LANGUAGE_BANNER = new RegExp(
  `\\b(?:también está disponible|also available|est également disponible|ist auch auf|disponible) (?:en|in|auf) (?:${LANGUAGES})\\b`,
  'u',
);

/** Words naming parts of a website; "please" plus one of these is the site talking to its reader. */
const SITE_WORDS =
  /\b(?:pages?|site|website|web site|links?|faqs?|article|click|button|menu|comments?|browser|cookies?|newsletter|subscribe|account|log ?in|sign ?in|social network\w*|hash ?tags?|javascript|bookmark\w*)\b/u;

const MEDIUM_SENTENCES: readonly Rule[] = [
  ['site-instructions', /\bif you (?:are new|find|have (?:any )?(?:questions|comments)|enjoy(?:ed)? this|like(?:d)? this)\b/u],
  ['faq', /\bfaqs?\b/u],
  ['cookies', /\b(?:we use cookies|(?:site|website) uses cookies|accept (?:all )?cookies|cookie (?:policy|settings))\b/u],
  ['newsletter', /\b(?:sign up for|subscribe to) (?:our|the) (?:newsletter|mailing list|feed|channel)\b/u],
  ['click-here', /\bclick (?:here|the (?:link|button))\b/u],
  ['comment-policy', /\b(?:comment policy|comments are (?:closed|moderated)|your email address will not be published)\b/u],
  ['legal', /\b(?:all rights reserved|terms of (?:use|service)|privacy policy)\b/u],
];

/** Layout talk ("the top box shows…", "browse by origin"): not chrome by itself, but not sure content. */
const WEAK_SENTENCES: readonly Rule[] = [
  ['layout', /\b(?:top|bottom|middle|left|right|upper|lower)(?:-hand)? (?:box|bar|panel|menu|column|corner|pane|sidebar|tab)\b/u],
  ['layout', /\b(?:browse by|scroll (?:down|up)|the (?:button|sidebar|toolbar|navigation bar))\b/u],
];

/** "A B C D E …": an alphabetical index. 5 to 40 tokens, nearly all distinct single letters. */
function isLetterRun(tokens: readonly string[]): boolean {
  if (tokens.length < 5 || tokens.length > 40) return false;
  const single = tokens.filter((token) => /^(?:\p{L}|#|0-9)$/u.test(token));
  return single.length / tokens.length >= 0.8 && new Set(single).size / single.length >= 0.8;
}

/** Stripped from the ends of a line before it is matched against the lexicon. */
const EDGE = charClass(/[\s\p{P}\p{S}]/u);
const SPACE = charClass(/\s/u);

/**
 * Image captions and pull quotes as scrapers render them: text glued to a pipe at one or both edges
 * (" US firms had sought damages from the Russian-based site |"). A table row has inner pipes too.
 */
function isPipeCaption(line: string): boolean {
  const opened = line.replace(/^\|\s*/u, '');
  // By hand, not /\s*\|$/: that is quadratic on a long run of spaces not followed by a pipe.
  const inner = opened.endsWith('|') ? trimWhere(opened.slice(0, -1), SPACE, 'end') : opened;
  return inner !== line && inner.length > 0 && !inner.includes('|');
}

/** "Home | News | Sport | Tech": menus of short items joined by separators. */
function isSeparatorMenu(line: string): boolean {
  if (/^[|•·]|[|•·]$/u.test(line)) return false;
  const items = line.split(/\s[|•·»›]\s/u);
  return items.length >= 3 && items.every((item) => item.trim().split(/\s+/u).length <= 3);
}

/** Classifies one paragraph candidate (whitespace already collapsed) by its chrome cues, if any. */
export function chromeCue(text: string): ChromeCue | null {
  const line = text.trim();
  if (line.length === 0) return null;
  const lower = line.toLowerCase().replace(/[’‘]/gu, "'");
  const bare = trimWhere(lower, EDGE);
  const tokens = bare.split(/\s+/u);
  const short = tokens.length <= 12;

  if (isPipeCaption(line)) return { strength: 'strong', cue: 'caption' };
  if (short && isSeparatorMenu(line)) return { strength: 'strong', cue: 'menu' };
  if (isLetterRun(tokens)) return { strength: 'strong', cue: 'letter-index' };
  if (short && /\blogo$/u.test(bare)) return { strength: 'strong', cue: 'logo' };
  if (short && LANGUAGE_SWITCH.test(bare)) return { strength: 'strong', cue: 'language-switch' };
  if (short) {
    for (const [cue, pattern] of STRONG_LINES) if (pattern.test(bare)) return { strength: 'strong', cue };
    for (const [cue, pattern] of MEDIUM_LINES) if (pattern.test(bare)) return { strength: 'medium', cue };
    if (LANGUAGE_BANNER.test(lower)) return { strength: 'medium', cue: 'language-banner' };
  }
  if (/\bplease\b/u.test(lower) && SITE_WORDS.test(lower)) return { strength: 'medium', cue: 'site-instructions' };
  if (/\b(?:these|this) (?:pages|web ?site|site|page)\b/u.test(lower) && /\b(?:you|your|please)\b/u.test(lower)) {
    return { strength: 'medium', cue: 'site-instructions' };
  }
  for (const [cue, pattern] of MEDIUM_SENTENCES) if (pattern.test(lower)) return { strength: 'medium', cue };
  for (const [cue, pattern] of WEAK_SENTENCES) if (pattern.test(lower)) return { strength: 'weak', cue };
  return null;
}
