/**
 * VitePress-style containers (`::: tip Title` … `:::`, nested with more colons) and pymdownx blocks
 * (`/// tip | Title` … `///`), MkDocs admonitions and GitHub alerts (ADMONITION, ALERT below), lines
 * holding only closing MDX component tags (`</Tabs>`, `<IntroductionTab client:load />`) and snippet
 * imports (`<<< ./deploy.yaml#content`, `--8<-- "file.md"`), in a line pre-pass.
 *
 * Why not micromark-extension-directive? It parses `:::tip[Title]` (no space, title in brackets) and
 * reads `::: tip Title` as a paragraph, which is the form docs sites write. So marker lines are found
 * here, outside fenced code (a page about containers shows them in fences), and blanked before the
 * parse: the content between them is still parsed as Markdown, at its own line numbers. Fences are
 * followed line by line rather than taken from a first parse because parsing twice doubled the time.
 *
 * Component tag lines are blanked for the same reason: MDX ends a component's tag at its line, but
 * CommonMark reads a tag line as an HTML block running on to the next blank line, so
 * "<IntroductionTab />" directly above "## The T3 Stack" swallowed the heading as text.
 *
 * A snippet import stands for code kept in another file, which the page does not hold: read as text,
 * "<<< ./static-deploy-github-pages.yaml#content [.github/workflows/deploy.yml]" became the sentence
 * Vite's GitHub Pages section was highlighted by.
 */

export type Container = {
  /** 1-based line of the opening marker. */
  open: number;
  /**
   * 1-based line of the closing marker; one past the last line when it is never closed. An
   * admonition (MkDocs) has no closing marker: its content is its indented lines, and this is the
   * line after them, which is not blanked.
   */
  close: number;
  /** Whether `close` is a marker line of its own (`:::`), blanked with the opening one. */
  closeMarker: boolean;
  /** "Tip: Title", or the type capitalised ("Warning") when there is no title. */
  label: string;
};

/**
 * A container's marker line: VitePress's `::: tip Title`, or Python-Markdown's blocks (pymdownx),
 * `/// tip | Title`, which FastAPI's docs write; a marker alone closes the last one opened with the
 * same character. Indented as deep as it likes: inside a list item (Vue's docs put a `:::tip` under
 * an item, four spaces in), where the marker read as text, ":::tip Vue - Official replaces Vetur".
 */
const MARKER = /^\s*(:{3,}|\/{3,})\s*([A-Za-z][\w-]*)?\s*(?:\|\s*)?(.*)$/u;

