// Wire payloads of the fake Discord: users, guilds (GUILD_CREATE), READY and message objects.
// Shapes follow /work/shared/notes/discord-fake-facts.md (§2 READY/GUILD_CREATE, §4.1 message), which were
// checked against discord.js 14.28.1.

import { ISO_JOINED, snowflake, type JsonObject } from './util.js';

export interface FakeUser {
  id: string;
  username: string;
  globalName: string | null;
  bot?: boolean;
}

export interface FakeChannel {
  id: string;
  name: string;
  /** 0 = GUILD_TEXT. A non-text channel makes discord.js drop component interactions in it (facts §3). */
  type: number;
}

export interface FakeRole {
  id: string;
  name: string;
  /** Permission bits as a decimal string, e.g. "32" (ManageGuild), "8" (Administrator). */
  permissions: string;
}

/** A guild as the fake serves it. `roles[0]` is always @everyone, whose id equals the guild id. */
export interface FakeGuild {
  id: string;
  name: string;
  ownerId: string;
  channels: FakeChannel[];
  roles: FakeRole[];
}

/** What `FakeDiscord.start({ guilds })` accepts; every field has a default. */
export interface FakeGuildInput {
  id?: string;
  name?: string;
  /** Default: a separate "owner" user. Do not make the acting user the owner unless you want every permission:
   *  discord.js gives the owner all bits in `GuildMember.permissions` (facts §3.1). */
  ownerId?: string;
  channels?: Array<Partial<FakeChannel>>;
  roles?: Array<Partial<FakeRole> & { permissions: string }>;
  /** Bits of @everyone. Default "1071698660929", Discord's default for a new guild (no ManageGuild, no Admin). */
  everyonePermissions?: string;
}

export const DEFAULT_EVERYONE_PERMISSIONS = '1071698660929';
/** `app_permissions` Discord sends for a bot with a typical invite (facts §3.2). */
export const DEFAULT_APP_PERMISSIONS = '2248473465835073';

export function resolveGuild(input: FakeGuildInput, ownerId: string): FakeGuild {
  const id = input.id ?? snowflake();
  const channels = (input.channels?.length ? input.channels : [{ name: 'general' }]).map((c) => ({
    id: c.id ?? snowflake(),
    name: c.name ?? 'general',
    type: c.type ?? 0,
  }));
  const roles: FakeRole[] = [
    { id, name: '@everyone', permissions: input.everyonePermissions ?? DEFAULT_EVERYONE_PERMISSIONS },
    ...(input.roles ?? []).map((r) => ({ id: r.id ?? snowflake(), name: r.name ?? 'role', permissions: r.permissions })),
  ];
  return { id, name: input.name ?? 'Test Guild', ownerId: input.ownerId ?? ownerId, channels, roles };
}

export function apiUser(u: FakeUser): JsonObject {
  return {
    id: u.id,
    username: u.username,
    discriminator: '0',
    global_name: u.globalName,
    avatar: null,
    ...(u.bot ? { bot: true } : {}),
  };
}

export function apiRole(r: FakeRole, position: number): JsonObject {
  return {
    id: r.id,
    name: r.name,
    color: 0,
    hoist: false,
    position,
    permissions: r.permissions,
    managed: false,
    mentionable: false,
    flags: 0,
  };
}

export function apiGuildChannel(c: FakeChannel, guildId: string, position = 0): JsonObject {
  return {
    id: c.id,
    type: c.type,
    guild_id: guildId,
    name: c.name,
    position,
    permission_overwrites: [],
    parent_id: null,
    nsfw: false,
    topic: null,
    rate_limit_per_user: 0,
    last_message_id: null,
    flags: 0,
  };
}

export function apiMember(user: FakeUser, roles: string[], permissions?: string): JsonObject {
  return {
    user: apiUser(user),
    roles,
    ...(permissions !== undefined ? { permissions } : {}),
    joined_at: ISO_JOINED,
    nick: null,
    avatar: null,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
  };
}

/** GUILD_CREATE `d` that makes guild, channels and members real cached objects (facts §2 "Suggested GUILD_CREATE"):
 *  `channels` must be present or the guild is marked unavailable; the @everyone role is needed for permissions. */
export function guildCreate(g: FakeGuild, bot: FakeUser): JsonObject {
  return {
    id: g.id,
    name: g.name,
    icon: null,
    owner_id: g.ownerId,
    features: [],
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    system_channel_id: null,
    system_channel_flags: 0,
    premium_tier: 0,
    preferred_locale: 'en-US',
    nsfw_level: 0,
    joined_at: ISO_JOINED,
    large: false,
    unavailable: false,
    member_count: 2,
    roles: g.roles.map(apiRole),
    channels: g.channels.map((c, i) => apiGuildChannel(c, g.id, i)),
    members: [apiMember(bot, [])],
    threads: [],
    presences: [],
    voice_states: [],
    emojis: [],
    stickers: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** READY `d`. `user`, `guilds`, `application` and `session_id` are required by discord.js (facts §2 table). */
export function ready(opts: {
  bot: FakeUser;
  applicationId: string;
  guildIds: string[];
  sessionId: string;
  resumeUrl: string;
}): JsonObject {
  return {
    v: 10,
    user: { ...apiUser(opts.bot), verified: true, mfa_enabled: false, flags: 0 },
    guilds: opts.guildIds.map((id) => ({ id, unavailable: true })),
    session_id: opts.sessionId,
    session_type: 'normal',
    resume_gateway_url: opts.resumeUrl,
    shard: [0, 1],
    private_channels: [],
    presences: [],
    relationships: [],
    application: { id: opts.applicationId, flags: 0 },
    _trace: ['["fake-discord",{"micros":0}]'],
  };
}

/** A message object as Discord returns it (facts §4.1). `id` must be a numeric string: `new Message` does BigInt(id). */
export interface FakeMessage extends JsonObject {
  id: string;
  channel_id: string;
  content: string;
  embeds: JsonObject[];
  components: JsonObject[];
  attachments: JsonObject[];
  flags: number;
  author: JsonObject;
}

export function message(opts: {
  channelId: string;
  author: FakeUser;
  /** Set for messages sent through the interaction webhook (replies, follow-ups). */
  applicationId?: string;
  content?: string;
  embeds?: JsonObject[];
  components?: JsonObject[];
  attachments?: JsonObject[];
  flags?: number;
  guildId?: string | null;
}): FakeMessage {
  return {
    id: snowflake(),
    channel_id: opts.channelId,
    ...(opts.guildId ? { guild_id: opts.guildId } : {}),
    type: opts.applicationId ? 20 : 0,
    content: opts.content ?? '',
    author: apiUser(opts.author),
    attachments: opts.attachments ?? [],
    embeds: opts.embeds ?? [],
    components: opts.components ?? [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags: opts.flags ?? 0,
    ...(opts.applicationId ? { webhook_id: opts.applicationId, application_id: opts.applicationId } : {}),
  };
}
