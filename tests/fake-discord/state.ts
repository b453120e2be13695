// Everything the fake remembers: users, guilds, registered commands, interactions and their replies, CDN files,
// and the logs tests assert on. Shared by the REST routes (rest.ts) and the public class (fake-discord.ts).

import type { FakeGuild, FakeMessage, FakeUser } from './payloads.js';
import { Recorder, snowflake, type JsonObject } from './util.js';

export interface RecordedFile {
  /** Multipart field name, e.g. "files[0]". */
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, as received (so `@original` appears as `%40original`). */
  path: string;
  query: Record<string, string>;
  /** Request headers without `authorization`. */
  headers: Record<string, string>;
  /** How the request authenticated: `Bot <the fake's token>`, something else, or not at all. */
  auth: 'bot' | 'invalid' | 'none';
  /** Parsed JSON, or the parsed `payload_json` of a multipart body, or undefined. */
  body: unknown;
  files: RecordedFile[];
  status: number;
  /** True when the answer came from a `failNext` fault. */
  fault: boolean;
  at: number;
}

/** The `data` of an interaction callback or the body of a webhook message call. Loosely typed for assertions. */
export interface MessageBody extends JsonObject {
  content?: string;
  flags?: number;
  embeds?: JsonObject[];
  components?: JsonObject[];
  attachments?: JsonObject[];
  /** Autocomplete results (callback type 8). */
  choices?: Array<{ name: string; value: string | number }>;
  /** Modal (callback type 9). */
  custom_id?: string;
  title?: string;
}

export interface RecordedCallback {
  interactionId: string;
  token: string;
  /** 4 reply, 5 deferReply, 6 deferUpdate, 7 update, 8 autocomplete, 9 modal, 10 premium, 12 activity. */
  type: number;
  data: MessageBody;
  /** The whole callback body (`payload_json` when multipart). */
  body: JsonObject;
  files: RecordedFile[];
  query: Record<string, string>;
  /** Milliseconds from the fake sending INTERACTION_CREATE to this (successful) callback arriving. */
  elapsedMs: number;
  at: number;
}

export type WebhookKind = 'followUp' | 'editMessage' | 'getMessage' | 'deleteMessage';

export interface RecordedWebhook {
  kind: WebhookKind;
  method: string;
  token: string;
  interactionId: string;
  /** "@original" or a follow-up message id; null for a follow-up POST. */
  messageId: string | null;
  body: MessageBody;
  files: RecordedFile[];
  query: Record<string, string>;
  /** The message after the call (absent for DELETE). */
  message?: FakeMessage;
  elapsedMs: number;
  at: number;
}

export interface RecordedChannelMessage {
  channelId: string;
  body: MessageBody;
  files: RecordedFile[];
  message: FakeMessage;
  at: number;
}

export interface InteractionRecord {
  id: string;
  token: string;
  /** Interaction type: 2 command, 3 component, 4 autocomplete, 5 modal submit. */
  type: number;
  payload: JsonObject;
  channelId: string;
  guildId: string | null;
  /** performance.now() when the INTERACTION_CREATE frame was handed to the socket (or queued for replay). */
  dispatchedAt: number;
  acknowledged: boolean;
  callback?: RecordedCallback;
  /** The message `@original` refers to: the reply, or for components the message that holds the component. */
  original?: FakeMessage;
  followUps: Map<string, FakeMessage>;
}

export interface RegisteredCommand extends JsonObject {
  id: string;
  application_id: string;
  version: string;
  type: number;
  name: string;
  description: string;
  options?: JsonObject[];
  guild_id?: string;
}

/** Application commands per scope ("global" or a guild id). Ids stay stable when a command is re-PUT with the
 *  same name and type, as on Discord, so interactions dispatched later carry the id the bot saw. */
export class CommandStore {
  private readonly scopes = new Map<string, RegisteredCommand[]>();
  private readonly ids = new Map<string, string>();

  constructor(private readonly applicationId: string) {}

  list(guildId?: string): RegisteredCommand[] {
    return this.scopes.get(guildId ?? 'global') ?? [];
  }

  private make(body: JsonObject, guildId: string | undefined): RegisteredCommand {
    const type = typeof body.type === 'number' ? body.type : 1;
    const name = String(body.name);
    const key = `${guildId ?? 'global'}:${type}:${name}`;
    let id = this.ids.get(key);
    if (!id) this.ids.set(key, (id = snowflake()));
    return {
      default_member_permissions: null,
      nsfw: false,
      integration_types: [0],
      contexts: null,
      ...body,
      description: typeof body.description === 'string' ? body.description : '',
      id,
      application_id: this.applicationId,
      version: snowflake(),
      type,
      name,
      ...(guildId ? { guild_id: guildId } : {}),
    };
  }

  replace(bodies: JsonObject[], guildId?: string): RegisteredCommand[] {
    const cmds = bodies.map((b) => this.make(b, guildId));
    this.scopes.set(guildId ?? 'global', cmds);
    return cmds;
  }

