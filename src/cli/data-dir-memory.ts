import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { STORE_FILE } from '../core/index.js';

/**
 * The CLI remembers the last DATA_DIR that held a store, in one small file under the user's state folder
 * ($XDG_STATE_HOME/footnote/last-data-dir, else ~/.local/state/footnote/last-data-dir). With it, a run that
 * is about to create a new empty store (DATA_DIR defaults to ./data, so another working folder means another
 * store) can say where the earlier one is. Remembering is exact and cheap; guessing from a relative DATA_DIR
 * would miss absolute paths and could only find "another store" by searching the disk. Tests point
 * XDG_STATE_HOME at a temporary folder. The memory is advice only: a state folder that cannot be read or
 * written changes nothing else.
 */
export function dataDirMemory(env: NodeJS.ProcessEnv = process.env) {
  const file = memoryFile(env);
  return {
    /** The warning for a run on `dataDir`, if it has no store yet and the last remembered one is elsewhere and still there. */
    warningFor(dataDir: string): string | undefined {
      if (file === undefined || existsSync(join(dataDir, STORE_FILE))) return undefined;
      const last = readLast(file);
      if (last === undefined || last === dataDir || !existsSync(join(last, STORE_FILE))) return undefined;
      return (
        `Note: ${dataDir} has no footnote store, so this run starts a new empty one there. ` +
        `The last run used ${last}: set DATA_DIR=${last} (or run from its folder) to use that store.`
      );
    },
    /** Remembers `dataDir` when it holds a store (after a run that used it). */
    remember(dataDir: string): void {
      if (file === undefined || !existsSync(join(dataDir, STORE_FILE)) || readLast(file) === dataDir) return;
      try {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, `${dataDir}\n`);
      } catch {
        // Advice only: a read-only home folder must not fail the command that just succeeded.
      }
    },
  };
}

function memoryFile(env: NodeJS.ProcessEnv): string | undefined {
  // XDG Base Directory spec: a relative XDG_STATE_HOME is invalid and ignored.
  const state = env.XDG_STATE_HOME !== undefined && isAbsolute(env.XDG_STATE_HOME) ? env.XDG_STATE_HOME : undefined;
  const home = env.HOME !== undefined && env.HOME !== '' ? join(env.HOME, '.local', 'state') : undefined;
  const base = state ?? home;
  return base === undefined ? undefined : join(base, 'footnote', 'last-data-dir');
}

function readLast(file: string): string | undefined {
  try {
    const path = readFileSync(file, 'utf8').trim();
    return isAbsolute(path) ? path : undefined;
  } catch {
    return undefined;
  }
}
