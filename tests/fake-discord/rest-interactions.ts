// Interaction response routes (facts §4 table): the callback route and the interaction webhook (follow-ups and
// `@original` / follow-up message GET, PATCH, DELETE). They answer the way Discord does, so a bot that skips a
// defer, answers twice or too late gets the same error here as in production.

import { performance } from 'node:perf_hooks';
import { applyEdit, apiError, createMessage, FLAG_EPHEMERAL, FLAG_LOADING, validateMessage, type ApiError } from './messages.js';
import type { Reply, Route, RouteCtx } from './rest.js';
import type { FakeState, InteractionRecord, MessageBody, WebhookKind } from './state.js';
import type { JsonObject } from './util.js';

const ok = (status: number, json?: unknown): Reply => ({ status, ...(json === undefined ? {} : { json }) });
const round = (ms: number) => Math.round(ms * 10) / 10;

export function interactionRoutes(s: FakeState): Route[] {
  /** POST /interactions/{id}/{token}/callback (facts §4 table). */
  function callback(c: RouteCtx): Reply | ApiError {
    const rec = s.interactions.get(c.params.id!);
    if (!rec || rec.token !== c.params.token) return apiError(404, 10062, 'Unknown interaction');
    const elapsedMs = round(performance.now() - rec.dispatchedAt);
    // Discord forgets an interaction that was not answered within 3 s; the bot then gets 10062.
    if (elapsedMs > s.callbackDeadlineMs) return apiError(404, 10062, 'Unknown interaction');
    if (rec.acknowledged) return apiError(400, 40060, 'Interaction has already been acknowledged.');
    const body = (c.body ?? {}) as JsonObject;
    const type = Number(body.type);
    const data = (body.data ?? {}) as MessageBody;
    const invalid = checkCallbackType(rec, type) ?? (type === 4 ? validateMessage(data, c.files) : null);
    if (invalid) return invalid;

    rec.acknowledged = true;
    if (type === 4 || type === 5) {
      rec.original = createMessage(s, {
        body: type === 4 ? data : {},
        files: c.files,
        channelId: rec.channelId,
        guildId: rec.guildId,
        author: s.botUser,
        viaInteraction: true,
        // A deferred reply is a "thinking…" message (LOADING) until edited; only its ephemeral bit is kept.
        extraFlags: type === 5 ? FLAG_LOADING | ((data.flags ?? 0) & FLAG_EPHEMERAL) : 0,
      });
      if (type === 5) rec.original.flags &= FLAG_LOADING | FLAG_EPHEMERAL;
    } else if (type === 7 && rec.original) {
      applyEdit(s, rec.original, data, c.files);
    }
    const recorded = { interactionId: rec.id, token: rec.token, type, data, body, files: c.files, query: c.query, elapsedMs, at: Date.now() };
    rec.callback = recorded;
    s.callbacks.push(recorded);

    if (c.query.with_response !== 'true') return ok(204);
    const msg = type === 4 || type === 5 || type === 7 ? rec.original : undefined;
    return ok(200, {
      interaction: {
        id: rec.id,
        type: rec.type,
        ...(msg
          ? {
              response_message_id: msg.id,
              response_message_loading: (msg.flags & FLAG_LOADING) !== 0,
              response_message_ephemeral: (msg.flags & FLAG_EPHEMERAL) !== 0,
            }
          : {}),
      },
      ...(msg ? { resource: { type, message: msg } } : {}),
    });
  }

  /** Follow-ups and `@original` / follow-up message GET, PATCH, DELETE through the interaction webhook. */
  function webhook(c: RouteCtx, kind: WebhookKind): Reply | ApiError {
    const rec = s.interactionsByToken.get(c.params.token!);
    if (c.params.app !== s.applicationId || !rec) return apiError(404, 10015, 'Unknown Webhook');
    // Follow-ups and edits need an acknowledged interaction (reply or defer first).
    if (!rec.acknowledged) return apiError(404, 10015, 'Unknown Webhook');
    const body = (c.body ?? {}) as MessageBody;
    const record = (messageId: string | null, message?: InteractionRecord['original']) =>
      s.webhooks.push({
        kind,
        method: c.method,
        token: rec.token,
        interactionId: rec.id,
        messageId,
        body,
        files: c.files,
        query: c.query,
        ...(message ? { message } : {}),
        elapsedMs: round(performance.now() - rec.dispatchedAt),
        at: Date.now(),
      });

    if (kind === 'followUp') {
      const invalid = validateMessage(body, c.files);
      if (invalid) return invalid;
      const msg = createMessage(s, { body, files: c.files, channelId: rec.channelId, guildId: rec.guildId, author: s.botUser, viaInteraction: true });
      rec.followUps.set(msg.id, msg);
      record(null, msg);
      return c.query.wait === 'true' ? ok(200, msg) : ok(204);
    }

    const messageId = c.params.message!;
    const msg = messageId === '@original' || messageId === rec.original?.id ? rec.original : rec.followUps.get(messageId);
    if (!msg) return apiError(404, 10008, 'Unknown Message');
    if (kind === 'getMessage') {
      record(messageId, msg);
      return ok(200, msg);
    }
    if (kind === 'deleteMessage') {
      if (msg === rec.original) delete rec.original;
      else rec.followUps.delete(msg.id);
      record(messageId);
      return ok(204);
    }
    const invalid = validateMessage(body, c.files, true);
    if (invalid) return invalid;
    applyEdit(s, msg, body, c.files);
    record(messageId, msg);
    return ok(200, msg);
  }

  return [
    ['POST', 'interactions/:id/:token/callback', 'no-auth-allowed', callback],
    ['POST', 'webhooks/:app/:token', 'no-auth-allowed', (c) => webhook(c, 'followUp')],
    ['GET', 'webhooks/:app/:token/messages/:message', 'no-auth-allowed', (c) => webhook(c, 'getMessage')],
    ['PATCH', 'webhooks/:app/:token/messages/:message', 'no-auth-allowed', (c) => webhook(c, 'editMessage')],
    ['DELETE', 'webhooks/:app/:token/messages/:message', 'no-auth-allowed', (c) => webhook(c, 'deleteMessage')],
  ];
}

/** Which callback types Discord accepts for which interaction types. */
function checkCallbackType(rec: InteractionRecord, type: number): ApiError | null {
  const allowed: Record<number, number[]> = {
    2: [4, 5, 9, 10, 12], // application command
    3: [4, 5, 6, 7, 9, 10, 12], // component
    4: [8], // autocomplete
    5: [4, 5, 6, 7, 10, 12], // modal submit (6 and 7 only if the modal came from a message)
  };
  const ok = (allowed[rec.type] ?? []).includes(type) && !((type === 6 || type === 7) && !rec.original);
  if (ok) return null;
  return apiError(400, 50035, 'Invalid Form Body', {
    type: { _errors: [{ code: 'INTERACTION_RESPONSE_TYPE_INVALID', message: `Callback type ${type} is not valid for interaction type ${rec.type}` }] },
  });
}
