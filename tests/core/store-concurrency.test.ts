import { afterEach, beforeEach, describe, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { raceReaderAgainstWriters } from './store-race.js';

describe('the store shared by several processes', () => {
  let data: ReturnType<typeof tempDir>;
  beforeEach(() => {
    data = tempDir();
  });
  afterEach(() => data.remove());

  it('makes every document another process adds searchable in a reader catching up meanwhile, in a fresh process and after a restart', async () => {
    await raceReaderAgainstWriters(data.path, 2, 75);
  });

});
