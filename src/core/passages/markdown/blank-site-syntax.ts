import { FENCE, splitKeepingEndings } from './find-containers.js';

/**
 * Syntax a Markdown site reads but no reader sees as words, blanked before the parse (blankTemplateTags
 * below), and two GFM marks that CommonMark leaves as text: a footnote reference ("pins the
 * version[^1]", its definition "[^1]: Since v2." read as the note's text) and a task list's box ("- [x]
 * ship it" read "ship it").
 */
export function blankSiteSyntax(markdown: string): string {
  return blankTemplateTags(markdown, (line) => {
    // A mark that opens the line's text moves to its end as spaces: blanked in place, its spaces
    // would indent what follows into a code block.
    const opening = TASK_BOX.exec(line) ?? FOOTNOTE_LABEL.exec(line);
    const moved = opening ? opening[1]! + line.slice(opening[0].length) + blank(opening[0].slice(opening[1]!.length)) : line;
    return moved.replace(FOOTNOTE_REFERENCE, blank);
  });
}

/** A task list item's box after its bullet (kept): "- [ ] ", "* [x] ", "1. [X] ". */
const TASK_BOX = /^(\s*(?:[-*+]|\d{1,9}[.)])\s+)\[[ xX]\]\s+/u;
/** A footnote definition's label (its indent kept): "[^1]: ". */
const FOOTNOTE_LABEL = /^(\s{0,3})\[\^[^\]\s]{1,100}\]:\s*/u;
/** A footnote reference: "[^1]". */
const FOOTNOTE_REFERENCE = /\[\^[^\]\s]{1,100}\]/gu;

/**
 * Template tags of static site generators (Jekyll, Eleventy, Hugo, Nunjucks): `{% page "/leave/" %}`,
 * `{% image "a.png" "alt" %}`, `{{ site.baseurl }}`, `{{< ref "x" >}}`, `{# note #}`; and the
 * attribute lists they read after a heading or a paragraph (Docusaurus, MkDocs, Pandoc, kramdown):
 * `### Using pnpm {#using-pnpm}`, `{: .note}`, `{.wide}`. The site fills them in or reads them before
 * anyone reads the page, so they are no words of it: read as text, "[Overtime and comp
 * time]({% page "/travel-and-leave/overtime/" %}): Yes." was quoted as an answer, template and all,
 * and pnpm's sections were cited as "Using a standalone script {#pnpm-12-using-a-standalone-script}".
 * Blanked with as many spaces (line breaks kept), so every position in the page stays where it was and
 * a link whose target was a tag keeps its label: `[Overtime]({% page "/overtime/" %})` is a link to
 * nowhere, read "Overtime". What `{% comment %}` … `{% endcomment %}` encloses is blanked too: a site
 * never shows it. Code is left alone (fenced blocks and `inline code`): a page about templates shows
 * its tags there. `alsoBlank` blanks what else a piece of a line outside code holds.
 */
