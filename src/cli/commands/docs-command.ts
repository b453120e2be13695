import { parseArgs } from 'node:util';
import { guildScope, type Scope, sourceLabel, visibleScopes } from '../../core/index.js';
import { openKnowledgeBase } from '../../config/open-knowledge-base.js';
import { UsageError, type CliContext, type ExitCode } from '../cli-context.js';
import { docsAdd } from '../add/docs-add.js';
import { plural } from '../../core/index.js';
import { warnReadOnly } from '../warn-read-only.js';

/** Documents `docs find` prints at most. */
const FIND_LIMIT = 25;

/** `footnote docs add|list|find|remove`: the operator's document commands (global, or one guild's). */
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
    case 'add':
      return docsAdd(ctx, positionals, {
        scope,
        json: values.json,
        ...(values.title !== undefined && { title: values.title }),
        ...(values.id !== undefined && { id: values.id }),
      });
    case 'list': {
      const kb = await openKnowledgeBase(ctx.config, ctx.logger);
      warnReadOnly(ctx, kb);
      try {
        const docs = kb.list(values.guild === undefined ? ['global'] : visibleScopes(values.guild));
        if (values.json) {
          ctx.out(JSON.stringify(docs.map((d) => ({ ...d, source: sourceLabel(d.source) }))));
        } else {
          for (const d of docs) {
            const origin = d.readOnly ? 'shipped' : `added by ${d.addedBy} ${d.addedAt.slice(0, 10)}`;
            ctx.out(`${d.id}  ${d.title}  (${plural(d.passages, 'passage')}, ${origin}${d.scope === 'global' ? '' : ', this server'})`);
          }
          if (docs.length === 0) ctx.out('No documents.');
        }
        return 0;
      } finally {
        await kb.close();
      }
    }
    case 'find': {
      const text = positionals.join(' ');
      if (text.trim() === '') throw new UsageError('docs find needs the text to look for in titles and ids.');
      const kb = await openKnowledgeBase(ctx.config, ctx.logger);
      warnReadOnly(ctx, kb);
      try {
        const found = kb.findDocuments(text, values.guild === undefined ? ['global'] : visibleScopes(values.guild), FIND_LIMIT);
        if (values.json) ctx.out(JSON.stringify(found.map(({ scope, id, title }) => ({ scope, id, title }))));
        else {
          for (const d of found) ctx.out(`${d.id}  ${d.title}${d.scope === 'global' ? '' : '  (this server)'}`);
          if (found.length === 0) ctx.out('No document title or id matches.');
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
        if (values.json) ctx.out(JSON.stringify({ removed: { id: removed.id, title: removed.title, source: sourceLabel(removed.source) } }));
        else ctx.out(`Removed "${removed.title}" (${removed.id}).`);
        return 0;
      } finally {
        await kb.close();
      }
    }
    default:
      throw new UsageError(sub === undefined ? 'docs needs add, list, find or remove.' : `Unknown docs command "${sub}".`);
  }
}