/** A code fence's opening or closing marker. */
export const FENCE = /^\s*(`{3,}|~{3,})/u;

/**
 * A line of nothing but JSX components that close (`</TabItem>`, `<Badge text="new" />`, `</>`):
 * capitalised names, never HTML's lowercase ones, which CommonMark reads as intended. An opening tag
 * (`<TabItem value="npm">`) is left to CommonMark: blanked, the indented text inside it would read as code.
 */
const COMPONENT_TAGS = /^\s*(?:(?:<\/(?:[A-Z][\w.:-]*)?|<[A-Z][\w.:-]*(?:\s[^<>]*)?\/)>\s*)+$/u;

/**
 * A component tag written over several lines, its props one per line (MDX: `<CarbonComparison` …
 * `labels={{ … }}` … `/>`): its first line opens the tag and closes nothing. Read as text, the props
 * became a sentence of the passage.
 */
const OPEN_TAG = /^\s*<[A-Z][\w.:-]*(?:\s[^<>]*)?$/u;
/** Props are few: a tag not closed within this many lines is no tag. */
const MAX_TAG_LINES = 40;

/** The 0-based index of the line closing the tag opened at `index` (ending in ">"), before a blank line; undefined when none does. */
function tagLastLine(lines: readonly string[], index: number): number | undefined {
  for (let i = index + 1; i < lines.length && i <= index + MAX_TAG_LINES; i++) {
    const text = lines[i]!.trim();
    if (text === '') return undefined;
    if (text.endsWith('>')) return i;
  }
  return undefined;
}

/**
 * A line that imports code from another file: VitePress's `<<< @/snippets/a.js`, `<<< ./file.yaml#region{2-4}
 * [title]`; pymdownx snippets' `--8<-- "includes/abbreviations.md"`; FastAPI's `{* ../../docs_src/app.py hl[9] *}`.
 */
const SNIPPET_IMPORT = /^\s*(?:<<<\s+\S+(?:\s+\[[^\]]*\])?|-{2,}8<-{2,}(?:\s*(?:"[^"\n]*"|'[^'\n]*'))?|\{\*\s[^\n]*\*\})\s*$/u;

/**
 * An MkDocs admonition (Python-Markdown's admonition and details extensions): `!!! warning "Back up
 * first"`, `??? tip`, `???+ note`, its content the lines indented four spaces below it. Read as plain
 * Markdown, the marker became words of the answer ('!!! warning "Back up first" Running the migration
 * deletes …') and content after a blank line an indented code block.
 */
const ADMONITION = /^ {0,3}(?:!!!|\?\?\?\+?)\s+([A-Za-z][\w-]*)(?:\s+"([^"]*)")?\s*$/u;
/**
 * A GitHub alert: a block quote opening with `> [!WARNING]` on a line of its own (NOTE, TIP,
 * IMPORTANT, WARNING, CAUTION); its content is the rest of the quote.
 */
const ALERT = /^ {0,3}>\s*\[!(note|tip|important|warning|caution)\]\s*$/iu;
const QUOTE_LINE = /^ {0,3}>/u;

/** How far an admonition's content is indented. */
export const ADMONITION_INDENT = 4;

/**
 * The containers of a page, the lines holding only component tags or a snippet import, and the lines
 * of admonition content to read a level out (1-based), all outside fenced code.
 */
export type LineMarkup = { containers: Container[]; markupLines: Set<number>; outdentLines: Set<number> };

export function findLineMarkup(lines: readonly string[]): LineMarkup {
  const containers: Container[] = [];
  const markupLines = new Set<number>();
  const outdentLines = new Set<number>();
  const open: Array<{ container: Container; mark: string }> = [];
  let fence: string | undefined;
  // The line an admonition's content runs to (exclusive), while in one.
  let admonitionEnd = 0;
  // The line after a component tag written over several lines (OPEN_TAG), while in one.
  let tagEnd = 0;
  lines.forEach((text, index) => {
    const line = index + 1;
    if (line < admonitionEnd && text.trim() !== '') outdentLines.add(line);
    const fenceMarker = FENCE.exec(text)?.[1];
    if (fence !== undefined || fenceMarker) {
      // A fence closes on a marker of the same character at least as long (CommonMark).
      const closes = fence !== undefined && fenceMarker !== undefined && fenceMarker[0] === fence[0] && fenceMarker.length >= fence.length;
      fence = fence === undefined ? fenceMarker : closes ? undefined : fence;
      return;
    }
    if (COMPONENT_TAGS.test(text) || SNIPPET_IMPORT.test(text)) {
      markupLines.add(line);
      return;
    }
    if (line < tagEnd) {
      markupLines.add(line);
      return;
    }
    if (OPEN_TAG.test(text)) {
      const last = tagLastLine(lines, index);
      if (last !== undefined) {
        markupLines.add(line);
        tagEnd = last + 2;
        return;
      }
    }
    const alert = ALERT.exec(text);
    if (alert) {
      let end = index + 1;
      while (end < lines.length && QUOTE_LINE.test(lines[end]!)) end++;
      if (end === index + 1) return;
      markupLines.add(line);
      containers.push({ open: line, close: end + 1, closeMarker: false, label: labelOf(alert[1]!.toLowerCase(), '') });
      return;
    }
    const admonition = line >= admonitionEnd ? ADMONITION.exec(text) : null;
    if (admonition) {
      let end = index + 1;
      while (end < lines.length && (lines[end]!.trim() === '' || lines[end]!.startsWith(' '.repeat(ADMONITION_INDENT)))) end++;
      // Trailing blank lines belong to what follows.
      while (end > index + 1 && lines[end - 1]!.trim() === '') end--;
      if (end === index + 1) return;
      admonitionEnd = end + 1;
      markupLines.add(line);
      containers.push({ open: line, close: admonitionEnd, closeMarker: false, label: labelOf(admonition[1]!, admonition[2]?.trim() ?? '') });
      return;
    }
    const marker = MARKER.exec(text);
    if (!marker) return;
    const [, marks, type, title = ''] = marker;
    const mark = marks![0]!;
    if (type) {
      const container = { open: line, close: lines.length + 1, closeMarker: true, label: labelOf(type, title.trim()) };
      containers.push(container);
      open.push({ container, mark });
    } else if (mark === ':' || title.trim() === '') {
      // "/// <reference types="vite/client" />" is TypeScript's, not a marker.
      const at = open.findLastIndex((opened) => opened.mark === mark);
      if (at >= 0) open.splice(at, 1)[0]!.container.close = line;
    }
  });
  containers.sort((a, b) => a.open - b.open);
  return { containers, markupLines, outdentLines };
}

function labelOf(type: string, title: string): string {
  const name = type.replace(/[-_]+/gu, ' ');
  const capitalised = name.charAt(0).toUpperCase() + name.slice(1);
  return title ? `${capitalised}: ${title}` : capitalised;
}

/** Splits into lines the way micromark counts them (CRLF, CR, LF), keeping each line ending. */
export function splitKeepingEndings(text: string): Array<{ text: string; ending: string }> {
  const lines: Array<{ text: string; ending: string }> = [];
  const pattern = /\r\n|\r|\n/gu;
  let start = 0;
  for (const match of text.matchAll(pattern)) {
    lines.push({ text: text.slice(start, match.index), ending: match[0] });
    start = match.index + match[0].length;
  }
  lines.push({ text: text.slice(start), ending: '' });
  return lines;
}
