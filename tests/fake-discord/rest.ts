// The fake's HTTP side: REST routes under /api/v10 (facts §4) and the /cdn file route.
// Every API request is logged (FakeState.requests) after it has been answered, with its status.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import { commandRoutes } from './rest-commands.js';
import { apiError, createMessage, validateMessage, type ApiError } from './messages.js';
import { interactionRoutes } from './rest-interactions.js';
import { apiGuildChannel, apiUser } from './payloads.js';
import type { FakeState, MessageBody, RecordedFile, RecordedRequest } from './state.js';
import type { JsonObject } from './util.js';

/** A one-shot (or N-shot) REST fault, see `FakeDiscord.failNext`. */
export interface RestFault {
  /** HTTP method to match (any if omitted). */
  method?: string;
  /** Matched against the path after `/api/v10`, raw and percent-decoded: a RegExp, or a substring. */
  pathPattern: string | RegExp;
  /** Status to answer. Required unless `reset` is set. */
  status?: number;
  headers?: Record<string, string>;
  /** JSON body. Default: a Discord-style `{ message, code }`. */
  body?: unknown;
  /** How many matching requests fail (default 1). 429s are retried forever by @discordjs/rest (facts §6.2), so
   *  faults are always finite. */
  times?: number;
  /** For 429: seconds put in `Retry-After` (default 0.1). A 429 always carries it, else the client hot-loops. */
  retryAfter?: number;
  /** Wait this long before answering (e.g. to trip the client's `rest.timeout`). */
  delayMs?: number;
  /** Destroy the socket instead of answering (the client sees ECONNRESET / "other side closed"). */
  reset?: boolean;
}

export interface Reply {
  status: number;
  json?: unknown;
  headers?: Record<string, string>;
}

/** One parsed API request, as handed to a route. */
export interface RouteCtx {
  method: string;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  files: RecordedFile[];
}

export type RouteAuth = 'bot' | 'none' | 'no-auth-allowed';
export type Route = [method: string, pattern: string, auth: RouteAuth, handler: (ctx: RouteCtx) => Reply | ApiError];

const json = (status: number, body?: unknown): Reply => ({ status, ...(body === undefined ? {} : { json: body }) });

export class FakeRest {
  readonly faults: Array<RestFault & { remaining: number }> = [];
  private readonly routes: Route[];

  constructor(
    private readonly s: FakeState,
    gatewayUrl: () => string,
  ) {
    const gatewayInfo = () => ({
      url: gatewayUrl(),
      shards: 1,
      // Required: without session_start_limit login() throws a TypeError (facts §1.2).
      session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
    });
    this.routes = [
      ['GET', 'gateway/bot', 'bot', () => json(200, gatewayInfo())],
      ['GET', 'gateway', 'none', () => json(200, { url: gatewayUrl() })],
      ['GET', 'users/@me', 'bot', () => json(200, { ...apiUser(s.botUser), verified: true, flags: 0 })],
      ['GET', 'applications/@me', 'bot', () => json(200, this.application())],
      ['POST', 'users/@me/channels', 'bot', (c) => this.createDm(c)],
      ['GET', 'channels/:channel', 'bot', (c) => this.getChannel(c.params.channel!)],
      ['POST', 'channels/:channel/messages', 'bot', (c) => this.channelMessage(c)],
      ...commandRoutes(s),
      ...interactionRoutes(s),
    ];
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/cdn/')) return this.serveCdn(req, res, url.pathname);
    const raw = await readBody(req);
    if (!url.pathname.startsWith('/api/v10/')) {
      return send(res, json(404, { message: `404: Not Found (the fake serves only /api/v10, got ${url.pathname})`, code: 0 }));
    }
    const path = url.pathname.slice('/api/v10'.length);
    const method = req.method ?? 'GET';
    const query = Object.fromEntries(url.searchParams);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (k !== 'authorization' && v !== undefined) headers[k] = String(v);
    const authHeader = req.headers.authorization;
    const auth = authHeader === undefined ? 'none' : authHeader === `Bot ${this.s.token}` ? 'bot' : 'invalid';
    const parsed = await parseBody(raw, req.headers['content-type'] ?? '');
    const log: RecordedRequest = { method, path, query, headers, auth, body: undefined, files: [], status: 0, fault: false, at: Date.now() };
    if (!('error' in parsed)) {
      log.body = parsed.body;
      log.files = parsed.files;
    }

    let reply: Reply | ApiError;
    const fault = this.takeFault(method, path);
    if (fault) {
      log.fault = true;
      if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      if (fault.reset) {
        this.s.requests.push(log);
        req.socket.destroy();
        return;
      }
      reply = faultReply(fault);
    } else if ('error' in parsed) {
      reply = apiError(400, 50109, 'The request body contains invalid JSON.');
    } else {
      reply = this.route({ method, path, query, body: parsed.body, files: parsed.files }, auth);
    }
    const out: Reply = 'body' in reply ? json(reply.status, reply.body) : reply;
    log.status = out.status;
    this.s.requests.push(log);
    send(res, out);
  }

