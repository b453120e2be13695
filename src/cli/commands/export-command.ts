import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DocumentStore, exportDocuments, FootnoteError, guildScope, plural, STORE_FILE, type StoredDocument } from '../../core/index.js';
import { UsageError, type CliContext, type ExitCode } from '../cli-context.js';

/**
 * `footnote export --guild ID [--out DIR]`: one server's own documents (never the shared corpus, never another
 * server's) as .txt/.md files with front matter, into DIR (default `footnote-export-<ID>`). Existing files are
 * never overwritten: the export stops before writing anything if one of its names is taken.
 */
export async function exportCommand(ctx: CliContext): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: ctx.args,
    allowPositionals: true,
    options: { guild: { type: 'string' }, out: { type: 'string' } },
  });
  if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
  if (values.guild === undefined || !/^\d{17,20}$/.test(values.guild)) throw new UsageError('--guild must be a Discord server id (17–20 digits).');
  const out = resolve(values.out ?? `footnote-export-${values.guild}`);

  const scope = guildScope(values.guild);
  if (!existsSync(join(ctx.config.dataDir, STORE_FILE))) {
    throw new FootnoteError('not_found', `There is no document store in ${ctx.config.dataDir} (no ${STORE_FILE}); check DATA_DIR.`);
  }
  const store = DocumentStore.open(ctx.config.dataDir);
  let documents: StoredDocument[];
  try {
    documents = store.list([scope]).flatMap((meta) => store.get(scope, meta.id) ?? []);
  } finally {
    store.close();
  }
  const files = exportDocuments(documents);
  for (const file of files) {
    // exportDocuments only makes bare names; checked again here, where a path would do harm.
    if (basename(file.name) !== file.name || file.name.startsWith('.')) throw new Error(`unsafe export file name ${JSON.stringify(file.name)}`);
  }
  const taken = files.filter((f) => existsSync(join(out, f.name)));
  if (taken.length > 0) {
    throw new FootnoteError('duplicate', `${out} already holds ${taken.map((f) => f.name).join(', ')}; export into another folder with --out.`);
  }
  mkdirSync(out, { recursive: true });
  for (const file of files) writeFileSync(join(out, file.name), file.content, { flag: 'wx' });
  ctx.out(`Exported ${plural(files.length, 'document')} of server ${values.guild} to ${out}${files.length ? ':' : '.'}`);
  for (const file of files) ctx.out(`  ${file.name}`);
  return 0;
}
