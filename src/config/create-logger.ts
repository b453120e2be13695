import pino, { type DestinationStream, type Logger } from 'pino';
import pinoPretty from 'pino-pretty';
import { colorEnabled } from './color-enabled.js';

export type LoggerOptions = {
  /** Human-readable lines instead of JSON (default: when stderr is a terminal). */
  pretty?: boolean;
  /** Colour in pretty lines (default: a terminal without NO_COLOR, https://no-color.org). JSON is never coloured. */
  color?: boolean;
  /** Where the lines go (default: stderr). */
  destination?: DestinationStream;
};

/**
 * JSON lines on stderr; pretty-printed when stderr is a terminal, coloured only where colour is allowed.
 * The token and other secrets are redacted wherever they appear under these keys.
 */
export function createLogger(level: string, options: LoggerOptions = {}): Logger {
  const pretty = options.pretty ?? process.stderr.isTTY === true;
  const color = options.color ?? colorEnabled(process.stderr);
  const redact = { paths: ['token', '*.token', 'config.discord.token', 'headers.authorization', '*.headers.authorization'], censor: '[redacted]' };
  if (pretty) {
    // In this thread and synchronous, so the last lines before an exit are never lost (a transport's worker can drop them).
    return pino({ level, redact }, pinoPretty({ destination: options.destination ?? 2, colorize: color, sync: true }));
  }
  return pino({ level, redact }, options.destination ?? pino.destination(2));
}
