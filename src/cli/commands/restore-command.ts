import { hostname } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FootnoteError, lockIsLive, processIsAlive, readRunLock, restoreStore, RUN_LOCK_FILE } from '../../core/index.js';
import { UsageError, type CliContext, type ExitCode } from '../cli-context.js';
import { formatStoreInfo } from './format-store-info.js';

/**
 * `footnote restore <file>`: replaces DATA_DIR's store with a backup. Refuses while the bot runs on DATA_DIR (its
 * lock names a live process) and when the file is not an intact footnote store this version can open. The current
 * store is moved aside, not deleted; the index is rebuilt from the restored store when the bot next starts.
 */
export async function restoreCommand(ctx: CliContext): Promise<ExitCode> {
  const { values, positionals } = parseArgs({ args: ctx.args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) throw new UsageError('restore needs exactly one backup file.');
  const { dataDir } = ctx.config;
  const lock = readRunLock(dataDir);
  if (lock && lockIsLive(lock, { hostname: hostname(), isAlive: processIsAlive })) {
    throw new FootnoteError(
      'read_only',
      `The bot is running on ${dataDir} (pid ${lock.pid} on ${lock.hostname}, since ${lock.startedAt}): stop it first ` +
        `(e.g. systemctl stop footnote). If it is not running, delete ${join(dataDir, RUN_LOCK_FILE)} and try again.`,
    );
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const { info, previous } = restoreStore(dataDir, file, stamp);
  if (values.json) {
    ctx.out(JSON.stringify({ restored: { from: file, into: dataDir, ...info, previous: previous ?? null } }));
    return 0;
  }
  ctx.out(`Restored ${file} into ${dataDir}: ${formatStoreInfo(info)}.`);
  ctx.out(previous ? `The store it replaced is kept as ${previous}.` : 'There was no store before.');
  ctx.out('The index is rebuilt from the restored store when the bot (or any footnote command) next starts.');
  return 0;
}
