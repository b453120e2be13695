import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from '../helpers.js';
import { runFootnote } from './run-footnote.js';

const ANSI = /\u001b\[/;
const QUESTION = 'Why did the US want the site shut down?';

describe('the footnote binary, as Node users expect a CLI', () => {
  const work = tempDir('footnote-conventions-');
  const env = (extra: Record<string, string> = {}) => ({ DATA_DIR: join(work.path, 'data'), ...extra });
  afterAll(() => work.remove());

  it("prints package.json's version with --version", async () => {
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    const result = await runFootnote(['--version'], env());
    expect(result).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it.each([
    [['ask', '--help'], /Usage: footnote ask \[options\] <question\.\.\.>/, /Answer a question/, /\$ footnote ask "/],
    [['docs', 'add', '--help'], /Usage: footnote docs add \[options\] <targets\.\.\.>/, /Add files, folders/, /\$ footnote docs add /],
    [['docs', 'remove', '-h'], /Usage: footnote docs remove \[options\] <id>/, /Remove one added document/, /\$ footnote docs remove /],
  ])('explains %j with a usage line, a description and an example, exit 0', async (args, usage, description, example) => {
    const result = await runFootnote(args, env());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(usage);
    expect(result.stdout).toMatch(description);
    expect(result.stdout).toMatch(/--verbose/);
    expect(result.stdout).toMatch(example);
  });

  it('names an unknown option, shows the usage, and exits 2', async () => {
    const result = await runFootnote(['ask', QUESTION, '--colour'], env());
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/unknown option '--colour'/);
    expect(result.stderr).toContain('Usage: footnote ask');
  });

  it('names an unknown command and exits 2', async () => {
    const result = await runFootnote(['docs', 'rename'], env());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown command 'rename'/);
  });

  it('prints no escape codes with NO_COLOR or through a pipe: answers, help, usage errors and log lines', async () => {
    const runs = await Promise.all([
      runFootnote(['ask', QUESTION], env({ NO_COLOR: '1' })),
      runFootnote(['ask', QUESTION, '--verbose'], env()),
      runFootnote(['ask', '--help'], env({ NO_COLOR: '1' })),
      runFootnote(['ask', '--top', 'many', QUESTION], env()),
    ]);
    expect(runs[1]!.stderr).toMatch(/"msg":/);
    for (const run of runs) expect(run.stdout + run.stderr).not.toMatch(ANSI);
  });

  it('does not print info logs because LOG_LEVEL=info is set for the bot, unless --verbose asks', async () => {
    const quiet = await runFootnote(['ask', QUESTION], env({ LOG_LEVEL: 'info' }));
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    const verbose = await runFootnote(['--verbose', 'ask', QUESTION], env({ LOG_LEVEL: 'info' }));
    expect(verbose.code).toBe(0);
    expect(verbose.stderr).toMatch(/"level":(20|30)/);
    expect(verbose.stdout).toMatch(/^\[1\] /m);
  });

  it.each([
    ['a missing folder', '/nonexistent', /--ir \/nonexistent: no such folder/],
    ['a folder without test collections', REPO_ROOT + '/src', /holds no test collection/],
  ])('refuses eval --ir with %s in one line, exit 1, before printing any table', async (_, dir, message) => {
    const result = await runFootnote(['eval', '--ir', dir], env());
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });

  it('refuses eval --questions with a missing folder in one line, exit 1', async () => {
    const result = await runFootnote(['eval', '--questions', join(work.path, 'no-questions')], env());
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/Cannot read .*seed-questions\.dev\.json \(--questions\): no such file/);
  });

  it('lists a one-passage document as "1 passage"', async () => {
    const file = join(work.path, 'tide.txt');
    writeFileSync(file, 'High tide at the harbour is at six in the morning.\n');
    const own = env({ DATA_DIR: join(work.path, 'plural-data') });
    expect((await runFootnote(['docs', 'add', file, '--id', 'tide'], own)).code).toBe(0);
    expect((await runFootnote(['docs', 'list'], own)).stdout).toMatch(/^tide {2}.+ {2}\(1 passage, added by cli /m);
  });

  it('says on stderr when it starts a new empty store in another folder than the last run used', async () => {
    const state = { XDG_STATE_HOME: join(work.path, 'state') };
    const first = join(work.path, 'first');
    const other = join(work.path, 'other');
    expect((await runFootnote(['docs', 'list'], { ...state, DATA_DIR: first })).stderr).toBe('');

    const elsewhere = await runFootnote(['docs', 'list'], { ...state, DATA_DIR: 'other' }, work.path);
    expect(elsewhere.code).toBe(0);
    expect(elsewhere.stdout).toMatch(/shipped/);
    expect(elsewhere.stderr.trim().split('\n')).toHaveLength(1);
    expect(elsewhere.stderr).toContain(`${other} has no footnote store`);
    expect(elsewhere.stderr).toContain(`DATA_DIR=${first}`);

    // Said once: the new store now exists, and going back to the first one is not "new" either.
    expect((await runFootnote(['docs', 'list'], { ...state, DATA_DIR: other })).stderr).toBe('');
    expect((await runFootnote(['docs', 'list'], { ...state, DATA_DIR: first })).stderr).toBe('');
  });

  it('loads neither discord.js nor the evaluation code for footnote ask', () => {
    // A module resolve hook that prints every module URL it sees on stderr.
    const hook = join(work.path, 'trace-modules.mjs');
    const resolveHook = 'export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write(`LOADED ${r.url}\\n`); return r; }';
    writeFileSync(hook, `import { register } from 'node:module';\nregister('data:text/javascript,' + encodeURIComponent(${JSON.stringify(resolveHook)}));\n`);
    const result = spawnSync(process.execPath, ['--import', hook, join(REPO_ROOT, 'bin', 'footnote.js'), 'ask', QUESTION], {
      env: { PATH: process.env.PATH ?? '', DATA_DIR: join(work.path, 'data'), XDG_STATE_HOME: join(work.path, 'trace-state') },
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    const loaded = result.stderr.split('\n').filter((line) => line.startsWith('LOADED '));
    expect(loaded.some((line) => line.includes('/cli/commands/ask-command.js'))).toBe(true);
    expect(loaded.filter((line) => /node_modules\/(discord\.js|@discordjs)\/|\/core\/eval\/|eval-command/.test(line))).toEqual([]);
  });
});
