import { loadConfig } from '../config/load-config.js';
import { createLogger } from '../config/create-logger.js';
import { isFootnoteError } from '../core/errors.js';
import { UsageError, type CliContext, type ExitCode } from './cli-context.js';
import { terminalJson, terminalText } from './terminal-text.js';

type Command = { usage: string; run: (ctx: CliContext) => Promise<ExitCode> };

// Commands load on demand: `footnote ask` should not pay for discord.js or the evaluation code.
const COMMANDS: Record<string, Command> = {
  ask: {
    usage: 'footnote ask "question" [--top N] [--guild ID] [--json]',
    run: async (ctx) => (await import('./commands/ask-command.js')).askCommand(ctx),
  },
  docs: {
    usage: [
      'footnote docs add <file|folder|url>... [--title T] [--id ID] [--guild ID] [--json]',
      'footnote docs list [--guild ID] [--json]',
      'footnote docs remove <id> [--guild ID] [--json]',
    ].join('\n       '),
    run: async (ctx) => (await import('./commands/docs-command.js')).docsCommand(ctx),
  },
  'trec-run': {
    usage: 'footnote trec-run --docs docs.jsonl --queries queries.jsonl [--top 1000]',
    run: async (ctx) => (await import('./commands/trec-run-command.js')).trecRunCommand(ctx),
  },
  eval: {
    usage: 'footnote eval [--ir DIR] [--questions DIR]',
    run: async (ctx) => (await import('./commands/eval-command.js')).evalCommand(ctx),
  },
  backup: {
    usage: 'footnote backup <file> [--force] [--json]',
    run: async (ctx) => (await import('./commands/backup-command.js')).backupCommand(ctx),
  },
  restore: {
    usage: 'footnote restore <file> [--json]',
    run: async (ctx) => (await import('./commands/restore-command.js')).restoreCommand(ctx),
  },
  export: {
    usage: 'footnote export --guild ID [--out DIR]',
    run: async (ctx) => (await import('./commands/export-command.js')).exportCommand(ctx),
  },
  'deploy-commands': {
    usage: 'footnote deploy-commands [--guild ID]',
    run: async (ctx) => (await import('./commands/deploy-commands-command.js')).deployCommandsCommand(ctx),
  },
};

const USAGE = `Usage: ${Object.values(COMMANDS)
  .map((c) => c.usage)
  .join('\n       ')}`;

/**
 * The CLI's one error boundary: known errors print their one-line diagnosis and exit 1, usage errors
 * exit 2, anything else is logged with its stack and reported as an internal error.
 */
export async function main(argv: string[]): Promise<ExitCode> {
  const [name, ...args] = argv;
  // Everything written passes here: documents' text, titles and file names reach the terminal only as inert text.
  const json = args.includes('--json');
  const out = (text: string) => process.stdout.write(`${json ? terminalJson(text) : terminalText(text)}\n`);
  const err = (text: string) => process.stderr.write(`${terminalText(text)}\n`);
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    (name === undefined ? err : out)(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    err(`Unknown command "${name}".\n${USAGE}`);
    return 2;
  }
  let logger: ReturnType<typeof createLogger> | undefined;
  try {
    const config = loadConfig();
    // The CLI's output is the answer; the log only speaks up for warnings unless asked.
    logger = createLogger(process.env.LOG_LEVEL === undefined ? 'warn' : config.logLevel);
    return await command.run({ args, config, logger, out, err, ...(process.stderr.isTTY === true && { status: terminalStatus }) });
  } catch (error) {
    if (error instanceof UsageError) {
      err(`${error.message}\nUsage: ${command.usage}`);
      return 2;
    }
    if (String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')) {
      err(`${(error as Error).message}\nUsage: ${command.usage}`);
      return 2;
    }
    if (isFootnoteError(error)) {
      // A script that asked for JSON gets its refusal as JSON too, on the same stream.
      if (args.includes('--json')) out(JSON.stringify({ error: { code: error.code, message: error.message } }));
      else err(error.message);
      return 1;
    }
    logger?.error({ err: error }, 'internal error');
    err(`Internal error: ${(error as Error).message}`);
    return 1;
  }
}

/** One line on stderr, rewritten in place; an empty text clears it. Cut to the terminal's width so it never wraps. */
function terminalStatus(text: string): void {
  const width = Math.max(20, (process.stderr.columns ?? 80) - 1);
  const safe = terminalText(text);
  process.stderr.write(`\r\u001b[2K${safe.length > width ? `${safe.slice(0, width - 1)}…` : safe}`);
}
