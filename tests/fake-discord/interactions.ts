// INTERACTION_CREATE payload builders (facts §3): the common envelope (guild or DM, user, member permissions),
// chat-input/autocomplete option trees (typed from the registered command when there is one), component and
// modal-submit data.

import {
  apiGuildChannel,
  apiMember,
  apiRole,
  apiUser,
  DEFAULT_APP_PERMISSIONS,
  type FakeGuild,
  type FakeMessage,
  type FakeUser,
} from './payloads.js';
import type { FakeState } from './state.js';
import { interactionToken, snowflake, type JsonObject } from './util.js';

/** Who interacts, and where. Defaults: the first guild, its first channel, user "alice" (not the owner). */
export interface InteractionContext {
  /** A DM with the bot instead of a guild (no `guild_id`/`member`; `user` + DM channel, context 1). */
  dm?: boolean;
  guildId?: string;
  channelId?: string;
  /** Picks or creates a user; a username alone is enough and maps to the same id every time. */
  user?: { id?: string; username?: string; globalName?: string | null };
  /**
   * `member.permissions` in the payload, e.g. "0", "32" (ManageGuild), "8" (Administrator). This is what
   * `interaction.memberPermissions` reads. discord.js computes the *cached* `interaction.member.permissions` from
   * roles instead (facts §3.1), so unless `roles` is given the fake also gives the member a role with exactly
   * these bits (creating it with GUILD_ROLE_CREATE first): both views then agree.
   * Default: computed from @everyone and `roles`.
   */
  permissions?: string;
  /** Role ids of the member. */
  roles?: string[];
  /** `app_permissions`. */
  appPermissions?: string;
  locale?: string;
}

/** An uploaded file as it appears in `resolved.attachments`; create with `FakeDiscord.addAttachment`. */
export interface FakeAttachment extends JsonObject {
  id: string;
  filename: string;
  size: number;
  url: string;
  proxy_url: string;
  content_type: string;
}

/** Explicit option, when the command is not registered and the type cannot be inferred (e.g. a user option). */
export interface ExplicitOption {
  type: number;
  value: string | number | boolean;
}

export type OptionValue = string | number | boolean | FakeAttachment | ExplicitOption;
export type CommandOptions = Record<string, OptionValue>;
/** Modal fields by custom_id: text → text input; string[] → select values; attachments → file upload. */
export type ModalFields = Record<string, string | string[] | FakeAttachment[]>;

const ALL_PERMISSIONS = 8866461766385663n;
const ADMINISTRATOR = 8n;

export interface Built {
  payload: JsonObject;
  guildId: string | null;
  channelId: string;
  user: FakeUser;
}

/** Gives a guild member a role with exactly these bits, creating it if needed; returns its id or null. */
export type RoleForPermissions = (guild: FakeGuild, permissions: string) => string | null;

export function isAttachment(v: unknown): v is FakeAttachment {
  return typeof v === 'object' && v !== null && 'filename' in v && 'url' in v && 'id' in v;
}

/** The envelope every interaction shares (facts §3.1: entitlements, authorizing_integration_owners, channel…). */
export function envelope(s: FakeState, type: number, ctx: InteractionContext, roleFor: RoleForPermissions): Built {
  const id = snowflake();
  const user = resolveUser(s, ctx.user);
  const common = {
    id,
    application_id: s.applicationId,
    type,
    token: interactionToken(id),
    version: 1,
    app_permissions: ctx.appPermissions ?? DEFAULT_APP_PERMISSIONS,
    locale: ctx.locale ?? 'en-US',
    entitlements: [],
    attachment_size_limit: 10_485_760,
  };
  if (ctx.dm) {
    const channelId = ctx.channelId ?? s.dmChannelFor(user.id);
    const payload = {
      ...common,
      user: apiUser(user),
      channel_id: channelId,
      channel: { id: channelId, type: 1, flags: 0, last_message_id: null, recipients: [apiUser(user)] },
      authorizing_integration_owners: { '1': user.id },
      context: 1,
    };
    return { payload, guildId: null, channelId, user };
  }
  const guild = ctx.guildId ? s.guilds.find((g) => g.id === ctx.guildId) : s.guilds[0];
  if (!guild) throw new Error(`fake-discord: no guild ${ctx.guildId ?? '(none configured; use { dm: true })'}`);
  const channel = ctx.channelId ? guild.channels.find((c) => c.id === ctx.channelId) : guild.channels[0];
  if (!channel) throw new Error(`fake-discord: guild ${guild.id} has no channel ${ctx.channelId ?? ''}`);
  const roles = ctx.roles ?? (ctx.permissions !== undefined ? [roleFor(guild, ctx.permissions)].filter((r) => r !== null) : []);
  const permissions = ctx.permissions ?? computePermissions(guild, roles, user.id);
  const payload = {
    ...common,
    guild_id: guild.id,
    guild_locale: 'en-US',
    guild: { id: guild.id, locale: 'en-US', features: [] },
    channel_id: channel.id,
    channel: { ...apiGuildChannel(channel, guild.id), permissions },
    member: apiMember(user, roles, permissions),
    authorizing_integration_owners: { '0': guild.id },
    context: 0,
  };
  return { payload, guildId: guild.id, channelId: channel.id, user };
}

