// Crash trials: the bot runs as a child process against the fake, moderators add (and remove) documents in a
// burst, and the process is killed with SIGKILL at a random moment. After a restart on the same DATA_DIR, every
// change the fake saw acknowledged ("Added: …" edited into the deferred reply, "Removed …" in the button's update)
// must hold: added documents present and searchable through the restarted bot, removed ones gone, and the index
// (as a fresh process loads it: snapshot plus catch-up) listing exactly the store's rows. Shared by the quick test
// (tests/bot/crash.test.ts, a few trials) and the stress test (tests/stress/crash.stress.ts, 50+).

import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { guildScope } from '../../src/core/documents/document.js';
import { KnowledgeBase } from '../../src/core/knowledge/knowledge-base.js';
import { DocumentStore, STORE_FILE } from '../../src/core/store/document-store.js';
import { FakeDiscord, type InteractionHandle, type MessageBody } from '../fake-discord/fake-discord.js';
import { CORPUS_DIR, tempDir, seededRandom } from '../helpers.js';
import { deployCommands, MODERATOR, testConfig, textOf } from './bot-harness.js';
import { botEnv, launch, spawnBot, type BotProcess } from './bot-process.js';


export type TrialResult = {
  trial: number;
  kind: 'burst' | 'start-up';
  killAfterMs: number;
  sent: number;
  acknowledgedAdds: number;
  acknowledgedRemovals: number;
  /** Adds that were stored although their acknowledgement never reached the fake: allowed, and whole. */
  unacknowledgedButStored: number;
};

type Added = { id: string; term: string };

export type CrashRig = {
  fake: FakeDiscord;
  dataDir: string;
  seed: number;
  /** Runs one trial and checks the invariants after the restart; returns what happened. */
  trial(kind: TrialResult['kind']): Promise<TrialResult>;
  close(): Promise<void>;
};

const ADDS_PER_BURST = 16;
/** Bounds of the window a burst's kill time is drawn from (see trial). */
const MIN_KILL_WINDOW_MS = 20;
const MAX_KILL_WINDOW_MS = 1000;

/**
 * A crash rig on a fresh fake Discord for the calling test file, started before its tests and closed
 * after them; the seed comes from CRASH_SEED (else the clock) and is printed so a run can be repeated.
 * Returns the rig, for use inside tests.
 */
export function useCrashRig(): () => CrashRig {
  const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
  let fake: FakeDiscord | undefined;
  let rig: CrashRig | undefined;
  beforeAll(async () => {
    console.info(`[crash] seed ${seed} (repeat with CRASH_SEED=${seed})`);
    fake = await FakeDiscord.start();
    rig = await startCrashRig(fake, seed);
  }, 30_000);
  afterAll(async () => {
    await rig?.close();
    await fake?.close();
  });
  return () => rig!;
}

