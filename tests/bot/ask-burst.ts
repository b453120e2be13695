// A burst of /ask interactions from many users, dispatched back to back through the fake gateway (no awaiting
// between them), and what came back: the first response to each (a reply, or a deferral under load) and the
// answer itself, with their times. Shared by the quick load test (tests/bot/load.test.ts) and the full one
// (tests/stress/load.stress.ts).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FakeDiscord, MessageBody } from '../fake-discord/fake-discord.js';
import { EVAL_DIR } from '../helpers.js';

/** How one interaction was finally answered. */
export type BurstOutcome = 'answer' | 'no-match' | 'rate-limited' | 'error' | 'other';

export type Latency = { p50: number; p99: number; max: number };

export type BurstReport = {
  count: number;
  outcomes: Record<BurstOutcome, number>;
  /** First responses that were deferrals (the bot acknowledged first because it was busy). */
  deferred: number;
  /** Milliseconds from the fake writing INTERACTION_CREATE to the bot's first callback (the fake's `elapsedMs`). */
  firstResponse: Latency;
  /** ... to the answer itself: the reply, or the edit of the deferred reply. */
  answered: Latency;
  /** Interactions whose first response came later than Discord's 3 s, or was neither a reply nor a deferral. */
  late: Array<{ id: string; type: number; elapsedMs: number }>;
  /** Wall time from the first dispatch to the last answer. */
  wallMs: number;
};

const seeds: Array<{ question: string }> = JSON.parse(readFileSync(join(EVAL_DIR, 'seed-questions.dev.json'), 'utf8'));
const offTopic: string[] = JSON.parse(readFileSync(join(EVAL_DIR, 'offtopic-questions.dev.json'), 'utf8'));
/** Questions the corpus answers and questions it does not, so both reply paths (and both records) are exercised. */
export const BURST_QUESTIONS: readonly string[] = [...seeds.map((s) => s.question), ...offTopic];

/** Discord's limit for the first response to an interaction. */
export const FIRST_RESPONSE_LIMIT_MS = 3000;

/**
 * Dispatches `count` /ask interactions as fast as the fake can write them, from `users` distinct users in the
 * fake's first guild, and waits for every first response and every answer.
 */
export async function askBurst(fake: FakeDiscord, count: number, options: { users?: number; waitMs?: number } = {}): Promise<BurstReport> {
  const users = options.users ?? Math.max(1, Math.ceil(count / 5));
  const waitMs = options.waitMs ?? 120_000;
  const started = performance.now();
  const handles = Array.from({ length: count }, (_, n) =>
    fake.chatInput('ask', { question: BURST_QUESTIONS[n % BURST_QUESTIONS.length]! }, { user: { username: `load-user-${n % users}` } }),
  );
  const results = await Promise.all(
    handles.map(async (h) => {
      const first = await h.waitForCallback(waitMs);
      if (first.type !== 5) return { first, body: first.data, answeredMs: first.elapsedMs };
      const edit = await h.waitForWebhook((w) => w.kind === 'editMessage' || w.kind === 'followUp', waitMs);
      return { first, body: edit.body, answeredMs: edit.elapsedMs };
    }),
  );
  const outcomes: Record<BurstOutcome, number> = { answer: 0, 'no-match': 0, 'rate-limited': 0, error: 0, other: 0 };
  for (const r of results) outcomes[classify(r.body)] += 1;
  return {
    count,
    outcomes,
    deferred: results.filter((r) => r.first.type === 5).length,
    firstResponse: latency(results.map((r) => r.first.elapsedMs)),
    answered: latency(results.map((r) => r.answeredMs)),
    late: results
      .filter((r) => (r.first.type !== 4 && r.first.type !== 5) || r.first.elapsedMs > FIRST_RESPONSE_LIMIT_MS)
      .map((r) => ({ id: r.first.interactionId, type: r.first.type, elapsedMs: r.first.elapsedMs })),
    wallMs: Math.round(performance.now() - started),
  };
}

/** Nearest-rank percentiles. */
export function latency(values: readonly number[]): Latency {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
  return { p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? 0 };
}

function classify(body: MessageBody): BurstOutcome {
  const content = String(body.content ?? '');
  if (content.startsWith("You're asking faster")) return 'rate-limited';
  if (content.startsWith('Sorry, something went wrong')) return 'error';
  const embed = body.embeds?.[0];
  if (!embed) return 'other';
  return JSON.stringify(embed).includes("don't cover this question") ? 'no-match' : 'answer';
}

export function formatBurst(report: BurstReport): string {
  const o = report.outcomes;
  const ms = (l: Latency) => `p50 ${Math.round(l.p50)} ms, p99 ${Math.round(l.p99)} ms, max ${Math.round(l.max)} ms`;
  return (
    `${report.count} /ask answered in ${report.wallMs} ms: ${o.answer} answers, ${o['no-match']} no-match, ` +
    `${o['rate-limited']} rate-limited, ${o.error} errors, ${o.other} other; ${report.deferred} deferred. ` +
    `First response ${ms(report.firstResponse)}; answer ${ms(report.answered)}`
  );
}
