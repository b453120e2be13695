import type { BaseInteraction } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { shouldDefer } from './should-defer.js';

describe('shouldDefer', () => {
  const at = (createdTimestamp: number) => ({ createdTimestamp }) as BaseInteraction;
  it.each([
    ['a fresh interaction, nothing else going on', 0, 1, false],
    ['a fresh interaction in a burst', 0, 17, true],
    ['an interaction 1.5 s old', 1501, 1, true],
    ['an interaction 1 s old', 1000, 16, false],
  ])('%s', (_what, ageMs, inFlight, expected) => {
    expect(shouldDefer(at(10_000 - ageMs), inFlight, 10_000)).toBe(expected);
  });
});
