import type { Config } from '../config/load-config.js';

type Level = Config['logLevel'];

const ORDER: readonly Level[] = ['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'trace'];

/**
 * The CLI's log level. LOG_LEVEL is the bot's setting (often `info` in `.env`), but a CLI's output is its
 * answer, so the log only speaks up for warnings unless `--verbose` asks for debug (or trace, if LOG_LEVEL
 * says so). A LOG_LEVEL quieter than warn is still honoured.
 */
export function cliLogLevel(configured: Level, verbose: boolean): Level {
  if (verbose) return configured === 'trace' ? 'trace' : 'debug';
  return ORDER.indexOf(configured) < ORDER.indexOf('warn') ? configured : 'warn';
}
