/**
 * FakeDiscord: a loopback fake of Discord's REST API v10 and Gateway v10 that the REAL discord.js 14 `Client`
 * logs in to, for end-to-end tests of the bot. What it sends and accepts follows
 * /work/shared/notes/discord-fake-facts.md ("facts §N" below), which was checked against discord.js 14.28.1.
 *
 *   const fake = await FakeDiscord.start();                       // 127.0.0.1 only, random port
 *   const client = new Client({
 *     intents: [GatewayIntentBits.Guilds],
 *     rest: { api: fake.apiBase, offset: 0, retries: 0, timeout: 2000 },   // apiBase = http://127.0.0.1:PORT/api
 *     waitGuildTimeout: 500,
 *   });
 *   await client.login(fake.token);
 *   await fake.waitForReady();                                   // IDENTIFY seen, READY + GUILD_CREATEs sent
 *   const h = fake.chatInput('ask', { question: 'why?' }, { permissions: '32' });
 *   const cb = await h.waitForCallback();                         // { type: 4, data: { content… }, elapsedMs }
 *   await fake.close();                                           // after client.destroy()
 *
 * Server: one HTTP server on 127.0.0.1 with REST under `/api/v10/...`, files under `/cdn/...`, and the gateway on
 * the same port via `upgrade` at `/gateway` (and `/resume`, the READY `resume_gateway_url`).
 *
 * Files: fake-discord.ts (this public API) · gateway.ts (WebSocket gateway) · rest.ts (HTTP routing, faults,
 * multipart) · rest-interactions.ts (callback + interaction webhook routes) · rest-commands.ts (application
 * commands) · interactions.ts (INTERACTION_CREATE builders) · messages.ts (message storage and Discord's limits) ·
 * payloads.ts (READY, GUILD_CREATE, users, messages) · state.ts (stores and logs) · util.ts (snowflakes, Recorder).
 *
 * Interactions: `chatInput`, `autocomplete`, `button`, `stringSelect` and `modalSubmit` dispatch realistic
 * INTERACTION_CREATE payloads (interactions.ts) and return an `InteractionHandle`. Callback and webhook routes
 * answer like Discord: 204 / 200 with_response, 404 10062 for unknown or >3 s old interactions, 400 40060 for a
 * second acknowledgement, 404 10015/10008 for webhook calls before an acknowledgement or on unknown messages.
 *
 * Faults: `failNext` (one-shot or N-shot REST answers, 429 always with Retry-After), `closeGateway(code)`,
 * `sendOp(op, d)`, `invalidSession(resumable)`, `rejectNextResume()`, `ackHeartbeats = false`.
 *
 * Things to know:
 * - Every REST client of the bot needs `rest.api = fake.apiBase`, the deploy-commands script's `new REST()` too.
 * - Dispatching before a session exists throws; dispatches during a reconnect are replayed after the RESUME.
 * - Whatever triggers a re-IDENTIFY (op 9 false, close 1000/4007, a rejected RESUME) costs ~5-6.5 s in discord.js's
 *   identify throttle (facts §2); closes that resume (4000, op 7, zombie) cost ~0.5 s.
 * - With a registered command, options are typed from its schema and typos throw in the fake, not in the bot.
 */

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { FakeGateway, type GatewayConnectionInfo, type GatewayFrame, type SessionEvent } from './gateway.js';
import {
  commandData,
  envelope,
  modalData,
  syntheticComponentMessage,
  type Built,
  type CommandOptions,
  type FakeAttachment,
  type InteractionContext,
  type ModalFields,
} from './interactions.js';
import { findComponent } from './messages.js';
import { apiRole, guildCreate, ready, resolveGuild, type FakeGuild, type FakeGuildInput, type FakeMessage, type FakeUser } from './payloads.js';
import { FakeRest, type RestFault } from './rest.js';
import {
  FakeState,
  type InteractionRecord,
  type RecordedCallback,
  type RecordedChannelMessage,
  type RecordedRequest,
  type RecordedWebhook,
  type RegisteredCommand,
} from './state.js';
import { snowflake, type JsonObject } from './util.js';

export type { FakeAttachment, InteractionContext, CommandOptions, ModalFields, OptionValue, ExplicitOption } from './interactions.js';
export type { FakeGuild, FakeGuildInput, FakeMessage, FakeUser, FakeChannel, FakeRole } from './payloads.js';
export type { RestFault } from './rest.js';
export type { GatewayFrame, GatewayConnectionInfo, SessionEvent } from './gateway.js';
export type * from './state.js';

