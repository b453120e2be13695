import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers.js';

const SRC = join(REPO_ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * The relative imports of a file, type-only ones included (a cycle of types is still two modules that
 * cannot be read apart): `import … from`, `export … from`, side-effect `import '…'` and `import('…')`.
 * The specifiers name the compiled `.js` files (NodeNext); they map back to the `.ts` sources.
 */
export function importSpecifiers(source: string): string[] {
  return [
    ...source.matchAll(/^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/gms),
    ...source.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
    ...source.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((match) => match[1]!);
}

/** The `.ts` files of src/ that a file imports (relative specifiers only; packages are not ours). */
function relativeImports(path: string, source: string): string[] {
  return importSpecifiers(source)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => resolve(dirname(path), specifier).replace(/\.js$/, '.ts'))
    .filter((target) => existsSync(target));
}

/** Every cycle-holding part of the graph (its strongly connected components), each named by one cycle through it. */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  for (;;) {
    const rest = new Map([...graph].filter(([file]) => !done.has(file)).map(([file, targets]) => [file, targets.filter((t) => !done.has(t))]));
    const cycle = findCycle(rest);
    if (!cycle) return cycles;
    cycles.push(cycle);
    // Drop the cycle's files and go on: the next cycle found is elsewhere (or through other files).
    for (const file of cycle) done.add(file);
  }
}

/** A cycle of the graph as its files in import order (first repeated at the end), or undefined. */
export function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): string[] | undefined => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (state.get(next) === undefined) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    stack.pop();
    state.set(file, 'done');
    return undefined;
  };
  for (const file of [...graph.keys()].sort()) {
    if (state.get(file) !== undefined) continue;
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('the import graph of src/', () => {
  it('has no cycle', () => {
    const graph = new Map(sourceFiles(SRC).map((path) => [path, relativeImports(path, readFileSync(path, 'utf8'))]));
    expect(graph.size).toBeGreaterThan(100);
    const cycles = findCycles(graph).map((cycle) => cycle.map((file) => relative(REPO_ROOT, file)).join(' → '));
    expect(cycles).toEqual([]);
  });

  it.each([
    ["import { a } from './a.js';", ['./a.js']],
    ["import type { B } from '../b.js';", ['../b.js']],
    ["export { c } from './c.js';", ['./c.js']],
    ["export * from './d.js';", ['./d.js']],
    ["export type { D } from './d-types.js';", ['./d-types.js']],
    ["import {\n  e,\n  f,\n} from './e.js';", ['./e.js']],
    ["import './side-effect.js';", ['./side-effect.js']],
    ["const lazy = await import('./lazy.js');", ['./lazy.js']],
    ["import { z } from 'zod';", ['zod']],
  ])('reads the specifier of %j', (source, expected) => {
    expect(importSpecifiers(source)).toEqual(expected);
  });

  it('finds a cycle of three files and names them in order', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(findCycle(graph)).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycle(new Map([['a', ['b']], ['b', []]]))).toBeUndefined();
  });
});

// The engine is sealed: the rest of src/ reaches it through its surface (engine.ts) only, so what is
// behind it (postings/, rank/, persist/) can change without touching its callers.
describe('the engine', () => {
  it('is imported through src/core/engine/engine.ts only', () => {
    const engine = join(SRC, 'core', 'engine');
    const surface = join(engine, 'engine.ts');
    const outside = sourceFiles(SRC).filter((path) => !path.startsWith(engine + '/') && !path.endsWith('.test.ts'));
    const offenders = outside.flatMap((path) =>
      relativeImports(path, readFileSync(path, 'utf8'))
        .filter((target) => target.startsWith(engine + '/') && target !== surface)
        .map((target) => `${relative(REPO_ROOT, path)} → ${relative(REPO_ROOT, target)}`),
    );
    expect(offenders).toEqual([]);
  });
});
