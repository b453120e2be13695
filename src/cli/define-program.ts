// The CLI's commands, declared with commander (14, the last line that supports Node 20). Chosen over citty
// because it rejects unknown options by name out of the box, prints `--help` for nested subcommands
// (`footnote docs add --help`) and `--version` itself, and lets main stay the one error boundary
// (exitOverride: it throws instead of exiting). citty parses with node:util parseArgs in non-strict mode, so an
// unknown or misspelt flag is silently accepted.
import { Command, Option } from 'commander';
import type { CliContext, ExitCode } from './cli-context.js';

/** A command's body, loaded on demand: `footnote ask` must not import discord.js or the evaluation code. */
export type LoadCommand = () => Promise<(ctx: CliContext) => Promise<ExitCode>>;

/**
 * What the program hands main for the command the user chose: the commander command (for its usage line),
 * the arguments in the form the command module parses, the module's loader, and whether it opens the store.
 */
export type Invocation = { command: Command; args: string[]; load: LoadCommand; opensStore: boolean };

export type ProgramIo = { writeOut: (text: string) => void; writeErr: (text: string) => void };

const guildOption = () => new Option('--guild <id>', "a Discord server's id: its own documents, besides the shared ones");
const jsonOption = () => new Option('--json', 'print one JSON object on stdout (errors too) instead of text');

