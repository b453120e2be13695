import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT, tempDir } from '../helpers.js';

export type CliResult = { code: number | null; stdout: string; stderr: string };

/**
 * Runs the real `footnote` binary (bin/footnote.js over the built dist/) with its own environment. Unless the
 * test gives XDG_STATE_HOME, each run gets a fresh state folder, so the CLI's memory of the last DATA_DIR never
 * leaks between tests (or into the developer's home folder).
 */
export function runFootnote(args: string[], env: Record<string, string> = {}, cwd = REPO_ROOT): Promise<CliResult> {
  const state = env.XDG_STATE_HOME === undefined ? tempDir('footnote-state-') : undefined;
  return new Promise<CliResult>((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'footnote.js'), ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...(state && { XDG_STATE_HOME: state.path }), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  }).finally(() => state?.remove());
}