  private takeFault(method: string, path: string): RestFault | undefined {
    let decoded = path;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      /* keep raw */
    }
    const i = this.faults.findIndex(
      (f) =>
        (!f.method || f.method.toUpperCase() === method) &&
        [path, decoded].some((p) => (typeof f.pathPattern === 'string' ? p.includes(f.pathPattern) : f.pathPattern.test(p))),
    );
    if (i < 0) return undefined;
    const f = this.faults[i]!;
    if (--f.remaining <= 0) this.faults.splice(i, 1);
    return f;
  }

  private route(ctx: Omit<RouteCtx, 'params'> & { path: string }, auth: 'bot' | 'invalid' | 'none'): Reply | ApiError {
    const segs = ctx.path.split('/').filter(Boolean).map((p) => decodeURIComponent(p));
    let methodMismatch = false;
    for (const [method, pattern, need, handler] of this.routes) {
      const params = matchPath(pattern, segs);
      if (!params) continue;
      if (method !== ctx.method) {
        methodMismatch = true;
        continue;
      }
      if (need === 'bot' && auth !== 'bot') return apiError(401, 0, '401: Unauthorized');
      // discord.js sends interaction and webhook-token routes with auth: false (facts §4). A bot that adds
      // an Authorization header there is using a different code path than the real client would.
      if (need === 'no-auth-allowed' && auth !== 'none') {
        return apiError(400, 0, 'The fake expects no Authorization header on interaction/webhook token routes');
      }
      return handler({ ...ctx, params });
    }
    return methodMismatch ? apiError(405, 0, '405: Method Not Allowed') : apiError(404, 0, '404: Not Found');
  }

  private application(): JsonObject {
    return {
      id: this.s.applicationId,
      name: this.s.botUser.username,
      icon: null,
      description: '',
      bot_public: true,
      bot_require_code_grant: false,
      verify_key: '0'.repeat(64),
      flags: 0,
      team: null,
      bot: apiUser(this.s.botUser),
    };
  }

  private createDm(c: RouteCtx): Reply | ApiError {
    const recipient = String((c.body as JsonObject | undefined)?.recipient_id ?? '');
    const user = this.s.users.get(recipient);
    if (!user) return apiError(400, 50035, 'Invalid Form Body', { recipient_id: { _errors: [{ code: 'NUMBER_TYPE_COERCE', message: 'Unknown user' }] } });
    return json(200, dmChannel(this.s.dmChannelFor(user.id), apiUser(user)));
  }

  private getChannel(channelId: string): Reply | ApiError {
    const guild = this.s.guildOfChannel(channelId);
    const ch = guild?.channels.find((c) => c.id === channelId);
    if (guild && ch) return json(200, apiGuildChannel(ch, guild.id));
    for (const [userId, id] of this.s.dmChannels) {
      if (id === channelId) return json(200, dmChannel(id, apiUser(this.s.users.get(userId)!)));
    }
    return apiError(404, 10003, 'Unknown Channel');
  }

  private channelMessage(c: RouteCtx): Reply | ApiError {
    const channelId = c.params.channel!;
    if (!this.s.channelExists(channelId)) return apiError(404, 10003, 'Unknown Channel');
    const body = (c.body ?? {}) as MessageBody;
    const invalid = validateMessage(body, c.files);
    if (invalid) return invalid;
    const guildId = this.s.guildOfChannel(channelId)?.id ?? null;
    const msg = createMessage(this.s, { body, files: c.files, channelId, guildId, author: this.s.botUser, viaInteraction: false });
    this.s.channelMessages.push({ channelId, body, files: c.files, message: msg, at: Date.now() });
    return json(200, msg);
  }

  private serveCdn(req: IncomingMessage, res: ServerResponse, path: string): void {
    req.resume();
    const file = this.s.cdn.get(path);
    if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      return;
    }
    res.writeHead(200, { 'content-type': file.contentType, 'content-length': String(file.data.length) });
    res.end(req.method === 'HEAD' ? undefined : file.data);
  }
}


