/** "0.4 ms", "12 ms", "1.2 s": how long retrieval took, for the answer's footer. */
export function formatTook(ms: number): string {
  if (ms < 10) return `${Math.max(0.1, Math.round(ms * 10) / 10)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${Math.round(ms / 100) / 10} s`;
}