function blankTemplateTags(markdown: string, alsoBlank: (line: string) => string): string {
  if (!markdown.includes('{') && !markdown.includes('[')) return markdown;
  // The front matter is YAML, read as such: its values are the page's metadata.
  const front = FRONT_MATTER.exec(markdown)?.[0] ?? '';
  let fence: string | undefined;
  let inComment = false;
  // Lines left of a tag that goes on over several ("{% include "step-indicator.html"\nsteps: …\n
  // hide_steps: … %}"), counted down to the line that closes it.
  let inTag = 0;
  let out = front;
  const lines = splitKeepingEndings(markdown.slice(front.length));
  for (const [index, { text, ending }] of lines.entries()) {
    if (inTag > 0) {
      inTag--;
      const close = inTag === 0 ? text.indexOf('%}') + 2 : text.length;
      out += blank(text.slice(0, close)) + blankTags(text.slice(close), alsoBlank) + ending;
      continue;
    }
    const fenceMarker = FENCE.exec(text)?.[1];
    if (!inComment && (fence !== undefined || fenceMarker)) {
      const closes = fence !== undefined && fenceMarker !== undefined && fenceMarker[0] === fence[0] && fenceMarker.length >= fence.length;
      fence = fence === undefined ? fenceMarker : closes ? undefined : fence;
      out += text + ending;
      continue;
    }
    let line = '';
    let rest = text;
    while (rest !== '') {
      if (inComment) {
        const end = END_COMMENT.exec(rest);
        const upTo = end ? end.index + end[0].length : rest.length;
        line += blank(rest.slice(0, upTo));
        rest = rest.slice(upTo);
        if (end) inComment = false;
        continue;
      }
      const start = START_COMMENT.exec(rest);
      const head = start ? rest.slice(0, start.index) : rest;
      line += blankTags(head, alsoBlank);
      if (!start) {
        // A tag opened on this line and closed on a later one, with no blank line between.
        const open = line.lastIndexOf('{%');
        const closing = open < 0 || line.includes('%}', open) || line.slice(open).includes('`') ? -1 : tagCloseLine(lines, index);
        if (closing > 0) {
          line = line.slice(0, open) + blank(line.slice(open));
          inTag = closing;
        }
        break;
      }
      line += blank(start[0]);
      rest = rest.slice(start.index + start[0].length);
      inComment = true;
    }
    out += line + ending;
  }
  return out;
}

/** A tag over several lines is short as well: closed within this many lines after its first. */
const MAX_TAG_LINES = 12;

/**
 * How many lines after line `index` the tag opened there closes ("%}"), or -1 when none does within
 * MAX_TAG_LINES, before a blank line or a line opening another tag: then "{%" was no tag.
 */
function tagCloseLine(lines: ReadonlyArray<{ text: string }>, index: number): number {
  for (let ahead = 1; ahead <= MAX_TAG_LINES && index + ahead < lines.length; ahead++) {
    const text = lines[index + ahead]!.text;
    const close = text.indexOf('%}');
    if (close >= 0) return text.lastIndexOf('{%', close) < 0 ? ahead : -1;
    if (text.trim() === '' || text.includes('{%')) return -1;
  }
  return -1;
}

const FRONT_MATTER = /^---[ \t]*\r?\n(?:[^]*?\r?\n)?---[ \t]*(?:\r?\n|$)/u;
/**
 * A tag is short: bounded, an unclosed "{%" is given up on after 300 characters, so that a line of
 * "{%{%{%…" costs a scan of that much from each, not of the rest of the line (a 400 KB one took 10 s).
 */
const TAG = /\{%[^\n]{0,300}?%\}|\{\{<[^\n]{0,300}?>\}\}|\{\{%[^\n]{0,300}?%\}\}|\{\{[^\n]{0,300}?\}\}|\{#[^\n]{0,300}?#\}|\{#[\w:.-]{1,100}\}|\{:[^{}\n]{0,300}\}|\{(?:\s{0,10}[.#][\w-]{1,100}){1,10}\s{0,10}\}/gu;
const START_COMMENT = /\{%-?\s*comment\s*-?%\}/u;
const END_COMMENT = /\{%-?\s*endcomment\s*-?%\}/u;
/** An inline code span: a run of backticks, then anything up to the same run. */
const CODE_SPAN = /(`{1,16})[^\n]{0,2000}?\1/gu;

/**
 * The tags of one piece of a line blanked, outside its inline code spans, and what `alsoBlank` blanks
 * (not in a piece holding inline code, whose brackets may be code: `arr[^1]`).
 */
function blankTags(piece: string, alsoBlank: (line: string) => string): string {
  const text = piece.includes('[') && !piece.includes('`') ? alsoBlank(piece) : piece;
  if (!text.includes('{')) return text;
  const code: Array<[number, number]> = [...text.matchAll(CODE_SPAN)].map((match) => [match.index, match.index + match[0].length]);
  // Tags come in order of their offsets, as the spans do: one walk over both.
  let span = 0;
  return text.replace(TAG, (tag, at: number) => {
    while (span < code.length && code[span]![1] <= at) span++;
    const inCode = span < code.length && code[span]![0] <= at;
    return inCode ? tag : blank(tag);
  });
}

function blank(text: string): string {
  return ' '.repeat(text.length);
}
