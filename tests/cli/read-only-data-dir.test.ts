import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { runFootnote } from './run-footnote.js';

// Root can create any folder chmod would forbid, but not one inside a regular file (ENOTDIR): a DATA_DIR
// that cannot be created at all, with no store in it yet.
describe('footnote with a DATA_DIR that cannot be created', () => {
  const tmp = tempDir('footnote-cli-ro-');
  const blocker = join(tmp.path, 'a-file');
  writeFileSync(blocker, 'not a folder');
  const env = { DATA_DIR: join(blocker, 'data') };
  afterAll(() => tmp.remove());

  it('answers from the shipped corpus, with a warning on stderr', async () => {
    const result = await runFootnote(['ask', 'Why did the US want the site shut down?'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\[1\] /m);
    expect(result.stderr.trim()).toMatch(/^Warning: DATA_DIR is read-only \(.*\); it holds no documents yet\. Answering from the shipped corpus/);
  });

  it('keeps --json output a single JSON object, the warning on stderr', async () => {
    const result = await runFootnote(['ask', 'Why did the US want the site shut down?', '--json'], env);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ kind: 'answer' });
    expect(result.stderr).toContain('DATA_DIR is read-only');
  });

  it('refuses to add a document, saying DATA_DIR is read-only', async () => {
    const file = join(tmp.path, 'note.txt');
    writeFileSync(file, 'The lamp is lit at dusk.\n');
    const result = await runFootnote(['docs', 'add', file], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^DATA_DIR is read-only .*No document can be added/);
  });
});
