/** The store race harness: a reader in this process against writer processes (tests/core/store-process.ts). */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect } from 'vitest';
import { KnowledgeBase } from '../../src/core/knowledge/knowledge-base.js';
import { CORPUS_DIR, REPO_ROOT } from '../helpers.js';
import { missingRaceDocuments } from './race-documents.js';

const STORE_PROCESS = join(REPO_ROOT, 'tests', 'core', 'store-process.ts');

/** Runs tests/core/store-process.ts in its own Node process; resolves with its exit code and output. */
export function runStoreProcess(args: string[]): { done: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', STORE_PROCESS, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { done };
}

/**
 * A long-lived reader (the bot) catching up while `writers` other processes (operators' CLIs) add
 * `perWriter` documents each; then every one of them must be searchable in the reader, in a fresh
 * process and after the reader's snapshot is loaded again.
 */
export async function raceReaderAgainstWriters(dataDir: string, writers: number, perWriter: number): Promise<void> {
  const count = writers * perWriter;
  const reader = await KnowledgeBase.open({ corpusDir: CORPUS_DIR, dataDir });
  const running = Array.from({ length: writers }, (_, w) => runStoreProcess(['add', dataDir, String(w * perWriter), String(perWriter)]).done);
  let writing = true;
  const finished = Promise.all(running).finally(() => (writing = false));
  for (let asked = 0; writing; asked++) {
    reader.sync();
    reader.ask(`racemarker${asked % count}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
  for (const { code, stderr } of await finished) expect(code, stderr).toBe(0);

  const missed = missingRaceDocuments(reader, count);
  expect(missed, `${missed.length} of ${count} documents missed by the reader`).toEqual([]);
  await reader.close(); // writes the reader's snapshot, the one the next start loads
  const fresh = await runStoreProcess(['check', dataDir, String(count)]).done;
  expect(fresh.code, fresh.stderr).toBe(0);
  expect(JSON.parse(fresh.stdout) as string[], 'missed by a fresh process').toEqual([]);
  const reloaded = await KnowledgeBase.open({ corpusDir: CORPUS_DIR, dataDir });
  try {
    expect(missingRaceDocuments(reloaded, count), 'missed after the snapshot reload').toEqual([]);
  } finally {
    await reloaded.close();
  }
}

