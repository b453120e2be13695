import { parse as parseYaml } from 'yaml';
import { FootnoteError } from '../errors.js';

export type FrontMatter = { data: unknown; body: string };

// A front matter block is `---` on the first line, YAML, then `---` on a line of its own. The body is
// everything after that closing line, byte for byte, so shipped documents stay verbatim.
const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Splits a file into its YAML front matter (parsed by a real YAML parser) and its verbatim body. */
export function parseFrontMatter(content: string, where: string): FrontMatter {
  const match = FRONT_MATTER.exec(content);
  if (!match) return { data: {}, body: content };
  let data: unknown;
  try {
    data = parseYaml(match[1] ?? '') ?? {};
  } catch (error) {
    throw new FootnoteError('input_rejected', `${where}: the YAML front matter does not parse: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return { data, body: content.slice(match[0].length) };
}
