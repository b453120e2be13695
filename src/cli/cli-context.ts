import type { Config } from '../config/load-config.js';
import type { Logger } from '../core/index.js';

/** What every CLI command gets: its arguments, the configuration, a logger, and where to write. */
export type CliContext = {
  args: string[];
  config: Config;
  logger: Logger;
  out: (text: string) => void;
  err: (text: string) => void;
  /** Rewrites the status line on stderr (a terminal only: `undefined` when stderr is a pipe or a file). */
  status?: (text: string) => void;
  /** stdout's terminal: its width and whether bold is allowed (`undefined` for a pipe or a file: plain, unwrapped text). */
  terminal?: { width: number; color: boolean };
};

/** A command's outcome: the process exit code. */
export type ExitCode = 0 | 1 | 2;

/** Thrown for wrong command-line usage; main prints the message and the usage line, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
