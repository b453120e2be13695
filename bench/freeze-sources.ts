import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** What code a run measured: the commit, how many source files differ from it, and a hash of them all. */
export type SourceVersion = { commit: string; changedFiles: number; sourcesSha256: string };

/** Everything the workers import: the sources, the harness, and the fake Discord. */
const FROZEN_PATHS = ['src', 'bench', join('tests', 'fake-discord'), 'package.json', 'tsconfig.json'];

/**
 * Copies the code the workers run into `into` (node_modules linked), so that every worker of a run
 * measures the same code even while someone edits src/ during the run, which takes minutes.
 * Returns the copy's root.
 */
export function freezeSources(repoRoot: string, into: string): string {
  for (const path of FROZEN_PATHS) {
    mkdirSync(dirname(join(into, path)), { recursive: true });
    cpSync(join(repoRoot, path), join(into, path), { recursive: true, filter: (from) => !from.includes(`${join('bench', 'results')}`) });
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(into, 'node_modules'), 'dir');
  return into;
}

/** The commit, the count of files under src/ that differ from it (read-only git), and a hash of src/. */
export function sourceVersion(root: string, repoRoot: string): SourceVersion {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '';
    }
  };
  const hash = createHash('sha256');
  for (const file of listFiles(join(root, 'src'))) hash.update(`${relative(root, file)}\0`).update(readFileSync(file));
  return {
    commit: git('rev-parse', '--short', 'HEAD') || 'unknown',
    changedFiles: git('status', '--porcelain', '--', 'src').split('\n').filter((line) => line !== '').length,
    sourcesSha256: hash.digest('hex').slice(0, 16),
  };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)]));
}
