import { describe, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { raceReaderAgainstWriters } from '../core/store-race.js';

// The heavy version of tests/core/store-concurrency.test.ts: a long-lived reader (the bot) catching up
// while two other processes add 400 documents each, three times over. Before changesSince read in one
// transaction, a reader missed a few documents in most runs of 300 adds, and its snapshot hid them for good.
const ROUNDS = 3;
const WRITERS = 2;
const PER_WRITER = 400;

describe('the store shared by several processes, under stress', () => {
  it(`keeps every one of ${WRITERS * PER_WRITER} concurrent adds searchable in the reader, a fresh process and after a restart, ${ROUNDS} times`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const data = tempDir();
      const started = performance.now();
      try {
        await raceReaderAgainstWriters(data.path, WRITERS, PER_WRITER);
      } finally {
        data.remove();
      }
      console.info(`[store-race] round ${round + 1}: ${WRITERS * PER_WRITER} adds, none missed, ${Math.round(performance.now() - started)} ms`);
    }
  });
});