export interface FakeDiscordOptions {
  /** Bot token the fake accepts (`Authorization: Bot <token>`, IDENTIFY). Default: a made-up token. */
  token?: string;
  applicationId?: string;
  botUsername?: string;
  /** Default: one guild "Test Guild" with a #general text channel. `[]` for none (then only DMs work). */
  guilds?: FakeGuildInput[];
  /** HELLO heartbeat_interval. Default 41250 (Discord's). Use ~200-1000 to observe heartbeats in tests. */
  heartbeatIntervalMs?: number;
  /** Callbacks later than this after dispatch get 404 10062. Default 3000 (Discord's limit). */
  callbackDeadlineMs?: number;
}

export interface InteractionHandle {
  id: string;
  token: string;
  /** The INTERACTION_CREATE `d` that was sent. */
  payload: JsonObject;
  /** Settles with the first successful callback; rejects only when the fake closes (never on its own). */
  callback: Promise<RecordedCallback>;
  waitForCallback(timeoutMs?: number): Promise<RecordedCallback>;
  /** A webhook call (edit/follow-up/get/delete) on this interaction's token matching `predicate`. */
  waitForWebhook(predicate?: (w: RecordedWebhook) => boolean, timeoutMs?: number): Promise<RecordedWebhook>;
  /** Current `@original`: the reply (after type 4/5) or the component's message; updated in place by edits. */
  original(): FakeMessage | undefined;
  followUps(): FakeMessage[];
}

const DEFAULT_WAIT_MS = 5000;

export class FakeDiscord {
  /** e.g. "http://127.0.0.1:PORT/api": pass as discord.js `rest.api` (not …/api/v10, facts §1.1). */
  readonly apiBase: string;
  /** e.g. "http://127.0.0.1:PORT"; the CDN is under `${origin}/cdn/`. */
  readonly origin: string;
  /** The `url` returned by GET /gateway/bot. */
  readonly gatewayUrl: string;
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: FakeUser;
  readonly guilds: FakeGuild[];

  private constructor(
    private readonly server: http.Server,
    private readonly s: FakeState,
    private readonly gateway: FakeGateway,
    private readonly rest: FakeRest,
  ) {
    this.origin = s.origin;
    this.apiBase = `${s.origin}/api`;
    this.gatewayUrl = `${s.origin.replace(/^http/, 'ws')}/gateway`;
    this.token = s.token;
    this.applicationId = s.applicationId;
    this.botUser = s.botUser;
    this.guilds = s.guilds;
  }

