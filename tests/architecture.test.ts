import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const core = sourceFiles(join(REPO_ROOT, 'src', 'core'));

// The core (corpus, passages, search, answers, store) knows nothing of Discord, the CLI or the process
// environment: adapters hand it what it needs. A dependency pointing outward is a bug.
describe('the pure core', () => {
  it.each(core.map((path) => [relative(REPO_ROOT, path), path]))('%s imports no adapter, reads no environment, logs nothing', (_, path) => {
    const source = readFileSync(path, 'utf8');
    const imports = [...source.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]!);
    for (const target of imports) {
      expect(target).not.toMatch(/^discord\.js|^@discordjs\/|^pino|^dotenv|\/(discord|cli|config)\//);
    }
    expect(source).not.toMatch(/process\.env|console\.(log|info|warn|error|debug)/);
  });

  it('finds the core files', () => {
    expect(core.length).toBeGreaterThan(30);
  });
});

// The adapters use the core through its public surface (src/core/index.ts) alone, so the core's files
// can move without an adapter noticing. Tests may reach further in, to check or tamper with internals.
describe('the adapters', () => {
  const adapters = ['discord', 'cli', 'config'].flatMap((dir) => sourceFiles(join(REPO_ROOT, 'src', dir)));
  it.each(adapters.map((path) => [relative(REPO_ROOT, path), path]))('%s imports the core only through src/core/index.ts', (_, path) => {
    const source = readFileSync(path, 'utf8');
    const imports = [...source.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]!);
    for (const target of imports.filter((t) => /(^|\/)core\//.test(t))) {
      expect(target, `${relative(REPO_ROOT, path)} imports ${target}`).toMatch(/^(\.\.\/)+core\/index\.js$/);
    }
  });

  it('finds the adapter files', () => {
    expect(adapters.length).toBeGreaterThan(40);
  });
});

// Spreading an array into a call puts every element on the stack: a document of 125,000 one-line
// paragraphs overflowed it (groups.push(...block)). Loops instead, wherever the length is not fixed.
describe('the source', () => {
  it('spreads no array into push, unshift, Math.max, Math.min or String.fromCharCode', () => {
    const offenders = sourceFiles(join(REPO_ROOT, 'src')).flatMap((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .flatMap((line, i) => (/\b(?:push|unshift|Math\.max|Math\.min|fromCharCode|fromCodePoint)\(\s*\.\.\./u.test(line) ? [`${relative(REPO_ROOT, path)}:${i + 1}`] : [])),
    );
    expect(offenders).toEqual([]);
  });
});
