import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FootnoteError } from '../../src/core/errors.js';
import { KnowledgeBase, type KnowledgeBaseOptions } from '../../src/core/knowledge/knowledge-base.js';
import type { Logger } from '../../src/core/logger.js';
import { CORPUS_DIR, tempDir } from '../helpers.js';

const GUILD_A = '111111111111111111';
const GUILD_B = '222222222222222222';
const text = (t: string) => ({ kind: 'file' as const, name: 'notes.txt', bytes: new TextEncoder().encode(t) });
/** A logger that keeps its debug and info lines ("info <message> <context>"), to check what was said. */
function recordingLogger(): { logs: string[]; logger: Logger } {
  const logs: string[] = [];
  const logger = { debug: (_: object, m?: string) => logs.push(`debug ${m}`), info: (o: object, m?: string) => logs.push(`info ${m} ${JSON.stringify(o)}`), warn() {}, error() {} };
  return { logs, logger };
}

const ZEBRA = 'The zebra crossing policy was adopted by the council in 1951. Pedestrians gained priority at striped crossings.';

describe('KnowledgeBase', () => {
  let data: ReturnType<typeof tempDir>;
  const open: Array<KnowledgeBase> = [];
  const openKb = async (extra: Partial<KnowledgeBaseOptions> = {}) => {
    const kb = await KnowledgeBase.open({ corpusDir: CORPUS_DIR, dataDir: data.path, ...extra });
    open.push(kb);
    return kb;
  };
  beforeEach(() => {
    data = tempDir();
  });
  /** Opens the knowledge base on a damaged snapshot: it must say it rebuilt the index, and why, and answer as before. */
  const expectRebuiltAndAnswering = async (logs: string[], logger: Logger, reason: RegExp) => {
    logs.length = 0;
    const rebuilt = await openKb({ logger });
    expect(logs.some((l) => l.includes('building the index') && reason.test(l))).toBe(true);
    const answer = rebuilt.ask('zebra crossing policy');
    expect(answer.kind === 'answer' && answer.results[0]!.text).toContain('zebra crossing policy');
    await rebuilt.close();
  };
  afterEach(async () => {
    for (const kb of open.splice(0)) await kb.close();
    data.remove();
  });

  it('makes an added document searchable at once and keeps it across a restart', async () => {
    const kb = await openKb();
    const added = await kb.add({ scope: 'global', input: text(ZEBRA), title: 'Zebra crossings', addedBy: 'op' });
    expect(added).toMatchObject({ kind: 'added', id: 'zebra-crossings', passages: 1 });
    expect(kb.ask('When was the zebra crossing policy adopted?').kind).toBe('answer');
    await kb.close();
    const again = await openKb();
    const answer = again.ask('When was the zebra crossing policy adopted?');
    expect(answer.kind === 'answer' && answer.results[0]!.docId).toBe('zebra-crossings');
  });

  it('cuts an added text into passages in the extraction worker, under its time limit: a text too slow to split is refused and nothing is added', async () => {
    const kb = await openKb({ extraction: { limits: { timeoutMs: 300 } } });
    // 2.4 MB of two-letter paragraphs: seconds of splitting, so the worker's 300 ms run out first.
    const slow = 'ab\n\n'.repeat(600_000);
    const refused = kb.add({ scope: `guild:${GUILD_A}`, input: text(slow), title: 'Slow', addedBy: 'op' });
    await expect(refused).rejects.toMatchObject({
      code: 'extraction_failed',
      message: 'Cutting the text into passages took longer than 300 ms, so it was stopped; the file may be malformed.',
    });
    expect(kb.list([`guild:${GUILD_A}`])).toEqual([]);
    expect(kb.ask('What did the embassy report about the prosecution of the site?').kind).toBe('answer');
  });

  it('indexes an added document with exactly the passages its stored text gives (reusing the cut of the check)', async () => {
    const long = Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1} says the zebra crossing rule ${i} applies to lane ${i * 3}.`).join('\n\n');
    const kb = await openKb();
    await kb.add({ scope: `guild:${GUILD_A}`, input: text(long), title: 'Long rules', addedBy: 'op' });
    const fresh = (kb.document([`guild:${GUILD_A}`], 'long-rules')?.passages ?? []).map(({ id, docId, ordinal, text: t, lineStart, lineEnd }) => ({ id, docId, ordinal, t, lineStart, lineEnd }));
    expect(fresh.length).toBeGreaterThan(2);
    expect(fresh.every((p) => p.id === `long-rules#p${p.ordinal}` && p.docId === 'long-rules')).toBe(true);
    await kb.close();
    rmSync(join(data.path, 'index'), { recursive: true }); // the next start cuts the stored text again
    const again = await openKb();
    const recut = (again.document([`guild:${GUILD_A}`], 'long-rules')?.passages ?? []).map(({ id, docId, ordinal, text: t, lineStart, lineEnd }) => ({ id, docId, ordinal, t, lineStart, lineEnd }));
    expect(recut).toEqual(fresh);
  });

  it("keeps each server's documents to that server", async () => {
    const kb = await openKb();
    await kb.add({ scope: `guild:${GUILD_A}`, input: text(ZEBRA), title: 'Zebra crossings', addedBy: 'mod-a' });
    const question = 'When was the zebra crossing policy adopted?';
    expect(kb.ask(question, { guildId: GUILD_A }).kind).toBe('answer');
    expect(kb.ask(question, { guildId: GUILD_B }).kind).toBe('no-match');
    expect(kb.ask(question).kind).toBe('no-match');
    expect(kb.document([`guild:${GUILD_B}`, 'global'], 'zebra-crossings')).toBeUndefined();
    expect(() => kb.remove(`guild:${GUILD_B}`, 'zebra-crossings')).toThrow(FootnoteError);
    expect(kb.ask(question, { guildId: GUILD_A }).kind).toBe('answer');
  });

  it('replaces a document re-added from the same path, and refuses the same text under another document', async () => {
    const kb = await openKb();
    const at = (t: string) => ({ ...text(t), path: '/srv/docs/notes.txt' });
    await kb.add({ scope: 'global', input: at(ZEBRA), title: 'Zebra crossings', addedBy: 'op' });
    const replaced = await kb.add({ scope: 'global', input: at(`${ZEBRA} Amended in 1971.`), addedBy: 'op' });
    expect(replaced).toMatchObject({ kind: 'replaced', id: 'zebra-crossings', replaced: { id: 'zebra-crossings', title: 'Zebra crossings', addedBy: 'op' } });
    await expect(
      kb.add({ scope: 'global', input: { ...text(`${ZEBRA} Amended in 1971.`), name: 'other.txt' }, addedBy: 'op' }),
    ).rejects.toMatchObject({ code: 'duplicate' });
    expect(kb.list(['global']).filter((d) => !d.readOnly)).toHaveLength(1);
  });

  it('never cites two near-identical passages, even from two documents', async () => {
    const kb = await openKb();
    await kb.add({ scope: 'global', input: text(ZEBRA), title: 'Zebra crossings', addedBy: 'op' });
    await kb.add({ scope: 'global', input: { ...text(ZEBRA.replace('council', 'city council')), name: 'copy.txt' }, title: 'Zebra copy', addedBy: 'op' });
    const answer = kb.ask('When was the zebra crossing policy adopted by the council?', { top: 5 });
    expect(answer.kind).toBe('answer');
    if (answer.kind !== 'answer') return;
    expect(answer.results.filter((r) => r.text.includes('zebra crossing policy'))).toHaveLength(1);
  });

  it('refuses to remove a shipped document, and says why', async () => {
    const kb = await openKb();
    const shipped = kb.list(['global']).find((d) => d.readOnly)!;
    expect(() => kb.remove('global', shipped.id)).toThrow(/shipped corpus/);
    expect(kb.document(['global'], shipped.id)).toBeDefined();
  });

  it('leaves store and index exactly as they were when an add is refused', async () => {
    const kb = await openKb({ quota: () => ({ maxDocuments: 1 }) });
    await kb.add({ scope: `guild:${GUILD_A}`, input: text(ZEBRA), title: 'One', addedBy: 'mod' });
    const before = kb.stats;
    await expect(kb.add({ scope: `guild:${GUILD_A}`, input: { ...text('A second document about tortoises.'), name: 'two.txt' }, title: 'Two', addedBy: 'mod' })).rejects.toMatchObject({ code: 'quota_exceeded' });
    await expect(kb.add({ scope: 'global', input: text(''), title: 'Empty', addedBy: 'op' })).rejects.toMatchObject({ code: 'empty_document' });
    await expect(kb.add({ scope: 'global', input: text(ZEBRA), id: '../etc/passwd', addedBy: 'op' })).rejects.toMatchObject({ code: 'input_rejected' });
    expect(kb.stats).toEqual(before);
    expect(kb.usage(`guild:${GUILD_A}`).documents).toBe(1);
  });

  it("picks up another process's add and removal before it answers", async () => {
    const bot = await openKb();
    const operator = await openKb();
    await operator.add({ scope: 'global', input: text(ZEBRA), title: 'Zebra crossings', addedBy: 'op' });
    expect(bot.ask('When was the zebra crossing policy adopted?').kind).toBe('answer');
    operator.remove('global', 'zebra-crossings');
    expect(bot.ask('When was the zebra crossing policy adopted?').kind).toBe('no-match');
  });

  it('loads its snapshot on the next start, and rebuilds a corrupt or stale one', async () => {
    const { logs, logger } = recordingLogger();
    const kb = await openKb({ logger });
    await kb.add({ scope: 'global', input: text(ZEBRA), title: 'Zebra crossings', addedBy: 'op' });
    await kb.close();
    logs.length = 0;
    const loaded = await openKb({ logger });
    expect(logs.some((l) => l.startsWith('debug index loaded from snapshot'))).toBe(true);
    expect(loaded.ask('zebra crossing policy').kind).toBe('answer');
    await loaded.close();

    const snapshot = join(data.path, 'index', readdirSync(join(data.path, 'index')).find((f) => f.endsWith('.ndjson'))!);
    const intact = readFileSync(snapshot, 'utf8');
    const corruptions = [
      intact.replace('Zebra crossings', 'Zebra crossingz'), // a flipped byte: checksum
      intact.slice(0, Math.floor(intact.length / 2)), // a torn write
      `${intact}{"t":"doc","v":{"meta":{},"passages":[]}}\n`, // a stray line after the trailer
    ];
    for (const corrupt of corruptions) {
      writeFileSync(snapshot, corrupt);
      await expectRebuiltAndAnswering(logs, logger, /corrupt|truncated/);
    }

    const corpus = tempDir();
    cpSync(CORPUS_DIR, corpus.path, { recursive: true });
    writeFileSync(join(corpus.path, 'extra.txt'), '---\ntitle: Extra\n---\nAn extra shipped document about lighthouses.\n');
    logs.length = 0;
    const changed = await openKb({ logger, corpusDir: corpus.path });
    expect(logs.some((l) => l.includes('shipped corpus changed'))).toBe(true);
    expect(changed.ask('lighthouses').kind).toBe('answer');
    expect(changed.ask('zebra crossing policy').kind).toBe('answer');
    corpus.remove();
  });

  it('rebuilds the index when the postings file beside the snapshot is corrupt, missing or from another snapshot', async () => {
    const { logs, logger } = recordingLogger();
    const kb = await openKb({ logger });
    await kb.add({ scope: 'global', input: text(ZEBRA), title: 'Zebra crossings', addedBy: 'op' });
    await kb.close();
    const index = join(data.path, 'index');
    const postings = join(index, readdirSync(index).find((f) => f.endsWith('.postings'))!);
    const intact = readFileSync(postings);
    const flipped = Buffer.from(intact);
    flipped[flipped.length >> 1]! ^= 0xff;
    const cases: Array<[string, () => void, RegExp]> = [
      ['a flipped byte', () => writeFileSync(postings, flipped), /postings file is corrupt/],
      ['a torn write', () => writeFileSync(postings, intact.subarray(0, intact.length >> 1)), /postings file is (corrupt|truncated)/],
      ['no file', () => rmSync(postings), /postings file is missing/],
    ];
    for (const [_name, damage, reason] of cases) {
      damage();
      await expectRebuiltAndAnswering(logs, logger, reason);
      expect(readFileSync(postings).length).toBeGreaterThan(0); // written again on close
    }

    // A postings file written for an earlier snapshot does not go with the current one.
    const earlier = readFileSync(postings);
    const again = await openKb({ logger });
    await again.add({ scope: 'global', input: text('Lighthouse keepers log the tides twice a day.'), title: 'Lighthouses', addedBy: 'op' });
    await again.close();
    writeFileSync(postings, earlier);
    logs.length = 0;
    const mismatched = await openKb({ logger });
    expect(logs.some((l) => l.includes('building the index') && /belongs to another snapshot/.test(l))).toBe(true);
    expect(mismatched.ask('When do lighthouse keepers log the tides?').kind).toBe('answer');
  });

  it('rebuilds the index when the passage text file is missing, cut short or from another snapshot', async () => {
    const { logs, logger } = recordingLogger();
    const kb = await openKb({ logger });
    await kb.add({ scope: 'global', input: text(ZEBRA), title: 'Zebra crossings', addedBy: 'op' });
    await kb.close();
    const index = join(data.path, 'index');
    const texts = join(index, readdirSync(index).find((f) => f.endsWith('.text'))!);
    const earlier = readFileSync(texts);
    const cases: Array<[() => void, RegExp]> = [
      [() => rmSync(texts), /text file is missing/],
      [() => writeFileSync(texts, earlier.subarray(0, earlier.length - 10)), /text file is truncated/],
      [() => writeFileSync(texts, 'not a text file'), /text file is not one/],
    ];
    for (const [damage, reason] of cases) {
      damage();
      await expectRebuiltAndAnswering(logs, logger, reason);
    }
    const again = await openKb({ logger });
    await again.add({ scope: 'global', input: text('Lighthouse keepers log the tides twice a day.'), title: 'Lighthouses', addedBy: 'op' });
    await again.close();
    writeFileSync(texts, earlier);
    logs.length = 0;
    const mismatched = await openKb({ logger });
    expect(logs.some((l) => l.includes('building the index') && /text file belongs to another snapshot/.test(l))).toBe(true);
    expect(mismatched.ask('When do lighthouse keepers log the tides?').kind).toBe('answer');
  });

  it('quotes a passage whose stored text was damaged on disk from its source, and writes the snapshot whole again', async () => {
    const warnings: string[] = [];
    const logs: string[] = [];
    const logger = { debug: (_: object, m?: string) => logs.push(`debug ${m}`), info() {}, warn: (_: object, m?: string) => warnings.push(`${m}`), error() {} };
    const kb = await openKb({ logger, snapshotDelayMs: 60_000 });
    await kb.add({ scope: 'global', input: text(ZEBRA), title: 'Zebra crossings', addedBy: 'op' });
    const shippedQuestion = 'What did the embassy report about the prosecution of the site?';
    const shippedBefore = kb.ask(shippedQuestion);
    await kb.close();
    const index = join(data.path, 'index');
    const texts = join(index, readdirSync(index).find((f) => f.endsWith('.text'))!);
    const bytes = readFileSync(texts);
    // Flip one byte inside the zebra passage's text and one inside every shipped passage's.
    const zebraAt = bytes.indexOf('zebra crossing policy');
    bytes[zebraAt]! ^= 0x20;
    for (let at = bytes.indexOf('\n', 0) + 1 + 200; at < bytes.length; at += 400) if (at !== zebraAt) bytes[at]! ^= 0x01;
    writeFileSync(texts, bytes);

    logs.length = 0;
    const loaded = await openKb({ logger, snapshotDelayMs: 60_000 });
    expect(logs).toContain('debug index loaded from snapshot');
    const answer = loaded.ask('zebra crossing policy');
    expect(answer.kind === 'answer' && answer.results[0]!.text).toBe(ZEBRA);
    expect(loaded.ask(shippedQuestion)).toMatchObject({ kind: 'answer', results: (shippedBefore as { results: unknown[] }).results.map((r) => ({ text: (r as { text: string }).text })) });
    expect(warnings.filter((w) => w.includes('damaged')).length).toBeGreaterThan(1);
    await loaded.close(); // rewrites the snapshot from the recovered texts

    warnings.length = 0;
    const healed = await openKb({ logger });
    const again = healed.ask('zebra crossing policy');
    expect(again.kind === 'answer' && again.results[0]!.text).toBe(ZEBRA);
    healed.ask(shippedQuestion);
    expect(warnings).toEqual([]);
  });

  it('recovers every damaged passage text of a document by reading and cutting that document once', async () => {
    const logs: string[] = [];
    const warnings: string[] = [];
    const logger = { debug: (_: object, m?: string) => logs.push(`${m}`), info() {}, warn: (_: object, m?: string) => warnings.push(`${m}`), error() {} };
    const long = Array.from({ length: 60 }, (_, i) => `Paragraph ${i + 1} says the zebra crossing rule ${i} applies to lane ${i * 3} of the avenue.`).join('\n\n');
    const kb = await openKb({ logger, snapshotDelayMs: 60_000 });
    const added = await kb.add({ scope: `guild:${GUILD_A}`, input: text(long), title: 'Long rules', addedBy: 'op' });
    const before = kb.document([`guild:${GUILD_A}`], added.id)!.passages.map((p) => p.text);
    expect(before.length).toBeGreaterThan(3);
    await kb.close();
    // Damage every passage of the document: one flipped letter in each of its paragraphs.
    const index = join(data.path, 'index');
    const texts = join(index, readdirSync(index).find((f) => f.endsWith('.text'))!);
    const bytes = readFileSync(texts);
    for (let at = bytes.indexOf('zebra crossing rule'); at >= 0; at = bytes.indexOf('zebra crossing rule', at + 1)) bytes[at]! ^= 0x20;
    writeFileSync(texts, bytes);

    logs.length = 0;
    const loaded = await openKb({ logger, snapshotDelayMs: 60_000 });
    expect(loaded.document([`guild:${GUILD_A}`], added.id)!.passages.map((p) => p.text)).toEqual(before);
    expect(warnings.filter((w) => w.includes('damaged')).length).toBe(before.length);
    expect(logs.filter((l) => l.startsWith('cutting a document again'))).toHaveLength(1);
  });

  it('clears the temporary files of a snapshot write that was killed, and only those', async () => {
    const kb = await openKb();
    await kb.close();
    const index = join(data.path, 'index');
    const dead = 2 ** 22 + 12345; // above Linux's default pid_max: no such process
    const strays = ['passages.snapshot.ndjson', 'passages.snapshot.postings', 'passages.snapshot.text'].map((f) => `${f}.${dead}.tmp`);
    const live = `passages.snapshot.text.${process.ppid}.tmp`;
    for (const name of [...strays, live, 'notes.tmp']) writeFileSync(join(index, name), 'partial');
    const again = await openKb();
    expect(again.ask('zebra').kind).toBe('no-match');
    const left = readdirSync(index);
    for (const name of strays) expect(left).not.toContain(name);
    expect(left).toContain(live);
    expect(left).toContain('notes.tmp');
  });
});
