import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort } from '../helpers.js';
import { MODERATOR, startHarness, type Harness } from './bot-harness.js';

// GET /healthz for service managers: 200 "ok" only while the gateway is connected, the store readable, the index
// loaded and interactions accepted; otherwise 503 naming what failed.
async function healthz(port: number, path = '/healthz', method = 'GET') {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { method });
  return { status: res.status, body: await res.text() };
}

describe('readiness while running', () => {
  let h: Harness;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    h = await startHarness({ env: { HEALTH_PORT: String(port) } });
  });
  afterAll(async () => {
    await h.close();
  });

  it('answers 200 ok when connected, with the store open and the index loaded', async () => {
    expect(await healthz(port)).toEqual({ status: 200, body: 'ok\n' });
  });

  it('serves nothing else, and only on 127.0.0.1', async () => {
    expect((await healthz(port, '/')).status).toBe(404);
    expect((await healthz(port, '/healthz', 'POST')).status).toBe(404);
    await expect(fetch(`http://[::1]:${port}/healthz`)).rejects.toThrow();
  });

  it('reports 503 once the gateway is gone for good (close 4004: the token was refused)', async () => {
    h.fake.closeGateway(4004, 'Authentication failed');
    await vi.waitFor(async () => expect(await healthz(port)).toEqual({ status: 503, body: 'unavailable: gateway not connected\n' }), { timeout: 5000 });
  });

  it('reports the store and the index when the database cannot be read', async () => {
    h.bot.context.kb.database.close();
    expect(await healthz(port)).toEqual({ status: 503, body: 'unavailable: gateway not connected, store not readable, index not loaded\n' });
  });
});

describe('readiness while shutting down', () => {
  it('reports 503 "shutting down" while in-flight work finishes, then stops listening', async () => {
    const port = await freePort();
    const h = await startHarness({ env: { HEALTH_PORT: String(port) } });
    const kb = h.bot.context.kb;
    const original = kb.add.bind(kb);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    vi.spyOn(kb, 'add').mockImplementationOnce(async (request) => {
      await gate;
      return original(request);
    });
    const file = h.fake.addAttachment({ filename: 'slow.txt', data: 'Slow note\n\nThe slow loris sleeps all day.\n' });
    const adding = h.fake.chatInput('curate add', { file }, MODERATOR);
    await adding.waitForCallback();
    const stopping = h.bot.stop();
    expect(await healthz(port)).toEqual({ status: 503, body: 'unavailable: shutting down\n' });
    release();
    await stopping;
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    await h.close(); // stopping twice is a no-op; this closes the fake and removes the data directory
  });
});
