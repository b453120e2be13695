import pino, { type Logger } from 'pino';

/**
 * JSON lines on stderr; pretty-printed when stderr is a terminal. The token and other secrets are
 * redacted wherever they appear under these keys.
 */
export function createLogger(level: string, options: { pretty?: boolean } = {}): Logger {
  const pretty = options.pretty ?? process.stderr.isTTY === true;
  const redact = { paths: ['token', '*.token', 'config.discord.token', 'headers.authorization', '*.headers.authorization'], censor: '[redacted]' };
  if (pretty) {
    return pino({ level, redact, transport: { target: 'pino-pretty', options: { destination: 2, colorize: true } } });
  }
  return pino({ level, redact }, pino.destination(2));
}
