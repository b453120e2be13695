// The bot as a real child process (`npm start`'s entry point), connected to a fake Discord in the test process:
// for tests that kill it (-9), read everything it logs, or load it without the fake competing for its CPU.
// Runs dist/discord/main.js when the build is newer than every source file (npm test and test:stress build
// first), else the TypeScript entry through tsx.

import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FakeDiscord } from '../fake-discord/fake-discord.js';
import { CORPUS_DIR, REPO_ROOT } from '../helpers.js';

export type BotProcess = {
  child: ChildProcess;
  /** Everything written to stderr (pino's JSON lines) and stdout so far. */
  output(): string;
  /** Settles when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL, and wait for the exit. */
  kill9(): Promise<void>;
  /** SIGTERM, and wait for the exit. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

/** The environment a bot process gets: the fake's address and token, its DATA_DIR, the repository's corpus. */
export function botEnv(fake: FakeDiscord, dataDir: string, env: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    DISCORD_TOKEN: fake.token,
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_API_BASE: fake.apiBase,
    DATA_DIR: dataDir,
    CORPUS_DIR,
    LOG_LEVEL: 'warn',
    ...env,
  };
}

/** Starts the bot with exactly `env` (see botEnv) and resolves once it has identified with the fake. */
export async function spawnBot(fake: FakeDiscord, env: Record<string, string>, readyTimeoutMs = 20_000): Promise<BotProcess> {
  const bot = launch(env);
  const identified = fake.waitForNextSession('ready', readyTimeoutMs);
  const died = bot.exited.then(({ code, signal }) => {
    throw new Error(`the bot exited (${code ?? signal}) before connecting:\n${bot.output()}`);
  });
  try {
    await Promise.race([identified, died]);
  } catch (error) {
    bot.child.kill('SIGKILL');
    throw error;
  }
  died.catch(() => {});
  return bot;
}

/** Starts the bot process without waiting for anything (e.g. to watch it fail). */
export function launch(env: Record<string, string>): BotProcess {
  const child = spawn(process.execPath, entryArgs(), { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    output: () => output,
    exited,
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

let entry: string[] | undefined;

/** `dist/discord/main.js` if it is at least as new as every file under src/, else `--import tsx src/discord/main.ts`. */
function entryArgs(): string[] {
  entry ??= builtIsFresh() ? [join(REPO_ROOT, 'dist', 'discord', 'main.js')] : ['--import', 'tsx', join(REPO_ROOT, 'src', 'discord', 'main.ts')];
  return entry;
}

function builtIsFresh(): boolean {
  let built: number;
  try {
    built = statSync(join(REPO_ROOT, 'dist', 'discord', 'main.js')).mtimeMs;
  } catch {
    return false;
  }
  return newestMtime(join(REPO_ROOT, 'src')) <= built;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : entry.name.endsWith('.test.ts') ? 0 : statSync(path).mtimeMs);
  }
  return newest;
}
