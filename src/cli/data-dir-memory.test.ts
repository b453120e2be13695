import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/helpers.js';
import { STORE_FILE } from '../core/store/document-store.js';
import { dataDirMemory } from './data-dir-memory.js';

describe('dataDirMemory', () => {
  let dir: ReturnType<typeof tempDir>;
  let env: NodeJS.ProcessEnv;
  const store = (name: string) => {
    const path = join(dir.path, name);
    mkdirSync(path, { recursive: true });
    writeFileSync(join(path, STORE_FILE), '');
    return path;
  };
  beforeEach(() => {
    dir = tempDir('footnote-memory-');
    env = { XDG_STATE_HOME: join(dir.path, 'state') };
  });
  afterEach(() => dir.remove());

  it('warns before a new empty store when the last run used a store elsewhere, naming both folders', () => {
    const earlier = store('earlier');
    dataDirMemory(env).remember(earlier);
    const warning = dataDirMemory(env).warningFor(join(dir.path, 'elsewhere'));
    expect(warning).toContain(join(dir.path, 'elsewhere'));
    expect(warning).toContain(`DATA_DIR=${earlier}`);
  });

  it('says nothing when the folder already has a store, or is the one remembered', () => {
    const earlier = store('earlier');
    const other = store('other');
    dataDirMemory(env).remember(earlier);
    expect(dataDirMemory(env).warningFor(other)).toBeUndefined();
    expect(dataDirMemory(env).warningFor(earlier)).toBeUndefined();
  });

  it('says nothing on a first run, or when the remembered store is gone', () => {
    expect(dataDirMemory(env).warningFor(join(dir.path, 'new'))).toBeUndefined();
    const earlier = join(dir.path, 'earlier');
    mkdirSync(join(env.XDG_STATE_HOME!, 'footnote'), { recursive: true });
    writeFileSync(join(env.XDG_STATE_HOME!, 'footnote', 'last-data-dir'), `${earlier}\n`);
    expect(dataDirMemory(env).warningFor(join(dir.path, 'new'))).toBeUndefined();
  });

  it('remembers only a folder that holds a store', () => {
    const earlier = store('earlier');
    dataDirMemory(env).remember(earlier);
    dataDirMemory(env).remember(join(dir.path, 'never-created'));
    expect(dataDirMemory(env).warningFor(join(dir.path, 'new'))).toContain(earlier);
  });

  it('keeps its file under ~/.local/state without XDG_STATE_HOME, and ignores a relative XDG_STATE_HOME', () => {
    const earlier = store('earlier');
    const home = { HOME: join(dir.path, 'home'), XDG_STATE_HOME: 'relative/state' };
    dataDirMemory(home).remember(earlier);
    expect(dataDirMemory({ HOME: home.HOME }).warningFor(join(dir.path, 'new'))).toContain(earlier);
  });

  it('stays silent, and harmless, without a home folder', () => {
    const memory = dataDirMemory({});
    expect(() => memory.remember(store('earlier'))).not.toThrow();
    expect(memory.warningFor(join(dir.path, 'new'))).toBeUndefined();
  });
});