export function resolveUser(s: FakeState, u: InteractionContext['user']): FakeUser {
  if (u?.id) {
    const known = s.users.get(u.id);
    if (known) return known;
    const user = { id: u.id, username: u.username ?? `user${u.id.slice(-4)}`, globalName: u.globalName ?? null };
    s.users.set(user.id, user);
    return user;
  }
  return s.userByName(u?.username ?? 'alice');
}

/** What Discord puts in `member.permissions`: @everyone | roles; everything for Administrator or the owner. */
export function computePermissions(guild: FakeGuild, roleIds: string[], userId: string): string {
  let bits = BigInt(guild.roles[0]!.permissions);
  for (const r of guild.roles) if (roleIds.includes(r.id)) bits |= BigInt(r.permissions);
  return String(guild.ownerId === userId || bits & ADMINISTRATOR ? ALL_PERMISSIONS : bits);
}

/**
 * `data` of a chat-input (type 2) or autocomplete (type 4) interaction. `name` may hold a subcommand and group:
 * "curate add" or "admin corpus reload". With a registered command, option types come from its schema and
 * unknown/missing-required options throw (Discord's client would not let a user send them).
 */
export function commandData(
  s: FakeState,
  name: string,
  options: CommandOptions,
  guild: FakeGuild | null,
  focused?: string,
): JsonObject {
  const [root, ...path] = name.trim().split(/\s+/);
  if (!root || path.length > 2) throw new Error(`fake-discord: bad command name "${name}"`);
  const cmd = s.commands.find(root, guild?.id ?? null);
  let schema = cmd?.options;
  for (const part of path) {
    schema = schema?.find((o) => o.name === part && (o.type === 1 || o.type === 2))?.options as JsonObject[] | undefined;
    if (cmd && !schema) throw new Error(`fake-discord: /${root} has no subcommand (group) "${part}"`);
  }
  if (schema?.some((o) => o.type === 1 || o.type === 2)) {
    throw new Error(`fake-discord: /${name} needs a subcommand (e.g. "${name} ${String(schema[0]!.name)}")`);
  }
  const resolved: Record<string, Record<string, JsonObject>> = {};
  const leaves = Object.entries(options).map(([key, v]) =>
    leafOption(s, guild, cmd ? (schema ?? []) : undefined, name, key, v, resolved, key === focused),
  );
  if (cmd && focused === undefined) {
    for (const o of schema ?? []) {
      if (o.required === true && !(String(o.name) in options)) throw new Error(`fake-discord: /${name} needs option "${String(o.name)}"`);
    }
  }
  let tree: JsonObject[] = leaves;
  if (path.length >= 1) tree = [{ type: 1, name: path.at(-1)!, options: tree }];
  if (path.length === 2) tree = [{ type: 2, name: path[0]!, options: tree }];
  return {
    id: cmd?.id ?? s.commandIdFor(root),
    name: root,
    type: 1,
    ...(cmd?.guild_id ? { guild_id: cmd.guild_id } : {}),
    options: tree,
    ...(Object.keys(resolved).length ? { resolved } : {}),
  };
}

function inferType(v: OptionValue): number {
  if (isAttachment(v)) return 11;
  if (typeof v === 'object') return v.type;
  if (typeof v === 'boolean') return 5;
  if (typeof v === 'number') return Number.isInteger(v) ? 4 : 10;
  return 3;
}

