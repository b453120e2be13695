/** Network failures that may pass: Discord (or the configured API base) could not be reached at all. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

/**
 * Why Discord could not be reached ("ECONNREFUSED", "timed out"), looking through the error's causes
 * (fetch wraps the socket's error); undefined when the failure is something else (a refused token, a
 * bad request), which retrying would not mend.
 */
export function connectionFailure(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current !== null && typeof current === 'object' && depth < 5; depth++) {
    const { code, name, cause } = current as { code?: unknown; name?: unknown; cause?: unknown };
    if (typeof code === 'string' && UNREACHABLE.has(code)) return code;
    if (name === 'AbortError' || name === 'TimeoutError' || name === 'ConnectTimeoutError') return 'timed out';
    current = cause;
  }
  return undefined;
}
