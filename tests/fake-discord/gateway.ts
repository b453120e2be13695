// The fake's Gateway v10: HELLO, IDENTIFY → READY + GUILD_CREATEs, heartbeat ACKs, RESUME → replay + RESUMED,
// and the fault hooks (close codes, op 7, op 9, unanswered heartbeats). Facts §1.2-1.5, §2, §6.1.
//
// One *session* (created by IDENTIFY, kept across reconnects) and at most one *bound connection* at a time, which
// is all a single-shard discord.js client uses. Dispatches are kept per session, so events sent while the client
// is reconnecting are replayed after its RESUME, as Discord does.

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { performance } from 'node:perf_hooks';
import zlib from 'node:zlib';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { randomHex, Recorder, type JsonObject } from './util.js';

export interface GatewayFrame {
  /** 'in' = sent by the client, 'out' = sent by the fake. */
  direction: 'in' | 'out';
  /** Index into `FakeGateway.connections`. */
  connection: number;
  op: number;
  t: string | null;
  s: number | null;
  d: unknown;
  at: number;
}

export interface GatewayConnectionInfo {
  /** Upgrade path, "/gateway" or "/resume". */
  path: string;
  query: Record<string, string>;
  compress: boolean;
  /** Close code once closed (1006 when dropped without a close frame). */
  closeCode?: number;
}

export interface SessionEvent {
  kind: 'ready' | 'resumed';
  sessionId: string;
  index: number;
  at: number;
}

export interface GatewayOptions {
  token: string;
  heartbeatIntervalMs: number;
  /** READY `d` for a new session. */
  ready(sessionId: string): JsonObject;
  /** GUILD_CREATE `d`s sent right after READY. */
  guildCreates(): JsonObject[];
}

interface Conn {
  index: number;
  ws: WebSocket;
  deflate: zlib.Deflate | null;
  /** Identified or resumed on this connection, and READY/RESUMED sent. */
  ready: boolean;
}

interface StoredEvent {
  frame: { op: 0; t: string; s: number; d: unknown };
  onSent: (() => void) | undefined;
  sent: boolean;
}

interface Session {
  id: string;
  seq: number;
  events: StoredEvent[];
}

/** Ops the client may send that the fake accepts and ignores: presence, voice state, request members, soundboard. */
const IGNORED_OPS = new Set([3, 4, 8, 31]);
const MAX_STORED_EVENTS = 1000;

export class FakeGateway {
  readonly frames = new Recorder<GatewayFrame>(
    (f) => `${f.direction} #${f.connection} op ${f.op}${f.t ? ` ${f.t}` : ''}${f.s !== null ? ` s=${f.s}` : ''}`,
  );
  readonly sessionEvents = new Recorder<SessionEvent>((e) => `${e.kind} ${e.sessionId}`);
  readonly connections: GatewayConnectionInfo[] = [];
  /** When false, op 1 goes unanswered: the client declares a zombie connection and resumes (facts §2). */
  ackHeartbeats = true;
  /** Answer this many upcoming RESUMEs with op 9 `false` instead of RESUMED. */
  rejectResumes = 0;

  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly conns = new Set<Conn>();
  private session: Session | null = null;
  private current: Conn | null = null;

  constructor(private readonly opts: GatewayOptions) {}

  get sessionId(): string | null {
    return this.session?.id ?? null;
  }

  /** True while a client is identified/resumed on an open connection. */
  isReady(): boolean {
    return this.current?.ready === true && this.current.ws.readyState === this.current.ws.OPEN;
  }

  waitForReady(timeoutMs: number): Promise<void> {
    if (this.isReady()) return Promise.resolve();
    const next = this.sessionEvents.items.length;
    return this.sessionEvents.waitFor((e) => e.index >= next, timeoutMs, 'a client to IDENTIFY or RESUME').then(() => {});
  }

