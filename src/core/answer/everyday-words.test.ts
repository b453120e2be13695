import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FootnoteError } from '../errors.js';
import { everydayWords, loadEverydayWords } from './everyday-words.js';

const dir = mkdtempSync(join(tmpdir(), 'footnote-words-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('everydayWords', () => {
  const words = everydayWords();

  it.each(['wrote', 'earn', 'cinemas', 'hardcoded', 'dropdown', 'quietly', 'redeployed', 'unpaid'])('knows "%s" as ordinary English', (word) => {
    expect(words.isEveryday(word)).toBe(true);
  });

  it.each(['jira', 'Telegram', 'kubernetes', 'tokyo', 'VITE_PORT', 'http3', 'ENOSPC'])('takes "%s" for a name or identifier', (word) => {
    expect(words.isEveryday(word)).toBe(false);
  });

  it('lists entries and their derived forms, but not a compound of two words, which a typo often reads as', () => {
    for (const word of ['vacation', 'quietly', 'redeployed']) expect(words.isListed(word)).toBe(true);
    // "vacaton", "expence": typos that split into two dictionary words ("vac" + "aton", "exp" + "ence").
    for (const word of ['vacaton', 'expence']) expect([words.isEveryday(word), words.isListed(word)]).toEqual([true, false]);
  });

  it('writes a listed token as the dictionary does: an entry or derived form as itself, a stem-mate as its shortest entry', () => {
    expect(['quietly', 'redeployed', 'compar', 'vacaton'].map((token) => words.written(token))).toEqual(['quietly', 'redeployed', 'compare', undefined]);
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

  it('applies the affix file\'s rules to the entries carrying their flags, as Hunspell does', () => {
    const aff = file('small.aff', 'SET UTF-8\n\nPFX A Y 1\nPFX A   0     re         .\n\nSFX Y Y 1\nSFX Y   0     ly         .\n\nSFX D Y 3\nSFX D   0     d          e\nSFX D   0     ed         [^ey]\nSFX D   0     ed         [aeiou]y\n');
    const words = loadEverydayWords(file('affixed.dic', '3\nquiet/Y\ndeploy/AD\nloud\n'), aff);
    expect(['quietly', 'deployed', 'redeploy', 'redeployed'].map((w) => words.isEveryday(w))).toEqual([true, true, true, true]);
    // Only the entries whose flags allow the rule: "loud" has none, "quiet" takes no prefix, "deploy" no -ly.
    expect(['loudly', 'requiet', 'deployly'].map((w) => words.isEveryday(w))).toEqual([false, false, false]);
  });

  it('fails naming the affix file when it is missing or has no suffix rules', () => {
    const dic = file('plain.dic', '1\nquiet/Y\n');
    const missing = join(dir, 'missing.aff');
    expect(() => loadEverydayWords(dic, missing)).toThrow(expect.objectContaining({ code: 'resource_invalid', message: expect.stringContaining(missing) }));
    const empty = file('empty.aff', 'SET UTF-8\nTRY abc\n');
    expect(() => loadEverydayWords(dic, empty)).toThrow(expect.objectContaining({ code: 'resource_invalid', message: expect.stringContaining(empty) }));
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
