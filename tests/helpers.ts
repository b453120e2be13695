import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '..');
export const CORPUS_DIR = join(REPO_ROOT, 'corpus');
export const EVAL_DIR = join(REPO_ROOT, 'eval');

/** A fresh temporary folder and a function that removes it. */
export function tempDir(prefix = 'footnote-test-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