function leafOption(
  s: FakeState,
  guild: FakeGuild | null,
  schema: JsonObject[] | undefined,
  command: string,
  key: string,
  v: OptionValue,
  resolved: Record<string, Record<string, JsonObject>>,
  focused: boolean,
): JsonObject {
  const def = schema?.find((o) => o.name === key);
  if (schema && !def) {
    throw new Error(`fake-discord: /${command} has no option "${key}" (has: ${schema.map((o) => String(o.name)).join(', ') || 'none'})`);
  }
  const type = typeof def?.type === 'number' ? def.type : inferType(v);
  const raw = isAttachment(v) ? v.id : typeof v === 'object' ? v.value : v;
  // Values of the option being typed arrive as strings, whatever the option's type (facts §3.3).
  if (focused) return { name: key, type, value: String(raw), focused: true };
  const add = (kind: string, id: string, obj: JsonObject) => ((resolved[kind] ??= {})[id] = obj);
  let value: string | number | boolean = raw;
  if (type === 11) {
    if (!isAttachment(v)) throw new Error(`fake-discord: option "${key}" is an attachment; pass fake.addAttachment(...)`);
    add('attachments', v.id, v);
  } else if (type === 6 || (type === 9 && !guild?.roles.some((r) => r.id === raw || r.name === raw))) {
    const user = /^\d{17,20}$/.test(String(raw)) ? resolveUser(s, { id: String(raw) }) : s.userByName(String(raw));
    value = user.id;
    add('users', user.id, apiUser(user));
    if (guild) {
      const { user: _omit, ...member } = apiMember(user, [], computePermissions(guild, [], user.id));
      add('members', user.id, member);
    }
  } else if (type === 7) {
    const ch = guild?.channels.find((c) => c.id === raw || c.name === raw);
    if (!ch || !guild) throw new Error(`fake-discord: option "${key}": no channel ${String(raw)} in the guild`);
    value = ch.id;
    add('channels', ch.id, { id: ch.id, name: ch.name, type: ch.type, permissions: DEFAULT_APP_PERMISSIONS, parent_id: null });
  } else if (type === 8 || type === 9) {
    const i = guild?.roles.findIndex((r) => r.id === raw || r.name === raw) ?? -1;
    const role = guild?.roles[i];
    if (!role) throw new Error(`fake-discord: option "${key}": no role ${String(raw)} in the guild`);
    value = role.id;
    add('roles', role.id, apiRole(role, i));
  } else if (type === 4 && !Number.isInteger(raw)) {
    throw new Error(`fake-discord: option "${key}" is an integer option, got ${String(raw)}`);
  }
  if (Array.isArray(def?.choices) && !(def.choices as JsonObject[]).some((c) => c.value === value)) {
    throw new Error(`fake-discord: option "${key}" must be one of its choices, got ${String(value)}`);
  }
  return { name: key, type, value };
}

/** A message holding a button / select with this custom_id, for component interactions with no known message. */
export function syntheticComponentMessage(s: FakeState, channelId: string, customId: string, componentType: number): FakeMessage {
  const component =
    componentType === 2
      ? { type: 2, id: 2, custom_id: customId, label: customId, style: 1 }
      : { type: componentType, id: 2, custom_id: customId, options: [], min_values: 1, max_values: 1 };
  return {
    id: snowflake(),
    channel_id: channelId,
    type: 0,
    content: '',
    author: apiUser(s.botUser),
    attachments: [],
    embeds: [],
    components: [{ type: 1, id: 1, components: [component] }],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags: 0,
  };
}

/**
 * `data.components` (+ `resolved`) of a modal submit (facts §3.5). With the modal the bot showed (`shown`, the
 * data of its type 9 callback), the submission mirrors its layout (action rows or labels), fills every input and
 * refuses unknown fields or missing required text inputs. Without it, strings become action rows with text
 * inputs and arrays become labels with a select or a file upload.
 */
export function modalData(customId: string, fields: ModalFields, shown: JsonObject | undefined): JsonObject {
  const attachments: Record<string, JsonObject> = {};
  let nextId = 1;
  const submit = (c: JsonObject): JsonObject => {
    const id = typeof c.id === 'number' ? c.id : nextId++;
    const cid = String(c.custom_id);
    const v = fields[cid];
    if (c.type === 4) {
      if (v === undefined && c.required !== false) throw new Error(`fake-discord: modal "${customId}" requires field "${cid}"`);
      return { type: 4, id, custom_id: cid, value: typeof v === 'string' ? v : '' };
    }
    const values = (Array.isArray(v) ? v : []).map((x) => (isAttachment(x) ? x : String(x)));
    for (const x of values) if (isAttachment(x)) attachments[x.id] = x;
    return { type: c.type, id, custom_id: cid, values: values.map((x) => (isAttachment(x) ? x.id : x)) };
  };

  let components: JsonObject[];
  if (shown && Array.isArray(shown.components)) {
    const known = new Set<string>();
    components = (shown.components as JsonObject[]).map((top) => {
      const id = typeof top.id === 'number' ? top.id : nextId++;
      if (top.type === 1) {
        const inner = (top.components as JsonObject[]).map((c) => (known.add(String(c.custom_id)), submit(c)));
        return { type: 1, id, components: inner };
      }
      if (top.type === 18) {
        const c = top.component as JsonObject;
        known.add(String(c.custom_id));
        return { type: 18, id, component: submit(c) };
      }
      return { type: top.type, id }; // text display and other non-inputs
    });
    const unknown = Object.keys(fields).filter((k) => !known.has(k));
    if (unknown.length) throw new Error(`fake-discord: modal "${customId}" has no field(s) ${unknown.join(', ')}`);
  } else {
    components = Object.entries(fields).map(([cid, v]) => {
      if (typeof v === 'string') return { type: 1, id: nextId++, components: [submit({ type: 4, custom_id: cid })] };
      const type = v.length && isAttachment(v[0]) ? 19 : 3;
      return { type: 18, id: nextId++, component: submit({ type, custom_id: cid }) };
    });
  }
  return {
    custom_id: customId,
    components,
    ...(Object.keys(attachments).length ? { resolved: { attachments } } : {}),
  };
}
