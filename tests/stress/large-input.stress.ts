import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';

const run = promisify(execFile);
const PROCESS = join(import.meta.dirname, 'large-input-process.ts');
const KINDS = ['blank-line paragraphs', 'one-letter lines', 'flat <p> HTML', 'tab-separated text'];
/** The bot's process under a 1 GB heap: cutting these inputs on the main thread took 1.1 to 2.8 GB. */
const HEAP_MB = 1024;

type Report = { outcome: 'added' | 'refused' | 'opened'; message?: string; passages?: number; documents?: number; peakMb: number };

async function footnote(...args: string[]): Promise<Report> {
  const { stdout } = await run(process.execPath, [`--max-old-space-size=${HEAP_MB}`, '--import', 'tsx', PROCESS, ...args], { timeout: 120_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Report;
}

describe('adding 9.9 MB documents built to take memory, in a process with a 1 GB heap', () => {
  let data: ReturnType<typeof tempDir>;
  beforeEach(() => {
    data = tempDir();
  });
  afterEach(() => data.remove());

  it.each(KINDS)('adds %s or refuses it with a clear message, and the process lives on', async (kind) => {
    const report = await footnote('add', data.path, kind);
    if (report.outcome === 'refused') {
      expect(report.message).toMatch(/^Cutting the text into passages (needed more than 256 MB of memory|took longer than 20 s), so it was stopped/);
    } else {
      expect(report.outcome).toBe('added');
    }
    // The worker's heap cap (256 MB) and its watchdog (twice that in resident memory) bound the process.
    expect(report.peakMb).toBeLessThan(HEAP_MB + 256);
  });

  it('adds 9.9 MB of ordinary prose', async () => {
    const report = await footnote('add', data.path, 'prose');
    expect(report.outcome).toBe('added');
    expect(report.passages).toBeGreaterThan(5000);
  });

  it('rebuilds the index of a large accepted document on the main thread within the heap limit', async () => {
    const added = await footnote('add', data.path, 'tab-separated text', '4000000');
    expect(added).toMatchObject({ outcome: 'added', passages: 4000 });
    rmSync(join(data.path, 'index'), { recursive: true, force: true });
    const opened = await footnote('open', data.path);
    expect(opened.outcome).toBe('opened');
    expect(opened.passages).toBeGreaterThanOrEqual(4000);
  });
});
