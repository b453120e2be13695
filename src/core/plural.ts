/** "1 passage", "3 passages": a count with its noun, singular for exactly one. */
export function plural(count: number, noun: string): string {
  return `${count} ${count === 1 ? noun : `${noun}s`}`;
}