  /** Called from the HTTP server's `upgrade` event. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/gateway' && url.pathname !== '/resume') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, url));
  }

  private onConnection(ws: WebSocket, url: URL): void {
    const query = Object.fromEntries(url.searchParams);
    // Without zlib-sync discord.js asks for no compression and wants text frames; with it, one deflate stream per
    // connection, each message Z_SYNC_FLUSHed (facts §1.3).
    const compress = query.compress === 'zlib-stream';
    const info: GatewayConnectionInfo = { path: url.pathname, query, compress };
    const conn: Conn = { index: this.connections.length, ws, deflate: compress ? zlib.createDeflate() : null, ready: false };
    this.connections.push(info);
    this.conns.add(conn);
    ws.on('close', (code) => {
      info.closeCode = code;
      conn.deflate?.close();
      this.conns.delete(conn);
      if (this.current === conn) this.current = null;
    });
    ws.on('error', () => {}); // a reset socket also emits 'close'
    ws.on('message', (data, isBinary) => this.onMessage(conn, data, isBinary));
    if (query.encoding && query.encoding !== 'json') {
      ws.close(4002, 'Only encoding=json is supported by the fake');
      return;
    }
    this.send(conn, { op: 10, d: { heartbeat_interval: this.opts.heartbeatIntervalMs }, s: null, t: null });
  }

  private onMessage(conn: Conn, data: RawData, isBinary: boolean): void {
    let payload: { op?: unknown; d?: unknown };
    try {
      payload = JSON.parse(isBinary ? Buffer.from(data as Buffer).toString('utf8') : String(data)) as typeof payload;
    } catch {
      conn.ws.close(4002, 'Error while decoding payload');
      return;
    }
    const op = Number(payload.op);
    const d = payload.d;
    this.frames.push({ direction: 'in', connection: conn.index, op, t: null, s: null, d, at: performance.now() });
    const identified = conn.ready;
    switch (op) {
      case 1:
        if (this.ackHeartbeats) this.send(conn, { op: 11, d: null, s: null, t: null });
        return;
      case 2:
        return this.identify(conn, d as JsonObject);
      case 6:
        return this.resume(conn, d as JsonObject);
      default:
        if (!identified) conn.ws.close(4003, 'Not authenticated');
        else if (!IGNORED_OPS.has(op)) conn.ws.close(4001, 'Unknown opcode');
    }
  }

  private tokenOk(d: JsonObject | undefined): boolean {
    const token = String(d?.token ?? '').replace(/^Bot /, '');
    return token === this.opts.token;
  }

  private identify(conn: Conn, d: JsonObject | undefined): void {
    if (conn.ready) return void conn.ws.close(4005, 'Already authenticated');
    if (!this.tokenOk(d)) return void conn.ws.close(4004, 'Authentication failed');
    this.session = { id: randomHex(16), seq: 0, events: [] };
    this.bind(conn);
    this.dispatch('READY', this.opts.ready(this.session.id));
    for (const g of this.opts.guildCreates()) this.dispatch('GUILD_CREATE', g);
    conn.ready = true;
    const s = this.session;
    this.sessionEvents.push({ kind: 'ready', sessionId: s.id, index: this.sessionEvents.items.length, at: performance.now() });
  }

  private resume(conn: Conn, d: JsonObject | undefined): void {
    if (!this.tokenOk(d)) return void conn.ws.close(4004, 'Authentication failed');
    const s = this.session;
    if (this.rejectResumes > 0 || !s || d?.session_id !== s.id) {
      if (this.rejectResumes > 0) this.rejectResumes -= 1;
      this.session = null;
      // Discord waits 1-5 s before op 9 on a failed RESUME; the client copes either way.
      this.send(conn, { op: 9, d: false, s: null, t: null });
      return;
    }
    this.bind(conn);
    const from = Number(d?.seq ?? 0);
    for (const ev of s.events) if (ev.frame.s > from) this.write(conn, ev);
    this.dispatch('RESUMED', {});
    conn.ready = true;
    this.sessionEvents.push({ kind: 'resumed', sessionId: s.id, index: this.sessionEvents.items.length, at: performance.now() });
  }

  /** Makes `conn` the session's connection; an older connection of the session is dropped, as on Discord. */
  private bind(conn: Conn): void {
    if (this.current && this.current !== conn) this.current.ws.terminate();
    this.current = conn;
  }

  /**
   * Sends an op 0 dispatch with the next sequence number, or keeps it for replay if the client is reconnecting.
   * `onSent` runs when the frame is actually written (used to time interactions from delivery).
   */
  dispatch(t: string, d: unknown, onSent?: () => void): number {
    const s = this.session;
    if (!s) throw new Error(`fake-discord: cannot dispatch ${t}: no gateway session (wait for waitForReady() first)`);
    const ev: StoredEvent = { frame: { op: 0, t, s: ++s.seq, d }, onSent, sent: false };
    s.events.push(ev);
    if (s.events.length > MAX_STORED_EVENTS) s.events.shift();
    const conn = this.current;
    // READY, GUILD_CREATE and RESUMED go out before `ready` is set; everything else waits for it.
    if (conn && conn.ws.readyState === conn.ws.OPEN && (conn.ready || t === 'READY' || t === 'GUILD_CREATE' || t === 'RESUMED')) {
      this.write(conn, ev);
    }
    return ev.frame.s;
  }

  private write(conn: Conn, ev: StoredEvent): void {
    this.send(conn, ev.frame);
    if (!ev.sent) {
      ev.sent = true;
      ev.onSent?.();
    }
  }

  private send(conn: Conn, payload: { op: number; d: unknown; s: number | null; t: string | null }): void {
    if (conn.ws.readyState !== conn.ws.OPEN) return;
    this.frames.push({ direction: 'out', connection: conn.index, ...payload, at: performance.now() });
    const text = JSON.stringify(payload);
    const deflate = conn.deflate;
    if (!deflate) return void conn.ws.send(text);
    deflate.write(text);
    // Flush callbacks run in write order, and the flushed bytes are already buffered when each one runs.
    deflate.flush(zlib.constants.Z_SYNC_FLUSH, () => {
      const chunk = deflate.read() as Buffer | null;
      if (chunk && conn.ws.readyState === conn.ws.OPEN) conn.ws.send(chunk);
    });
  }

  /**
   * Closes the client's connection with `code` (default 4000, which discord.js resumes after, facts §6.1).
   * 1005/1006 cannot be sent in a close frame: those drop the TCP connection instead.
   */
  closeGateway(code = 4000, reason = ''): void {
    const conn = this.requireConn();
    if (code === 1005 || code === 1006) conn.ws.terminate();
    else conn.ws.close(code, reason);
  }

  /** Sends a raw opcode (e.g. 7 RECONNECT, 1 HEARTBEAT request, 9 INVALID_SESSION). */
  sendOp(op: number, d: unknown = null): void {
    const conn = this.requireConn();
    if (op === 9 && d !== true) this.session = null;
    this.send(conn, { op, d, s: null, t: null });
  }

  private requireConn(): Conn {
    if (!this.current || this.current.ws.readyState !== this.current.ws.OPEN) {
      throw new Error('fake-discord: no open gateway connection');
    }
    return this.current;
  }

  close(): void {
    for (const c of this.conns) c.ws.terminate();
    this.conns.clear();
    this.wss.close();
    this.frames.close('fake-discord closed');
    this.sessionEvents.close('fake-discord closed');
  }
}
