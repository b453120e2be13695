import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { FootnoteError } from '../errors.js';

const docLine = z.object({ id: z.union([z.string(), z.number()]).transform(String), title: z.string().default(''), text: z.string().default('') });
const queryLine = z.object({ id: z.union([z.string(), z.number()]).transform(String), text: z.string() });

export type CollectionDocument = z.infer<typeof docLine>;
export type CollectionQuery = z.infer<typeof queryLine>;

/** Reads a JSON-lines file, validating each line; a bad line is reported with its number. */
async function readJsonLines<T>(path: string, schema: z.ZodType<T>): Promise<T[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new FootnoteError('not_found', `Cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  const out: T[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new FootnoteError('input_rejected', `${path}:${i + 1}: not valid JSON.`);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new FootnoteError('input_rejected', `${path}:${i + 1}: ${z.prettifyError(parsed.error)}`);
    out.push(parsed.data);
  }
  return out;
}

export const readCollectionDocuments = (path: string) => readJsonLines(path, docLine);
export const readCollectionQueries = (path: string) => readJsonLines(path, queryLine);
