import { describe, expect, it } from 'vitest';
import { analyze } from '../engine/engine.js';
import { errorCodes, errorMessages, holdsMessage, withoutTraces } from './pasted-output.js';

const trace = [
  "Error: ENOSPC: System limit for number of file watchers reached, watch '/home/me/proj/src'",
  '    at FSWatcher.<computed> (node:internal/fs/watchers:247:19)',
  '    at async createFsWatchInstance (file:///home/me/proj/node_modules/vite/dist/node/chunks/dep-CDnG8rE7.js:50470:17)',
  '    at file:///home/me/proj/vite.config.ts:12:5',
  '  File "/usr/lib/python3/dist-packages/pip/commands/install.py", line 316, in run',
  'see http://localhost:5173/ and file:///home/me/proj/index.html',
].join('\n');

describe('withoutTraces', () => {
  it('drops V8 and Python stack frames and file URLs, and keeps the error line, web URLs and paths', () => {
    const left = withoutTraces(trace);
    expect(left).toContain("Error: ENOSPC: System limit for number of file watchers reached, watch '/home/me/proj/src'");
    expect(left).toContain('http://localhost:5173/');
    for (const gone of ['FSWatcher', 'createFsWatchInstance', 'dep-CDnG8rE7', '50470', 'vite.config.ts', 'install.py', 'index.html']) expect(left).not.toContain(gone);
  });

  it('finds the frames of a trace Discord joined into one line', () => {
    const words = (text: string) => text.split(/\s+/).filter(Boolean);
    expect(words(withoutTraces(trace.replace(/\s+/g, ' ')))).toEqual(words(withoutTraces(trace)));
  });

  it('leaves a question without a trace as it is', () => {
    const question = 'where is ~/.local/share/pnpm/store, and what is at src/main.ts:12?';
    expect(withoutTraces(question)).toBe(question);
  });
});

describe('errorMessages and errorCodes', () => {
  it('reads an error line up to the path, quote or frame that follows it', () => {
    expect(errorMessages(trace)).toEqual([analyze('Error: ENOSPC: System limit for number of file watchers reached, watch')]);
    expect(errorMessages('Uncaught TypeError: Failed to fetch dynamically imported module: https://x.test/a.js')[0]).toEqual(analyze('TypeError: Failed to fetch dynamically imported module: https://x.test/a.js'));
    expect(errorMessages(' ERR_PNPM_OUTDATED_LOCKFILE  Cannot install with "frozen-lockfile" because')).toEqual([analyze('ERR_PNPM_OUTDATED_LOCKFILE  Cannot install with')]);
  });

  it('leaves out error lines too short to recognise, and prose about errors', () => {
    expect(errorMessages('Error: failed')).toEqual([]);
    expect(errorMessages('how do I handle errors in middleware?')).toEqual([]);
  });

  it('names ERR_ codes, and E-codes before their colon', () => {
    expect(errorCodes(trace)).toEqual(new Set(['enospc']));
    expect(errorCodes('ERR_PNPM_OUTDATED_LOCKFILE in CI, and EVERYTHING fails')).toEqual(new Set(['err_pnpm_outdated_lockfile']));
  });
});

describe('holdsMessage', () => {
  const message = analyze('Error: ENOSPC: System limit for number of file watchers reached');

  it('finds four of the message’s terms in a row', () => {
    expect(holdsMessage([message], 'Vite crashes with: > Error: ENOSPC: System limit for number of file watchers reached')).toBe(true);
    expect(holdsMessage([message], 'the system limit for number of file watchers reached, raise it')).toBe(true);
  });

  it('is not fooled by the same words scattered', () => {
    expect(holdsMessage([message], 'Watchers are limited by the system. Reached a number? Each file counts.')).toBe(false);
    expect(holdsMessage([], 'anything')).toBe(false);
  });
});
