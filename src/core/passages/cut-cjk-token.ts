/**
 * Chinese and Japanese write sentences without spaces between them, so a whole CJK paragraph is one
 * whitespace token to the splitters. This cuts such a token into pieces the splitters can treat as
 * words glued together: after each sentence-final mark, and (for passages) within a character bound.
 */

/** Sentence-final marks of Chinese and Japanese: 。！？； in full width, and the half-width ｡ (U+FF61). */
const SENTENCE_END = new Set(['。', '！', '？', '；', '｡', '．']);

/** Closing quotes and brackets that stay with the sentence they end (「…。」, “…。”, （…。）). */
const CLOSERS = new Set(['」', '』', '）', '】', '〉', '》', '”', '’', '"', "'", ')', ']']);

/** Han, kana or Hangul: scripts whose runs may be far longer than a passage without a space. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** CJK punctuation and full-width forms (、。「」，！): part of a CJK run too. */
const CJK_PUNCTUATION = /[\u3000-\u303F\uFF00-\uFFEF]/u;

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/**
 * A token written in Chinese or Japanese: at least half its characters are CJK letters or punctuation.
 * Anything else (a URL, a hash, a word with one kanji in it) is a token never to cut.
 */
export function isCjkRun(token: string): boolean {
  let cjk = 0;
  let all = 0;
  for (const char of token) {
    all += 1;
    if (CJK.test(char) || CJK_PUNCTUATION.test(char)) cjk += 1;
  }
  return cjk * 2 >= all;
}

/** True when `token` ends a CJK sentence: a mark from SENTENCE_END, then closers only. */
export function endsCjkSentence(token: string): boolean {
  let end = token.length;
  while (end > 0 && CLOSERS.has(token[end - 1]!)) end--;
  return end > 0 && SENTENCE_END.has(token[end - 1]!);
}

/**
 * Pieces of `token`, in order, that join back into it: cut after every sentence-final mark (and its
 * closers) that is not at the token's end, then, with `maxChars`, any piece longer than that cut every
 * `maxChars` code units, never between the two halves of a surrogate pair. Linear in the token.
 */
export function cutCjkToken(token: string, maxChars = Number.POSITIVE_INFINITY): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (let i = 0; i < token.length; i++) {
    if (!SENTENCE_END.has(token[i]!)) continue;
    let end = i + 1;
    while (end < token.length && (SENTENCE_END.has(token[end]!) || CLOSERS.has(token[end]!))) end++;
    if (end < token.length) {
      pushBounded(pieces, token.slice(start, end), maxChars);
      start = end;
    }
    i = end - 1;
  }
  pushBounded(pieces, token.slice(start), maxChars);
  return pieces;
}

function pushBounded(pieces: string[], piece: string, maxChars: number): void {
  let start = 0;
  while (piece.length - start > maxChars) {
    let end = start + Math.max(1, Math.floor(maxChars));
    const high = piece.charCodeAt(end - 1);
    if (high >= 0xd800 && high <= 0xdbff && end - 1 > start) end -= 1;
    pieces.push(piece.slice(start, end));
    start = end;
  }
  if (start < piece.length) pieces.push(piece.slice(start));
}