async function startCrashRig(fake: FakeDiscord, seed: number): Promise<CrashRig> {
  const data = tempDir('footnote-crash-');
  const random = seededRandom(seed);
  const env = botEnv(fake, data.path, { ASK_RATE_LIMIT: '1000/10s', GUILD_MAX_DOCUMENTS: '100000' });
  await deployCommands(testConfig(fake, data.path));
  const scope = guildScope(fake.guild.id);
  let bot: BotProcess = await spawnBot(fake, env);
  let trials = 0;
  let killWindowMs = 200;
  /** Documents whose add was acknowledged and that no acknowledged removal took away since. */
  const live = new Map<string, Added>();

  const word = () => Array.from({ length: 10 }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('');

  async function runBurst(trial: number, killAfterMs: number) {
    const adds: Array<{ handle: InteractionHandle; term: string }> = [];
    const removals: Array<{ handle: InteractionHandle; doc: Added }> = [];
    const started = Date.now();
    const kill = new Promise<void>((resolve) => setTimeout(() => void bot.kill9().then(resolve), killAfterMs));
    // Removals of documents acknowledged earlier, mixed into the burst (a button click after the confirmation).
    const removable = [...live.values()].filter(() => random() < 0.15).slice(0, 3);
    for (let n = 0; n < ADDS_PER_BURST; n++) {
      const term = word();
      const text = `Crash trial ${trial} note ${n}\n\nThe ${term} ledger entry ${n} was written during crash trial ${trial}.\n`;
      const handle =
        n % 3 === 2
          ? fake.modalSubmit('add:modal', { title: `Pasted ${term}`, text }, { ...MODERATOR })
          : fake.chatInput('curate add', { file: fake.addAttachment({ filename: `t${trial}-n${n}.${n % 2 ? 'md' : 'txt'}`, data: text }) }, MODERATOR);
      adds.push({ handle, term });
      const doc = removable[n];
      if (doc) removals.push({ handle: fake.button(`rm:yes:${doc.id}`, MODERATOR), doc });
    }
    await kill;
    return { adds, removals, sent: adds.length + removals.length, elapsed: Date.now() - started };
  }

  /** What the fake saw acknowledged before the kill. */
  function acknowledged(adds: Array<{ handle: InteractionHandle; term: string }>, removals: Array<{ handle: InteractionHandle; doc: Added }>) {
    const added: Added[] = [];
    for (const { handle, term } of adds) {
      const edit = fake.webhooks.find((w) => w.token === handle.token && w.kind === 'editMessage');
      const title = String(edit?.body.embeds?.[0]?.title ?? '');
      if (!title.startsWith('Added: ')) continue;
      const id = /Id\n`([a-z0-9-]+)`/.exec(textOf(edit!.body))?.[1];
      expect(id, `an "Added" reply without an id: ${textOf(edit!.body)}`).toBeDefined();
      added.push({ id: id!, term });
    }
    const removed = removals.filter(({ handle }) => fake.callbacks.some((c) => c.interactionId === handle.id && c.type === 7 && String(c.data.content).startsWith('Removed')));
    return { added, removed: removed.map((r) => r.doc) };
  }

  /** Everything that must hold after a restart, checked through the bot and through a fresh knowledge base. */
  async function check(trial: number, added: Added[], removed: Added[], attempted: string[], removalsTried: Added[] = []) {
    for (const doc of removed) live.delete(doc.id);
    for (const doc of added) live.set(doc.id, doc);
    // A removal killed before its acknowledgement may or may not have been committed: both are allowed.
    const stillThere = new Set(storedIds(data.path, scope));
    for (const doc of removalsTried) if (!stillThere.has(doc.id)) live.delete(doc.id);
    // Through the restarted bot: each acknowledged document is shown and found; each removed one is not.
    for (const doc of added) {
      const shown = await fake.chatInput('docs show', { document: `here:${doc.id}` }, MODERATOR).waitForCallback();
      expect(shown.data.embeds?.length, `trial ${trial}: /docs show here:${doc.id} after the restart: ${textOf(shown.data)}`).toBe(1);
      const answer = await finalBody(fake.chatInput('ask', { question: `What does the record say about ${doc.term}?` }, { user: { username: `crash-${doc.term}` } }));
      expect(textOf(answer), `trial ${trial}: /ask for ${doc.term} (${doc.id})`).toContain(doc.term);
    }
    for (const doc of removed) {
      const shown = await fake.chatInput('docs show', { document: `here:${doc.id}` }, MODERATOR).waitForCallback();
      expect(String(shown.data.content), `trial ${trial}: ${doc.id} was removed`).toMatch(/^There is no document/);
    }
    // The store is intact, and a fresh process's index (snapshot + catch-up) lists exactly its rows.
    const raw = new Database(join(data.path, STORE_FILE), { readonly: true });
    try {
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      raw.close();
    }
    const store = DocumentStore.open(data.path);
    const kb = await KnowledgeBase.open({ corpusDir: CORPUS_DIR, dataDir: data.path });
    try {
      const stored = store.list([scope]).map((d) => d.id).sort();
      expect(kb.list([scope]).map((d) => d.id).sort()).toEqual(stored);
      for (const doc of live.values()) expect(stored, `trial ${trial}: acknowledged ${doc.id} is in the store`).toContain(doc.id);
      for (const doc of removed) expect(stored).not.toContain(doc.id);
      for (const id of stored) expect(kb.document([scope], id)!.passages.length).toBeGreaterThan(0);
      // Adds of this burst that were stored although no acknowledgement arrived (killed between the commit and
      // the edit) are allowed; they must be whole and searchable like any other.
      let extra = 0;
      for (const term of attempted) {
        const ids = store.database.prepare('SELECT id FROM documents WHERE scope = ? AND text LIKE ?').all(scope, `%${term}%`) as Array<{ id: string }>;
        if (ids.length === 0) continue;
        extra += 1;
        const found = kb.ask(`What does the record say about ${term}?`, { guildId: fake.guild.id });
        expect(found.kind === 'answer' && found.results.some((r) => r.docId === ids[0]!.id), `trial ${trial}: stored ${ids[0]!.id} is searchable`).toBe(true);
      }
      return extra;
    } finally {
      await kb.close();
      store.close();
    }
  }

  return {
    fake,
    dataDir: data.path,
    seed,
    async trial(kind) {
      const trial = ++trials;
      if (kind === 'start-up') {
        // Killed while opening the store, loading or rebuilding the index, writing its snapshot, or logging in.
        await bot.stop();
        const killAfterMs = Math.floor(random() * 1500);
        const starting = launch(env);
        await new Promise((resolve) => setTimeout(resolve, killAfterMs));
        await starting.kill9();
        bot = await spawnBot(fake, env);
        const extra = await check(trial, [], [], []);
        return { trial, kind, killAfterMs, sent: 0, acknowledgedAdds: 0, acknowledgedRemovals: 0, unacknowledgedButStored: extra };
      }
      // Kills are drawn from a window that follows the machine's speed: a burst of 16 small adds took
      // ~100 ms on one run and much less on a quieter one, when a fixed 0-200 ms window landed inside
      // only a quarter of the bursts. The window shrinks after a burst the kill missed and grows after
      // one it cut short, so about two in three are cut short.
      const killAfterMs = Math.floor(random() * killWindowMs);
      const { adds, removals, sent } = await runBurst(trial, killAfterMs);
      const { added, removed } = acknowledged(adds, removals);
      killWindowMs = added.length < ADDS_PER_BURST ? Math.min(MAX_KILL_WINDOW_MS, killWindowMs * 1.05) : Math.max(MIN_KILL_WINDOW_MS, killWindowMs * 0.9);
      bot = await spawnBot(fake, env);
      const unacknowledged = adds.filter((a) => !added.some((d) => d.term === a.term)).map((a) => a.term);
      const removalsTried = removals.map((r) => r.doc).filter((doc) => !removed.includes(doc));
      const extra = await check(trial, added, removed, unacknowledged, removalsTried);
      return { trial, kind, killAfterMs, sent, acknowledgedAdds: added.length, acknowledgedRemovals: removed.length, unacknowledgedButStored: extra };
    },
    async close() {
      await bot.stop();
      data.remove();
    },
  };
}

/** The answer itself: the reply, or the edit of a deferred reply. */
async function finalBody(handle: InteractionHandle): Promise<MessageBody> {
  const first = await handle.waitForCallback(10_000);
  if (first.type !== 5) return first.data;
  return (await handle.waitForWebhook((w) => w.kind === 'editMessage' || w.kind === 'followUp', 10_000)).body;
}

function storedIds(dataDir: string, scope: ReturnType<typeof guildScope>): string[] {
  const store = DocumentStore.open(dataDir);
  try {
    return store.list([scope]).map((d) => d.id);
  } finally {
    store.close();
  }
}
