// Turning message bodies sent by the bot (callback data, webhook and channel message bodies) into stored message
// objects, with Discord's validation rules for what a message may contain.

import { message, type FakeMessage, type FakeUser } from './payloads.js';
import type { FakeState, MessageBody, RecordedFile } from './state.js';
import { snowflake, type JsonObject } from './util.js';

export const FLAG_EPHEMERAL = 64;
export const FLAG_LOADING = 128;
const FLAG_COMPONENTS_V2 = 1 << 15;

/** A Discord-style 4xx error body, e.g. `{ message: 'Unknown interaction', code: 10062 }` (facts §4.2). */
export interface ApiError {
  status: number;
  body: { message: string; code: number; errors?: JsonObject };
}

export function apiError(status: number, code: number, msg: string, errors?: JsonObject): ApiError {
  return { status, body: { message: msg, code, ...(errors ? { errors } : {}) } };
}

function formError(field: string, code: string, msg: string): ApiError {
  return apiError(400, 50035, 'Invalid Form Body', { [field]: { _errors: [{ code, message: msg }] } });
}

/**
 * Discord's limits on a message body. Real bots hit these (long answers, many embeds) and get a 400, so the fake
 * answers the same instead of accepting anything. `isEdit` skips the "empty message" check: an edit may change
 * only some fields.
 */
export function validateMessage(body: MessageBody, files: RecordedFile[], isEdit = false): ApiError | null {
  const content = typeof body.content === 'string' ? body.content : '';
  const embeds = Array.isArray(body.embeds) ? body.embeds : [];
  const components = Array.isArray(body.components) ? body.components : [];
  if (!isEdit && !content && !embeds.length && !components.length && !files.length && !body.poll && !body.sticker_ids) {
    return apiError(400, 50006, 'Cannot send an empty message');
  }
  if (content.length > 2000 && !((body.flags ?? 0) & FLAG_COMPONENTS_V2)) {
    return formError('content', 'BASE_TYPE_MAX_LENGTH', 'Must be 2000 or fewer in length.');
  }
  if (embeds.length > 10) return formError('embeds', 'BASE_TYPE_MAX_LENGTH', 'Must be 10 or fewer in length.');
  let total = 0;
  for (const [i, e] of embeds.entries()) {
    const title = typeof e.title === 'string' ? e.title : '';
    const description = typeof e.description === 'string' ? e.description : '';
    const fields = Array.isArray(e.fields) ? (e.fields as JsonObject[]) : [];
    if (title.length > 256) return formError(`embeds.${i}.title`, 'BASE_TYPE_MAX_LENGTH', 'Must be 256 or fewer in length.');
    if (description.length > 4096) {
      return formError(`embeds.${i}.description`, 'BASE_TYPE_MAX_LENGTH', 'Must be 4096 or fewer in length.');
    }
    if (fields.length > 25) return formError(`embeds.${i}.fields`, 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
    total += title.length + description.length;
    for (const f of fields) total += String(f.name ?? '').length + String(f.value ?? '').length;
    total += String((e.footer as JsonObject | undefined)?.text ?? '').length;
    total += String((e.author as JsonObject | undefined)?.name ?? '').length;
  }
  if (total > 6000) return formError('embeds', 'MAX_EMBED_SIZE_EXCEEDED', 'Embed size exceeds maximum size of 6000');
  return null;
}

/**
 * Stores uploaded files on the fake CDN and returns attachment objects. discord.js sends each file as part
 * `files[N]` and lists `{ id: "N", description? }` in the body's `attachments` (facts §4.3).
 */
function uploadAttachments(s: FakeState, body: MessageBody, files: RecordedFile[], channelId: string): JsonObject[] {
  const listed = Array.isArray(body.attachments) ? body.attachments : [];
  return files.map((f) => {
    const index = /^files\[(\d+)\]$/.exec(f.field)?.[1] ?? '';
    const entry = listed.find((a) => String(a.id) === index) ?? {};
    const id = snowflake();
    const filename = typeof entry.filename === 'string' ? entry.filename : f.filename;
    const url = s.putCdn(`/cdn/attachments/${channelId}/${id}/${encodeURIComponent(filename)}`, f.data, f.contentType);
    return {
      id,
      filename,
      size: f.data.length,
      url,
      proxy_url: url,
      content_type: f.contentType,
      ...(typeof entry.description === 'string' ? { description: entry.description } : {}),
    };
  });
}

/** A new message from a reply / follow-up / channel message body. */
export function createMessage(
  s: FakeState,
  opts: {
    body: MessageBody;
    files: RecordedFile[];
    channelId: string;
    guildId: string | null;
    author: FakeUser;
    viaInteraction: boolean;
    extraFlags?: number;
  },
): FakeMessage {
  const { body } = opts;
  return message({
    channelId: opts.channelId,
    guildId: opts.guildId,
    author: opts.author,
    ...(opts.viaInteraction ? { applicationId: s.applicationId } : {}),
    content: typeof body.content === 'string' ? body.content : '',
    embeds: body.embeds ?? [],
    components: body.components ?? [],
    attachments: uploadAttachments(s, body, opts.files, opts.channelId),
    flags: (body.flags ?? 0) | (opts.extraFlags ?? 0),
  });
}

/**
 * Applies an edit (editReply, update, webhook PATCH) in place, so every holder of the object sees it. Attachments:
 * without an `attachments` field the old ones stay; with one, only the listed old ids stay, plus new uploads.
 */
export function applyEdit(s: FakeState, msg: FakeMessage, body: MessageBody, files: RecordedFile[]): void {
  if ('content' in body) msg.content = typeof body.content === 'string' ? body.content : '';
  if (Array.isArray(body.embeds)) msg.embeds = body.embeds;
  if (Array.isArray(body.components)) msg.components = body.components;
  const uploaded = uploadAttachments(s, body, files, msg.channel_id);
  if (Array.isArray(body.attachments)) {
    const keep = new Set(body.attachments.map((a) => String(a.id)));
    msg.attachments = msg.attachments.filter((a) => keep.has(String(a.id)));
  }
  msg.attachments = [...msg.attachments, ...uploaded];
  // Editing a deferred reply turns the "thinking…" message into a real one; the ephemeral bit stays.
  msg.flags = (msg.flags & ~FLAG_LOADING) | ((body.flags ?? 0) & ~FLAG_EPHEMERAL);
  msg.edited_timestamp = new Date().toISOString();
}

/** Finds a component by `custom_id` anywhere in a message's component tree (rows, sections, containers). */
export function findComponent(components: unknown, customId: string): JsonObject | undefined {
  if (!Array.isArray(components)) return undefined;
  for (const c of components as JsonObject[]) {
    if (c.custom_id === customId) return c;
    const inner =
      findComponent(c.components, customId) ??
      findComponent(c.component ? [c.component] : undefined, customId) ??
      findComponent(c.accessory ? [c.accessory] : undefined, customId);
    if (inner) return inner;
  }
  return undefined;
}
