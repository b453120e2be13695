import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitPassages } from '../passages/split-passages.js';
import { analyze } from '../engine/engine.js';
import { dropNearDuplicates } from './drop-near-duplicates.js';

const CORPUS = join(import.meta.dirname, '..', '..', '..', 'corpus');
const passages = readdirSync(CORPUS).flatMap((file) => splitPassages(file, readFileSync(join(CORPUS, file), 'utf8')).map((p) => p.text));

describe('dropNearDuplicates', () => {
  it('stops analysing once it has kept enough, keeping what it would have kept', () => {
    const texts = [passages[0]!, `${passages[0]!} Indeed.`, passages[1]!, passages[2]!, passages[3]!];
    const read: string[] = [];
    const kept = dropNearDuplicates(texts, (text) => (read.push(text), analyze(text)), 2);
    expect(kept).toEqual(dropNearDuplicates(texts, analyze).slice(0, 2));
    expect(kept).toEqual([passages[0], passages[1]]);
    expect(read).toHaveLength(3);
  });
});
