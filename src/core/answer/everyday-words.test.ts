import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FootnoteError } from '../errors.js';
import { everydayWords, loadEverydayWords } from './everyday-words.js';

const dir = mkdtempSync(join(tmpdir(), 'footnote-words-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('everydayWords', () => {
  const words = everydayWords();

  it.each(['wrote', 'earn', 'cinemas', 'hardcoded', 'dropdown'])('knows "%s" as ordinary English', (word) => {
    expect(words.isEveryday(word)).toBe(true);
  });

  it.each(['jira', 'Telegram', 'kubernetes', 'tokyo', 'VITE_PORT', 'http3', 'ENOSPC'])('takes "%s" for a name or identifier', (word) => {
    expect(words.isEveryday(word)).toBe(false);
  });

  it('is loaded once', () => {
    expect(everydayWords()).toBe(words);
  });
});

describe('loadEverydayWords', () => {
  it('reads a Hunspell list, keeping lowercase entries and compounds of them', () => {
    const words = loadEverydayWords(file('small.dic', '4\nwrite/S\ndrop/SM\ndown\nParis/M\n'));
    expect(['writes', 'dropdown', 'down'].map((w) => words.isEveryday(w))).toEqual([true, true, true]);
    expect(words.isEveryday('paris')).toBe(false);
  });

  it('fails naming the file when it is corrupt', () => {
    const path = file('corrupt.dic', '\u0000\u0001garbage\nnot a count\n');
    expect(() => loadEverydayWords(path)).toThrow(FootnoteError);
    expect(() => loadEverydayWords(path)).toThrow(expect.objectContaining({ code: 'resource_invalid', message: expect.stringContaining(path) }));
  });

  it('fails naming the file when it was cut short', () => {
    const path = file('cut.dic', '1000\nwrite/S\ndrop/SM\n');
    expect(() => loadEverydayWords(path)).toThrow(expect.objectContaining({ code: 'resource_invalid', message: expect.stringContaining('2 entries') }));
  });

  it('fails naming the file when it is missing', () => {
    const path = join(dir, 'missing.dic');
    expect(() => loadEverydayWords(path)).toThrow(expect.objectContaining({ code: 'resource_invalid', message: expect.stringContaining(path) }));
  });
});