  static async start(opts: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const applicationId = opts.applicationId ?? snowflake();
    // The bot user's id equals the application id for bots created since 2020.
    const botUser: FakeUser = { id: applicationId, username: opts.botUsername ?? 'testbot', globalName: null, bot: true };
    const token = opts.token ?? `${Buffer.from(applicationId).toString('base64url')}.fake.${snowflake()}`;
    const owner: FakeUser = { id: snowflake(), username: 'owner', globalName: 'Owner' };
    const guilds = (opts.guilds ?? [{}]).map((g) => resolveGuild(g, owner.id));
    const s = new FakeState(token, applicationId, botUser, guilds, '');
    s.users.set(owner.id, owner);
    if (opts.callbackDeadlineMs !== undefined) s.callbackDeadlineMs = opts.callbackDeadlineMs;

    const gateway = new FakeGateway({
      token,
      heartbeatIntervalMs: opts.heartbeatIntervalMs ?? 41_250,
      ready: (sessionId) =>
        ready({ bot: botUser, applicationId, guildIds: guilds.map((g) => g.id), sessionId, resumeUrl: `${s.origin.replace(/^http/, 'ws')}/resume` }),
      guildCreates: () => guilds.map((g) => guildCreate(g, botUser)),
    });
    const rest = new FakeRest(s, () => `${s.origin.replace(/^http/, 'ws')}/gateway`);
    const server = http.createServer((req, res) => {
      rest.handle(req, res).catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: `fake-discord error: ${String(err)}`, code: 0 }));
      });
    });
    server.on('upgrade', (req, socket, head) => gateway.handleUpgrade(req, socket, head));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    s.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return new FakeDiscord(server, s, gateway, rest);
  }

  /** The first guild (the default one). */
  get guild(): FakeGuild {
    const g = this.guilds[0];
    if (!g) throw new Error('fake-discord: started with guilds: []');
    return g;
  }

  /** Every /api request, answered, in order (headers without authorization). */
  get requests(): RecordedRequest[] {
    return this.s.requests.items;
  }
  get callbacks(): RecordedCallback[] {
    return this.s.callbacks.items;
  }
  get webhooks(): RecordedWebhook[] {
    return this.s.webhooks.items;
  }
  get channelMessages(): RecordedChannelMessage[] {
    return this.s.channelMessages.items;
  }
  /** Gateway frames in both directions. */
  get gatewayFrames(): GatewayFrame[] {
    return this.gateway.frames.items;
  }
  get gatewayConnections(): GatewayConnectionInfo[] {
    return this.gateway.connections;
  }
  get ackHeartbeats(): boolean {
    return this.gateway.ackHeartbeats;
  }
  set ackHeartbeats(v: boolean) {
    this.gateway.ackHeartbeats = v;
  }
  get callbackDeadlineMs(): number {
    return this.s.callbackDeadlineMs;
  }
  set callbackDeadlineMs(v: number) {
    this.s.callbackDeadlineMs = v;
  }

  /** A user by username (created on first use with a stable id). */
  user(username: string): FakeUser {
    return this.s.userByName(username);
  }

  /** Commands stored by the bulk PUT / POST routes, global or for one guild. */
  registeredCommands(guildId?: string): RegisteredCommand[] {
    return this.s.commands.list(guildId);
  }

  // ---- waiting -------------------------------------------------------------------------------------------------

  /** Resolves once a client is identified (or resumed) and READY + every GUILD_CREATE were sent. */
  waitForReady(timeoutMs = 10_000): Promise<void> {
    return this.gateway.waitForReady(timeoutMs);
  }

  /** The next READY or RESUMED after this call. */
  waitForNextSession(kind?: SessionEvent['kind'], timeoutMs = DEFAULT_WAIT_MS): Promise<SessionEvent> {
    const from = this.gateway.sessionEvents.items.length;
    return this.gateway.sessionEvents.waitFor((e) => e.index >= from && (!kind || e.kind === kind), timeoutMs, `a ${kind ?? 'session'} event`);
  }

  waitForCallback(interactionId: string, timeoutMs = DEFAULT_WAIT_MS): Promise<RecordedCallback> {
    return this.s.callbacks.waitFor((c) => c.interactionId === interactionId, timeoutMs, `the callback of interaction ${interactionId}`);
  }

  waitForWebhook(token: string, predicate: (w: RecordedWebhook) => boolean = () => true, timeoutMs = DEFAULT_WAIT_MS): Promise<RecordedWebhook> {
    return this.s.webhooks.waitFor((w) => w.token === token && predicate(w), timeoutMs, 'a webhook call on the interaction token');
  }

  waitForRequest(predicate: (r: RecordedRequest) => boolean, timeoutMs = DEFAULT_WAIT_MS): Promise<RecordedRequest> {
    return this.s.requests.waitFor(predicate, timeoutMs, 'a matching REST request');
  }

  waitForChannelMessage(predicate: (m: RecordedChannelMessage) => boolean = () => true, timeoutMs = DEFAULT_WAIT_MS): Promise<RecordedChannelMessage> {
    return this.s.channelMessages.waitFor(predicate, timeoutMs, 'a channel message');
  }

  waitForGatewayFrame(predicate: (f: GatewayFrame) => boolean, timeoutMs = DEFAULT_WAIT_MS): Promise<GatewayFrame> {
    return this.gateway.frames.waitFor(predicate, timeoutMs, 'a matching gateway frame');
  }

  // ---- interactions -------------------------------------------------------------------------------------------

  /** A slash command. `name` may include a subcommand (and group): "curate add". Facts §3.2. */
  chatInput(name: string, options: CommandOptions = {}, ctx: InteractionContext = {}): InteractionHandle {
    const env = this.envelope(2, ctx);
    return this.dispatchInteraction(env, commandData(this.s, name, options, this.guildOf(env), undefined));
  }

  /** Autocomplete for the option named `ctx.focused` (default: the last option given). Facts §3.3. */
  autocomplete(name: string, options: CommandOptions, ctx: InteractionContext & { focused?: string } = {}): InteractionHandle {
    const focused = ctx.focused ?? Object.keys(options).at(-1);
    if (focused === undefined) throw new Error('fake-discord: autocomplete needs at least one option');
    const env = this.envelope(4, ctx);
    return this.dispatchInteraction(env, commandData(this.s, name, options, this.guildOf(env), focused));
  }

  /**
   * A button click. `message` defaults to the newest message the bot produced that holds this custom_id (so
   * `update()` edits that very message), else a synthetic bot message with the button. Facts §3.4.
   */
  button(customId: string, ctx: InteractionContext = {}, message?: Partial<FakeMessage>): InteractionHandle {
    return this.component(customId, 2, {}, ctx, message);
  }

  /** A string select menu choice (`values` are the chosen option values). */
  stringSelect(customId: string, values: string[], ctx: InteractionContext = {}, message?: Partial<FakeMessage>): InteractionHandle {
    return this.component(customId, 3, { values }, ctx, message);
  }

  /**
   * Submits the modal with this custom_id. If the bot showed it (callback type 9), the same user submits from
   * the same place, and the submission mirrors the modal's layout. Facts §3.5.
   */
  modalSubmit(customId: string, fields: ModalFields, ctx: InteractionContext = {}): InteractionHandle {
    const shownBy = [...this.s.callbacks.items].reverse().find((c) => c.type === 9 && c.data.custom_id === customId);
    const opener = shownBy ? this.s.interactions.get(shownBy.interactionId) : undefined;
    const env = this.envelope(5, { ...(opener ? contextOf(opener) : {}), ...ctx });
    // A modal opened from a component carries that message, and `update()` then edits it.
    const message = opener?.type === 3 ? opener.original : undefined;
    return this.dispatchInteraction(env, modalData(customId, fields, shownBy?.data), message);
  }

  /**
   * Puts bytes on the fake CDN and returns the `resolved.attachments` entry to pass as an attachment option
   * value (or in modal file-upload fields). Its `url` serves the bytes.
   */
  addAttachment(file: { filename: string; data: Buffer | string; contentType?: string; width?: number; height?: number }): FakeAttachment {
    const id = snowflake();
    const data = typeof file.data === 'string' ? Buffer.from(file.data) : file.data;
    const contentType = file.contentType ?? guessContentType(file.filename);
    const url = this.s.putCdn(`/cdn/ephemeral-attachments/${this.applicationId}/${id}/${encodeURIComponent(file.filename)}`, data, contentType);
    return {
      id,
      filename: file.filename,
      size: data.length,
      url,
      proxy_url: url,
      content_type: contentType,
      ...(file.width !== undefined ? { width: file.width, height: file.height ?? file.width } : {}),
      ephemeral: true,
    };
  }

  /** Sends any dispatch (op 0) with the next sequence number; returns it. */
  dispatch(t: string, d: unknown): number {
    return this.gateway.dispatch(t, d);
  }

  // ---- faults --------------------------------------------------------------------------------------------------

  /** Answers the next `times` (default 1) matching REST requests with this fault instead of the real route. */
  failNext(fault: RestFault): void {
    if (!fault.reset && fault.status === undefined) throw new Error('fake-discord: failNext needs a status or reset: true');
    this.rest.faults.push({ ...fault, remaining: fault.times ?? 1 });
  }

  /** Closes the gateway connection with `code` (4000 → resume; 1000, 4007 → re-identify; 4004 → no reconnect). */
  closeGateway(code = 4000, reason = ''): void {
    this.gateway.closeGateway(code, reason);
  }

  /** Sends a raw opcode on the gateway: 7 (reconnect → resume), 1 (heartbeat request), 9 (invalid session). */
  sendOp(op: number, d: unknown = null): void {
    this.gateway.sendOp(op, d);
  }

  /** op 9. `false` drops the session: the client re-IDENTIFYs (after discord.js's ~5 s identify throttle). */
  invalidSession(resumable: boolean): void {
    this.gateway.sendOp(9, resumable);
  }

  /** Answer the next `times` RESUMEs with op 9 `false`. */
  rejectNextResume(times = 1): void {
    this.gateway.rejectResumes += times;
  }

  /** Closes the gateway, the HTTP server and every connection; pending waits reject. Destroy the client first. */
  async close(): Promise<void> {
    this.gateway.close();
    this.s.close('fake-discord closed');
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- internals -----------------------------------------------------------------------------------------------

  private envelope(type: number, ctx: InteractionContext): Built {
    return envelope(this.s, type, ctx, (guild, permissions) => this.roleFor(guild, permissions));
  }

  private guildOf(env: Built): FakeGuild | null {
    return this.guilds.find((g) => g.id === env.guildId) ?? null;
  }

  /**
   * A role carrying exactly `permissions`, so the cached GuildMember's permissions match the payload's
   * (facts §3.1). None is needed if @everyone already has those bits. New roles are announced with
   * GUILD_ROLE_CREATE before the interaction, and are part of later GUILD_CREATEs.
   */
  private roleFor(guild: FakeGuild, permissions: string): string | null {
    const bits = BigInt(permissions);
    if ((bits & ~BigInt(guild.roles[0]!.permissions)) === 0n) return null;
    let role = guild.roles.find((r, i) => i > 0 && r.permissions === String(bits));
    if (!role) {
      role = { id: snowflake(), name: `perms-${bits}`, permissions: String(bits) };
      guild.roles.push(role);
      this.gateway.dispatch('GUILD_ROLE_CREATE', { guild_id: guild.id, role: apiRole(role, guild.roles.length - 1) });
    }
    return role.id;
  }

  private component(
    customId: string,
    componentType: number,
    extra: JsonObject,
    ctx: InteractionContext,
    given: Partial<FakeMessage> | undefined,
  ): InteractionHandle {
    let message = given ? undefined : this.s.allMessages().find((m) => findComponent(m.components, customId));
    if (message && ctx.channelId === undefined && ctx.dm === undefined) {
      const guild = this.s.guildOfChannel(message.channel_id);
      ctx = { ...ctx, channelId: message.channel_id, ...(guild ? { guildId: guild.id } : { dm: true }) };
    }
    const env = this.envelope(3, ctx);
    message ??= { ...syntheticComponentMessage(this.s, env.channelId, customId, componentType), ...given } as FakeMessage;
    return this.dispatchInteraction(env, { custom_id: customId, component_type: componentType, ...extra }, message);
  }

  private dispatchInteraction(env: Built, data: JsonObject, message?: FakeMessage): InteractionHandle {
    if (!this.gateway.sessionId) throw new Error('fake-discord: no gateway session; await fake.waitForReady() first');
    const payload: JsonObject = { ...env.payload, data, ...(message ? { message: structuredClone(message) } : {}) };
    const id = String(payload.id);
    const token = String(payload.token);
    const rec: InteractionRecord = {
      id,
      token,
      type: Number(payload.type),
      payload,
      channelId: env.channelId,
      guildId: env.guildId,
      dispatchedAt: performance.now(),
      acknowledged: false,
      followUps: new Map(),
      ...(message ? { original: message } : {}),
    };
    this.s.interactions.set(id, rec);
    this.s.interactionsByToken.set(token, rec);
    // Time callbacks from the moment the frame is written (a dispatch during a reconnect waits for the replay).
    this.gateway.dispatch('INTERACTION_CREATE', payload, () => (rec.dispatchedAt = performance.now()));
    const callback = this.s.callbacks.waitFor((c) => c.interactionId === id, Infinity, `the callback of interaction ${id}`);
    callback.catch(() => {}); // only a close rejects it; don't make that an unhandled rejection
    return {
      id,
      token,
      payload,
      callback,
      waitForCallback: (timeoutMs) => this.waitForCallback(id, timeoutMs),
      waitForWebhook: (predicate, timeoutMs) => this.waitForWebhook(token, predicate, timeoutMs),
      original: () => rec.original,
      followUps: () => [...rec.followUps.values()],
    };
  }
}

/** Same user, place and permissions as an earlier interaction (for a modal submitted after it was shown). */
function contextOf(rec: InteractionRecord): InteractionContext {
  const member = rec.payload.member as { user: { id: string }; roles: string[]; permissions: string } | undefined;
  const user = (member?.user ?? rec.payload.user) as { id: string };
  if (!rec.guildId) return { dm: true, user: { id: user.id }, channelId: rec.channelId };
  return {
    guildId: rec.guildId,
    channelId: rec.channelId,
    user: { id: user.id },
    ...(member ? { roles: member.roles, permissions: member.permissions } : {}),
  };
}

const CONTENT_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

function guessContentType(filename: string): string {
  return CONTENT_TYPES[filename.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}