function faultReply(f: RestFault): Reply {
  const status = f.status ?? 500;
  const headers = { ...f.headers };
  let body = f.body;
  if (status === 429) {
    const retryAfter = f.retryAfter ?? 0.1;
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'retry-after')) headers['retry-after'] = String(retryAfter);
    body ??= { message: 'You are being rate limited.', retry_after: retryAfter, global: false };
  }
  body ??= { message: `${status}: ${STATUS_CODES[status] ?? 'Error'}`, code: 0 };
  return { status, json: body, headers };
}

function dmChannel(id: string, recipient: JsonObject): JsonObject {
  return { id, type: 1, last_message_id: null, flags: 0, recipients: [recipient] };
}

/** `'a/:x/b'` against `['a','1','b']` → `{ x: '1' }`. */
function matchPath(pattern: string, segs: string[]): Record<string, string> | null {
  const parts = pattern.split('/');
  if (parts.length !== segs.length) return null;
  const params: Record<string, string> = {};
  for (const [i, p] of parts.entries()) {
    if (p.startsWith(':')) params[p.slice(1)] = segs[i]!;
    else if (p !== segs[i]) return null;
  }
  return params;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** JSON, or multipart with `payload_json` + `files[N]` (facts §4.3), parsed with the built-in Request.formData(). */
async function parseBody(raw: Buffer, contentType: string): Promise<{ body: unknown; files: RecordedFile[] } | { error: true }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  try {
    if (contentType.startsWith('multipart/form-data')) {
      const form = await new Request('http://fake.invalid', { method: 'POST', headers: { 'content-type': contentType }, body: raw }).formData();
      let body: unknown;
      const files: RecordedFile[] = [];
      for (const [field, value] of form) {
        if (typeof value === 'string') {
          if (field === 'payload_json') body = JSON.parse(value);
        } else {
          files.push({ field, filename: value.name, contentType: value.type || 'application/octet-stream', data: Buffer.from(await value.arrayBuffer()) });
        }
      }
      return { body, files };
    }
    if (contentType.startsWith('application/json')) return { body: JSON.parse(raw.toString('utf8')), files: [] };
    return { body: raw.toString('utf8'), files: [] };
  } catch {
    return { error: true };
  }
}

/** JSON bodies always carry `Content-Type: application/json` (the client parses JSON only then); 204 has no body. */
function send(res: ServerResponse, r: Reply): void {
  if (r.json === undefined) {
    res.writeHead(r.status, r.headers).end();
    return;
  }
  const text = JSON.stringify(r.json);
  res.writeHead(r.status, { ...r.headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}
