import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { FootnoteError } from '../core/index.js';

/** The package root (where the shipped `corpus/` lives), whether running from src/ or dist/. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const optionalPositiveInt = z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().positive().optional());
const optionalString = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());
const snowflake = z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17–20 digits)').optional());

const schema = z.object({
  CORPUS_DIR: optionalString,
  DATA_DIR: z.string().default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_QUESTION_CHARS: positiveInt(4000),
  MAX_DOCUMENT_BYTES: positiveInt(10 * 1024 * 1024),
  PASSAGE_MAX_CHARS: z.coerce.number().int().min(200).max(4000).default(1000),
  FETCH_TIMEOUT_MS: positiveInt(15_000),
  DISCORD_TOKEN: optionalString,
  DISCORD_APPLICATION_ID: snowflake,
  DISCORD_GUILD_ID: snowflake,
  DISCORD_API_BASE: z.string().default('https://discord.com/api'),
  ASK_RATE_LIMIT: z
    .string()
    .regex(/^\d+\/\d+s$/, 'must look like 5/10s (questions per seconds)')
    .default('5/10s'),
  RETENTION_DAYS: positiveInt(90),
  GUILD_MAX_DOCUMENTS: optionalPositiveInt,
  GUILD_MAX_BYTES: optionalPositiveInt,
  HEALTH_PORT: optionalPositiveInt,
});

export type Config = {
  corpusDir: string;
  dataDir: string;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  maxQuestionChars: number;
  maxDocumentBytes: number;
  passageMaxChars: number;
  fetchTimeoutMs: number;
  discord: {
    token?: string;
    applicationId?: string;
    guildId?: string;
    apiBase: string;
    askRateLimit: { count: number; perMs: number };
    retentionDays: number;
    guildQuota: { maxDocuments?: number; maxBytes?: number };
    healthPort?: number;
  };
};

/**
 * Reads the configuration from the environment (and `.env`, via dotenv), validates it, and fails with a
 * report that names every bad variable. Secrets are never echoed in that report.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: { dotenv?: boolean } = {}): Config {
  if (options.dotenv ?? true) loadDotenv({ quiet: true });
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new FootnoteError('config_invalid', `The configuration is not valid:\n${lines.join('\n')}\nSee .env.example for every setting.`);
  }
  const e = parsed.data;
  const [count, seconds] = e.ASK_RATE_LIMIT.slice(0, -1).split('/').map(Number) as [number, number];
  return {
    corpusDir: resolve(e.CORPUS_DIR ?? defaultCorpusDir()),
    dataDir: resolve(e.DATA_DIR),
    logLevel: e.LOG_LEVEL,
    maxQuestionChars: e.MAX_QUESTION_CHARS,
    maxDocumentBytes: e.MAX_DOCUMENT_BYTES,
    passageMaxChars: e.PASSAGE_MAX_CHARS,
    fetchTimeoutMs: e.FETCH_TIMEOUT_MS,
    discord: {
      ...(e.DISCORD_TOKEN !== undefined && { token: e.DISCORD_TOKEN }),
      ...(e.DISCORD_APPLICATION_ID !== undefined && { applicationId: e.DISCORD_APPLICATION_ID }),
      ...(e.DISCORD_GUILD_ID !== undefined && { guildId: e.DISCORD_GUILD_ID }),
      apiBase: e.DISCORD_API_BASE.replace(/\/+$/, ''),
      askRateLimit: { count, perMs: seconds * 1000 },
      retentionDays: e.RETENTION_DAYS,
      guildQuota: {
        ...(e.GUILD_MAX_DOCUMENTS !== undefined && { maxDocuments: e.GUILD_MAX_DOCUMENTS }),
        ...(e.GUILD_MAX_BYTES !== undefined && { maxBytes: e.GUILD_MAX_BYTES }),
      },
      ...(e.HEALTH_PORT !== undefined && { healthPort: e.HEALTH_PORT }),
    },
  };
}

/** `./corpus` when the working directory has one, else the corpus shipped with the package. */
function defaultCorpusDir(): string {
  return existsSync('corpus') ? 'corpus' : join(PACKAGE_ROOT, 'corpus');
}