/** The `footnote` program: every command with its description, options and examples. */
export function defineProgram(version: string, io: ProgramIo, run: (invocation: Invocation) => Promise<void>): Command {
  const program = new Command('footnote')
    .description('Answers questions about a corpus by quoting the passages that answer them, each cited to the sentence.')
    .version(version, '-V, --version', 'print the version')
    .option('--verbose', 'log progress (debug level) on stderr; otherwise only warnings')
    // Set before the subcommands are made, so they inherit it.
    .exitOverride()
    .configureOutput({ ...io, outputError: (text, write) => write(text) })
    .configureHelp({ showGlobalOptions: true });

  const leaf = (command: Command, load: LoadCommand, options: { prefix?: string[]; opensStore?: boolean } = {}) =>
    command.action(async (...params: unknown[]) => {
      const self = params.at(-1) as Command;
      await run({ command: self, args: [...(options.prefix ?? []), ...argsOf(self)], load, opensStore: options.opensStore ?? false });
    });

  leaf(
    examples(
      program
        .command('ask')
        .description('Answer a question from the shipped corpus and the store, quoting and citing the passages that answer it.')
        .argument('<question...>', 'the question (quotes optional)')
        .option('--top <n>', 'how many passages to cite, 1 to 50')
        .addOption(guildOption())
        .addOption(jsonOption()),
      ['footnote ask "Why did the US want the site shut down?"', 'footnote ask "What did the prosecution fail to present?" --top 2 --json'],
    ),
    async () => (await import('./commands/ask-command.js')).askCommand,
    { opensStore: true },
  );

  const docs = program.command('docs').description("Add, list and remove the store's documents (shared, or one server's).");
  const docsCommand = async () => (await import('./commands/docs-command.js')).docsCommand;
  leaf(
    examples(
      docs
        .command('add')
        .description('Add files, folders (every supported file in them) and web pages; one with the same --id, URL or path is replaced.')
        .argument('<targets...>', 'files, folders or http(s) URLs')
        .option('--title <title>', 'the title of a single document (default: from its heading or name)')
        .option('--id <id>', 'the id of a single document (default: from its title or path)')
        .addOption(guildOption())
        .addOption(jsonOption()),
      ['footnote docs add handbook.pdf', 'footnote docs add docs/ https://example.com/faq --guild 123456789012345678'],
    ),
    docsCommand,
    { prefix: ['add'], opensStore: true },
  );
  leaf(
    examples(docs.command('list').description('List the documents: shipped ones and those added to the store.').addOption(guildOption()).addOption(jsonOption()), [
      'footnote docs list',
      'footnote docs list --guild 123456789012345678 --json',
    ]),
    docsCommand,
    { prefix: ['list'], opensStore: true },
  );
  leaf(
    examples(
      docs
        .command('find')
        .description('Find documents by title or id: by word prefix, forgiving typos.')
        .argument('<text...>', 'what to look for')
        .addOption(guildOption())
        .addOption(jsonOption()),
      ['footnote docs find balloon log', 'footnote docs find lighthous --guild 123456789012345678 --json'],
    ),
    docsCommand,
    { prefix: ['find'], opensStore: true },
  );
  leaf(
    examples(docs.command('remove').description('Remove one added document (shipped ones are changed in corpus/).').argument('<id>', 'the document id, as docs list shows it').addOption(guildOption()).addOption(jsonOption()), [
      'footnote docs remove lighthouse-keeping',
    ]),
    docsCommand,
    { prefix: ['remove'], opensStore: true },
  );

  leaf(
    examples(
      program
        .command('trec-run')
        .description('Print a TREC run (qid Q0 docid rank score footnote) for a test collection.')
        .requiredOption('--docs <file>', 'the collection documents, JSON lines {id, title?, text}')
        .requiredOption('--queries <file>', 'the queries, JSON lines {id, text}')
        .option('--top <n>', 'documents per query', '1000'),
      ['footnote trec-run --docs cisi/docs.jsonl --queries cisi/queries.jsonl > cisi.run'],
    ),
    async () => (await import('./commands/trec-run-command.js')).trecRunCommand,
  );
  leaf(
    examples(
      program
        .command('eval')
        .description('Measure answer quality on the dev questions and, with --ir, ranking quality on IR test collections.')
        .option('--ir <dir>', 'a folder of collections, each a folder with docs.jsonl, queries.jsonl and qrels.tsv')
        .option('--questions <dir>', 'the folder with seed-questions.dev.json and offtopic-questions.dev.json (default: eval/)'),
      ['footnote eval', 'footnote eval --ir ~/ir-collections'],
    ),
    async () => (await import('./commands/eval-command.js')).evalCommand,
  );
  leaf(
    examples(
      program
        .command('backup')
        .description("Copy DATA_DIR's store to a file, safely while the bot runs.")
        .argument('<file>', 'the backup file to write')
        .option('--force', 'overwrite the file if it exists')
        .addOption(jsonOption()),
      ['footnote backup /var/backups/footnote-$(date +%F).db'],
    ),
    async () => (await import('./commands/backup-command.js')).backupCommand,
  );
  leaf(
    examples(
      program.command('restore').description("Replace DATA_DIR's store with a backup (the bot must be stopped; the old store is kept aside).").argument('<file>', 'the backup file').addOption(jsonOption()),
      ['footnote restore /var/backups/footnote-2026-01-31.db'],
    ),
    async () => (await import('./commands/restore-command.js')).restoreCommand,
  );
  leaf(
    examples(
      program
        .command('export')
        .description("Write one server's own documents as .txt/.md files with front matter.")
        .requiredOption('--guild <id>', "the Discord server's id")
        .option('--out <dir>', 'the folder to write (default: footnote-export-<id>)'),
      ['footnote export --guild 123456789012345678 --out export/'],
    ),
    async () => (await import('./commands/export-command.js')).exportCommand,
  );
  leaf(
    examples(
      program.command('deploy-commands').description("Register the bot's slash commands with Discord (globally, or in one server).").option('--guild <id>', 'register in this server only (default: DISCORD_GUILD_ID)'),
      ['footnote deploy-commands --guild 123456789012345678', 'footnote deploy-commands'],
    ),
    async () => (await import('./commands/deploy-commands-command.js')).deployCommandsCommand,
  );
  return program;
}

function examples(command: Command, lines: string[]): Command {
  return command.addHelpText('after', `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`);
}

/**
 * The parsed options and operands written back as the arguments the command modules parse (`--top 2 -- what is`).
 * The modules keep parsing plain arguments so they can be called directly in tests with a context; what reaches
 * them here has already passed commander's checks.
 */
function argsOf(command: Command): string[] {
  const options = command.options.flatMap((option) => {
    const value: unknown = command.getOptionValue(option.attributeName());
    if (value === undefined || value === false || option.long === undefined) return [];
    return value === true ? [option.long] : [option.long, String(value)];
  });
  return command.args.length > 0 ? [...options, '--', ...command.args] : options;
}
