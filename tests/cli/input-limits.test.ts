import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { runFootnote } from './run-footnote.js';

describe('footnote docs add and MAX_DOCUMENT_BYTES', () => {
  const data = tempDir('footnote-limits-');
  const env = { DATA_DIR: join(data.path, 'data'), MAX_DOCUMENT_BYTES: '2000' };
  afterAll(() => data.remove());

  it('adds a plain-text file of exactly MAX_DOCUMENT_BYTES', async () => {
    const sentence = 'The harbour pilot boards every ship at the outer buoy. ';
    const text = sentence.repeat(Math.ceil(2000 / sentence.length)).slice(0, 1999) + '\n';
    const file = join(data.path, 'exact.txt');
    writeFileSync(file, text);
    expect(Buffer.byteLength(text)).toBe(2000);
    const result = await runFootnote(['docs', 'add', file], env);
    expect(result.stderr).toBe('');
    expect(result).toMatchObject({ code: 0 });
  });

  it('refuses one byte more, naming the limit', async () => {
    const file = join(data.path, 'over.txt');
    writeFileSync(file, 'x'.repeat(2001));
    const result = await runFootnote(['docs', 'add', file], env);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('over.txt is 2,001 bytes; the limit (MAX_DOCUMENT_BYTES) is 2 KB.');
  });
});
