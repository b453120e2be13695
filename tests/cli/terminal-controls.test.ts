import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { runFootnote } from './run-footnote.js';

/** Anything a terminal could obey: C0 controls but tab and newline, DEL, C1 controls (CSI U+009B, OSC U+009D). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const ESC = '\u001b';
const CSI = '\u009b';
const OSC = '\u009d';

describe('footnote keeps control characters in documents off the terminal', () => {
  const tmp = tempDir('footnote-controls-');
  const corpus = join(tmp.path, 'corpus');
  const env = { DATA_DIR: join(tmp.path, 'data'), CORPUS_DIR: corpus };
  // The shipped corpus is read verbatim: ESC survives in its title and text, C1 controls in both.
  mkdirSync(corpus);
  writeFileSync(
    join(corpus, 'lamp.txt'),
    '---\ntitle: "Lamp \\e[31mred\\e]0;pwned\\a log \\x9b2J \\x9d8;;http://evil.example\\a"\n---\n' +
      `The lighthouse keeper ${ESC}[2J lit the lamp ${CSI}31m at dusk ${OSC}0;owned\u0007 every evening without fail.\n`,
  );
  afterAll(() => tmp.remove());

  it('answers with the title and text, without a control character', async () => {
    const result = await runFootnote(['ask', 'When did the lighthouse keeper light the lamp?'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Lamp [31mred]0;pwned log 2J 8;;http://evil.example');
    expect(result.stdout).toMatch(/lit the lamp 31m at dusk 0;owned every evening/);
    expect(result.stdout).not.toMatch(CONTROL);
  });

  it('keeps --json valid, with the characters escaped and their values intact', async () => {
    const result = await runFootnote(['ask', 'When did the lighthouse keeper light the lamp?', '--json'], env);
    expect(result.stdout).not.toMatch(CONTROL);
    const answer = JSON.parse(result.stdout) as { results: Array<{ title: string; text: string }> };
    expect(answer.results[0]!.title).toContain(`${ESC}[31m`);
    expect(answer.results[0]!.text).toContain(`${CSI}31m`);
    expect(answer.results[0]!.text).toContain(OSC);
  });

  it('lists, adds and refuses documents with such names and text, without a control character', async () => {
    const files = join(tmp.path, 'files');
    mkdirSync(files);
    const added = join(files, `tide${ESC}]0;pwned\u0007${CSI}2J.txt`);
    writeFileSync(added, `High tide ${CSI}1;31m comes twice a day ${OSC}8;;http://evil.example\u0007 at this harbour.\n`);
    const empty = join(files, `empty${ESC}[2J.txt`);
    writeFileSync(empty, '');
    const add = await runFootnote(['docs', 'add', added], env);
    const list = await runFootnote(['docs', 'list'], env);
    const refused = await runFootnote(['docs', 'add', empty], env);
    expect(add.code).toBe(0);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('empty[2J.txt');
    for (const output of [add.stdout, add.stderr, list.stdout, list.stderr, refused.stdout, refused.stderr]) {
      expect(output).not.toMatch(CONTROL);
    }
    expect(list.stdout).toContain('Lamp [31mred');
  });
});
