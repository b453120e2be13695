import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { isSupportedFileName } from '../../core/index.js';

/** One thing `docs add` was asked to read: a file (with the id its folder suggests) or a URL. */
export type AddTarget =
  | { kind: 'file'; path: string; label: string; suggestedId?: string }
  | { kind: 'url'; url: string; label: string };

/** Something found but not read, and why: an unsupported type, a hidden folder, a link loop, an unreadable entry. */
export type SkippedEntry = { label: string; reason: string };

export type CollectedInputs = { targets: AddTarget[]; skipped: SkippedEntry[]; missing: SkippedEntry[] };

/** Folders that hold tooling, never documents (a docs site's build cache, dependencies). */
const IGNORED_DIRECTORIES = new Set(['node_modules']);

export function isUrl(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(target);
}

/**
 * Expands `docs add`'s arguments: URLs as they are, files as they are, folders recursively into the
 * supported files they hold (sorted, so ids are assigned in a stable order). A file in a folder gets
 * the id of its path relative to that folder ("guide/env.md" → guide-env). Links are followed once:
 * a folder already visited (a link loop) is skipped, as are hidden entries and node_modules.
 */
export async function collectInputs(args: readonly string[]): Promise<CollectedInputs> {
  const found: CollectedInputs = { targets: [], skipped: [], missing: [] };
  const visited = new Set<string>();
  for (const arg of args) {
    if (isUrl(arg)) {
      found.targets.push({ kind: 'url', url: arg, label: arg });
      continue;
    }
    const path = resolve(arg);
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      found.missing.push({ label: arg, reason: describeFsError(error, 'no such file or folder') });
      continue;
    }
    if (info.isDirectory()) await walkFolder(path, path, found, visited);
    else found.targets.push({ kind: 'file', path, label: arg });
  }
  return found;
}

async function walkFolder(root: string, folder: string, found: CollectedInputs, visited: Set<string>): Promise<void> {
  // An explicit stack, not recursion: a deep tree cannot overflow the call stack.
  const stack = [folder];
  const files: AddTarget[] = [];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    const label = (path: string) => relative(root, path).split(sep).join('/') || basename(path);
    let real: string;
    let names: string[];
    try {
      real = await realpath(dir);
      names = await readdir(dir);
    } catch (error) {
      found.skipped.push({ label: `${label(dir)}/`, reason: describeFsError(error, 'cannot be read') });
      continue;
    }
    if (visited.has(real)) {
      found.skipped.push({ label: `${label(dir)}/`, reason: 'a link back to a folder already read' });
      continue;
    }
    visited.add(real);
    for (const name of names) {
      const path = join(dir, name);
      if (name.startsWith('.') || IGNORED_DIRECTORIES.has(name)) continue;
      let info;
      try {
        info = (await lstat(path)).isSymbolicLink() ? await stat(path) : await lstat(path);
      } catch (error) {
        found.skipped.push({ label: label(path), reason: describeFsError(error, 'a broken link') });
        continue;
      }
      if (info.isDirectory()) stack.push(path);
      else if (!info.isFile()) found.skipped.push({ label: label(path), reason: 'not a regular file' });
      else if (!isSupportedFileName(name)) found.skipped.push({ label: label(path), reason: 'not a type footnote reads' });
      else files.push({ kind: 'file', path, label: label(path), suggestedId: label(path).replace(/\.[^./]+$/, '') });
    }
  }
  // Sorted by path, so ids are handed out in the same order on every run.
  files.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  for (const file of files) found.targets.push(file);
}

function describeFsError(error: unknown, fallback: string): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'a link loop';
  if (code === 'ENOENT') return fallback;
  return `${fallback} (${String(code ?? (error as Error).message)})`;
}