  upsert(body: JsonObject, guildId?: string): RegisteredCommand {
    const cmd = this.make(body, guildId);
    const rest = this.list(guildId).filter((c) => c.id !== cmd.id);
    this.scopes.set(guildId ?? 'global', [...rest, cmd]);
    return cmd;
  }

  remove(id: string, guildId?: string): boolean {
    const list = this.list(guildId);
    const next = list.filter((c) => c.id !== id);
    this.scopes.set(guildId ?? 'global', next);
    return next.length !== list.length;
  }

  /** The chat-input command an interaction with this name would target: guild command first, then global. */
  find(name: string, guildId: string | null): RegisteredCommand | undefined {
    const match = (c: RegisteredCommand) => c.name === name && c.type === 1;
    return (guildId ? this.list(guildId).find(match) : undefined) ?? this.list().find(match);
  }
}

export interface CdnFile {
  data: Buffer;
  contentType: string;
}

export class FakeState {
  readonly users = new Map<string, FakeUser>();
  readonly interactions = new Map<string, InteractionRecord>();
  readonly interactionsByToken = new Map<string, InteractionRecord>();
  readonly commands: CommandStore;
  /** CDN files by path (e.g. "/cdn/attachments/1/2/a.png"). */
  readonly cdn = new Map<string, CdnFile>();
  /** DM channel id per user id. */
  readonly dmChannels = new Map<string, string>();

  readonly requests = new Recorder<RecordedRequest>(
    (r) => `${r.method} ${r.path} -> ${r.status}${r.fault ? ' (fault)' : ''}`,
  );
  readonly callbacks = new Recorder<RecordedCallback>(
    (c) => `callback type ${c.type} for ${c.interactionId} ${JSON.stringify(c.data).slice(0, 120)}`,
  );
  readonly webhooks = new Recorder<RecordedWebhook>(
    (w) => `${w.kind} ${w.messageId ?? ''} for ${w.interactionId} ${JSON.stringify(w.body).slice(0, 120)}`,
  );
  readonly channelMessages = new Recorder<RecordedChannelMessage>(
    (m) => `message in ${m.channelId}: ${JSON.stringify(m.body).slice(0, 120)}`,
  );

  /** Interaction callbacks later than this after dispatch get 404 10062, as on Discord (3 s). */
  callbackDeadlineMs = 3000;

  constructor(
    readonly token: string,
    readonly applicationId: string,
    readonly botUser: FakeUser,
    readonly guilds: FakeGuild[],
    /** e.g. "http://127.0.0.1:PORT"; set once the server listens. */
    public origin: string,
  ) {
    this.commands = new CommandStore(applicationId);
    this.users.set(botUser.id, botUser);
  }

  userByName(username: string): FakeUser {
    for (const u of this.users.values()) if (u.username === username) return u;
    const user: FakeUser = { id: snowflake(), username, globalName: username[0]!.toUpperCase() + username.slice(1) };
    this.users.set(user.id, user);
    return user;
  }

  private readonly unregisteredCommandIds = new Map<string, string>();

  /** `data.id` for a command that was never registered: a stable made-up snowflake per name. */
  commandIdFor(name: string): string {
    let id = this.unregisteredCommandIds.get(name);
    if (!id) this.unregisteredCommandIds.set(name, (id = snowflake()));
    return id;
  }

  dmChannelFor(userId: string): string {
    let id = this.dmChannels.get(userId);
    if (!id) this.dmChannels.set(userId, (id = snowflake()));
    return id;
  }

  /** Where a channel id lives: a guild text channel, a DM, or nowhere. */
  channelExists(channelId: string): boolean {
    if ([...this.dmChannels.values()].includes(channelId)) return true;
    return this.guilds.some((g) => g.channels.some((c) => c.id === channelId));
  }

  guildOfChannel(channelId: string): FakeGuild | undefined {
    return this.guilds.find((g) => g.channels.some((c) => c.id === channelId));
  }

  /** Stores bytes on the fake CDN and returns the absolute URL. Mimics Discord's signed query string. */
  putCdn(path: string, data: Buffer, contentType: string): string {
    this.cdn.set(path, { data, contentType });
    const ex = Math.floor(Date.now() / 1000 + 86_400).toString(16);
    return `${this.origin}${path}?ex=${ex}&is=${ex}&hm=${'0'.repeat(64)}&`;
  }

  /** Every message the bot produced, newest first: replies, follow-ups, channel messages. */
  allMessages(): FakeMessage[] {
    const out: FakeMessage[] = this.channelMessages.items.map((m) => m.message);
    for (const rec of this.interactions.values()) {
      if (rec.original) out.push(rec.original);
      out.push(...rec.followUps.values());
    }
    return out.sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1));
  }

  close(reason: string): void {
    this.requests.close(reason);
    this.callbacks.close(reason);
    this.webhooks.close(reason);
    this.channelMessages.close(reason);
  }
}
