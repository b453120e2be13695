import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { guildScope, sourceLabel, visibleScopes, type Scope } from '../../core/documents/document.js';
import { FootnoteError } from '../../core/errors.js';
import type { DocumentInput } from '../../core/knowledge/add-input.js';
import { openKnowledgeBase } from '../../config/open-knowledge-base.js';
import { UsageError, type CliContext, type ExitCode } from '../cli-context.js';

/** `footnote docs add|list|remove`: the operator's document commands (global, or one guild's). */
export async function docsCommand(ctx: CliContext): Promise<ExitCode> {
  const [sub, ...rest] = ctx.args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      title: { type: 'string' },
      id: { type: 'string' },
      guild: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (values.guild !== undefined && !/^\d{17,20}$/.test(values.guild)) throw new UsageError('--guild must be a Discord server id (17–20 digits).');
  const scope: Scope = values.guild === undefined ? 'global' : guildScope(values.guild);
  switch (sub) {
    case 'add': {
      const target = positionals[0];
      if (target === undefined || positionals.length > 1) throw new UsageError('docs add needs exactly one file or URL.');
      const input = await readInput(target, ctx.config.maxDocumentBytes);
      const kb = await openKnowledgeBase(ctx.config, ctx.logger);
      try {
        const result = await kb.add({
          scope,
          input,
          addedBy: 'cli',
          ...(values.title !== undefined && { title: values.title }),
          ...(values.id !== undefined && { id: values.id }),
        });
        ctx.out(`${result.kind === 'added' ? 'Added' : 'Replaced'} "${result.title}" as ${result.id} (${result.passages} passages).`);
        return 0;
      } finally {
        await kb.close();
      }
    }
    case 'list': {
      const kb = await openKnowledgeBase(ctx.config, ctx.logger);
      try {
        const docs = kb.list(values.guild === undefined ? ['global'] : visibleScopes(values.guild));
        if (values.json) {
          ctx.out(JSON.stringify(docs.map((d) => ({ ...d, source: sourceLabel(d.source) }))));
        } else {
          for (const d of docs) {
            const origin = d.readOnly ? 'shipped' : `added by ${d.addedBy} ${d.addedAt.slice(0, 10)}`;
            ctx.out(`${d.id}  ${d.title}  (${d.passages} passages, ${origin}${d.scope === 'global' ? '' : ', this server'})`);
          }
          if (docs.length === 0) ctx.out('No documents.');
        }
        return 0;
      } finally {
        await kb.close();
      }
    }
    case 'remove': {
      const id = positionals[0];
      if (id === undefined || positionals.length > 1) throw new UsageError('docs remove needs exactly one document id.');
      const kb = await openKnowledgeBase(ctx.config, ctx.logger);
      try {
        const removed = kb.remove(scope, id);
        ctx.out(`Removed "${removed.title}" (${removed.id}).`);
        return 0;
      } finally {
        await kb.close();
      }
    }
    default:
      throw new UsageError(sub === undefined ? 'docs needs add, list or remove.' : `Unknown docs command "${sub}".`);
  }
}

/** A URL is fetched by the core (with its address checks); a local file is read here, size-checked first. */
async function readInput(target: string, maxBytes: number): Promise<DocumentInput> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) return { kind: 'url', url: target };
  let size: number;
  try {
    const info = await stat(target);
    if (!info.isFile()) throw new FootnoteError('not_found', `${target} is not a file.`);
    size = info.size;
  } catch (error) {
    if (error instanceof FootnoteError) throw error;
    throw new FootnoteError('not_found', `Cannot read ${target}: no such file.`, { cause: error });
  }
  if (size > maxBytes) {
    throw new FootnoteError('too_large', `${basename(target)} is ${(size / 1048576).toFixed(1)} MB; the limit is ${(maxBytes / 1048576).toFixed(0)} MB.`);
  }
  return { kind: 'file', name: basename(target), bytes: new Uint8Array(await readFile(target)) };
}
