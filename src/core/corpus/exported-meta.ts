import { z } from 'zod';

/**
 * The front matter of a corpus file: the shipped corpus's, and what `footnote export` writes (so an
 * export can serve as a corpus folder, or be added back). Strict: a misspelt key is an error, not a
 * silently dropped field.
 */
export const corpusFileMeta = z
  .object({
    title: z.string().trim().min(1),
    id: z.string().optional(),
    publisher: z.string().optional(),
    author: z.string().optional(),
    reference: z.string().optional(),
    url: z.url().optional(),
    date: z.union([z.string(), z.date().transform((d) => d.toISOString().slice(0, 10))]).optional(),
    layout: z.enum(['plain', 'markdown']).optional(),
    source_sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  })
  .strict();

export type CorpusFileMeta = z.infer<typeof corpusFileMeta>;
