import { parseArgs } from 'node:util';
import { backupStore } from '../../core/index.js';
import { UsageError, type CliContext, type ExitCode } from '../cli-context.js';
import { formatStoreInfo } from './format-store-info.js';

/**
 * `footnote backup <file> [--force]`: a consistent copy of DATA_DIR's store, safe to take while the bot runs
 * (SQLite's online backup), written to a temporary name and renamed into place when complete and checked.
 */
export async function backupCommand(ctx: CliContext): Promise<ExitCode> {
  const { values, positionals } = parseArgs({ args: ctx.args, allowPositionals: true, options: { force: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } } });
  const [target, ...extra] = positionals;
  if (target === undefined || extra.length > 0) throw new UsageError('backup needs exactly one file to write.');
  const info = await backupStore(ctx.config.dataDir, target, { overwrite: values.force });
  if (values.json) ctx.out(JSON.stringify({ backup: { from: ctx.config.dataDir, to: target, ...info } }));
  else ctx.out(`Backed up ${ctx.config.dataDir} to ${target}: ${formatStoreInfo(info)}.`);
  return 0;
}
