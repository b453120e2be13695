/**
 * Whether text written to `stream` may carry colour and bold: only on a terminal, and never when NO_COLOR is
 * set to anything but the empty string (https://no-color.org). Pipes and files always get plain text.
 */
export function colorEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stream.isTTY === true;
}
