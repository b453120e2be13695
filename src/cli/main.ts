import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CommanderError, type Command } from 'commander';
import { colorEnabled } from '../config/color-enabled.js';
import { createLogger } from '../config/create-logger.js';
import { loadConfig, PACKAGE_ROOT } from '../config/load-config.js';
import { isFootnoteError } from '../core/index.js';
import { UsageError, type CliContext, type ExitCode } from './cli-context.js';
import { terminalJson, terminalText } from './terminal-text.js';
import { cliLogLevel } from './cli-log-level.js';
import { dataDirMemory } from './data-dir-memory.js';
import { defineProgram, type Invocation } from './define-program.js';
import { commandNamedBy, usageLine } from './usage-line.js';

/**
 * The CLI's one error boundary: help and version exit 0, usage errors exit 2 with the command's usage line,
 * known errors print their one-line diagnosis and exit 1, anything else is logged with its stack and
 * reported as an internal error.
 */
export async function main(argv: string[]): Promise<ExitCode> {
  // Everything written passes here: documents' text, titles and file names reach the terminal only as inert text.
  const json = argv.includes('--json');
  const out = (text: string) => process.stdout.write(`${json ? terminalJson(text) : terminalText(text)}\n`);
  const err = (text: string) => process.stderr.write(`${terminalText(text)}\n`);
  let exitCode: ExitCode = 0;
  let chosen: Command | undefined;
  let logger: ReturnType<typeof createLogger> | undefined;
  const program = defineProgram(packageVersion(), { writeOut: (t) => process.stdout.write(t), writeErr: (t) => process.stderr.write(t) }, async (invocation) => {
    chosen = invocation.command;
    const verbose = program.opts<{ verbose?: boolean }>().verbose === true;
    const config = loadConfig();
    logger = createLogger(cliLogLevel(config.logLevel, verbose));
    exitCode = await execute(invocation, { args: invocation.args, config, logger, out, err, ...terminal() });
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0;
      // commander has printed "error: …" (or, for a bare `footnote docs`, the help); the usage line follows.
      if (error.code !== 'commander.help') err(usageLine(commandNamedBy(program, argv)));
      return 2;
    }
    const usage = chosen ? usageLine(chosen) : usageLine(program);
    if (error instanceof UsageError || String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')) {
      err(`${(error as Error).message}\n${usage}`);
      return 2;
    }
    if (isFootnoteError(error)) {
      // A script that asked for JSON gets its refusal as JSON too, on the same stream.
      if (argv.includes('--json')) out(JSON.stringify({ error: { code: error.code, message: error.message } }));
      else err(error.message);
      return 1;
    }
    logger?.error({ err: error }, 'internal error');
    err(`Internal error: ${(error as Error).message}`);
    return 1;
  }
}

/** Runs the chosen command; one that opens the store first says so if it is about to start a new empty one elsewhere. */
async function execute(invocation: Invocation, ctx: CliContext): Promise<ExitCode> {
  const memory = invocation.opensStore ? dataDirMemory() : undefined;
  const warning = memory?.warningFor(ctx.config.dataDir);
  if (warning !== undefined) ctx.err(warning);
  const run = await invocation.load();
  const code = await run(ctx);
  memory?.remember(ctx.config.dataDir);
  return code;
}

/** What depends on the terminal: the status line (stderr) and the answer's width and bold (stdout). */
function terminal(): Pick<CliContext, 'status' | 'terminal'> {
  return {
    ...(process.stderr.isTTY === true && { status: terminalStatus }),
    ...(process.stdout.isTTY === true && { terminal: { width: process.stdout.columns ?? 80, color: colorEnabled(process.stdout) } }),
  };
}

/** One line on stderr, rewritten in place; an empty text clears it. Cut to the terminal's width so it never wraps. */
function terminalStatus(text: string): void {
  const width = Math.max(20, (process.stderr.columns ?? 80) - 1);
  const safe = terminalText(text);
  process.stderr.write(`\r\u001b[2K${safe.length > width ? `${safe.slice(0, width - 1)}…` : safe}`);
}

function packageVersion(): string {
  const { version } = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof version === 'string' ? version : 'unknown';
}
