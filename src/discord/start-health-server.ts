import http from 'node:http';

/** What readiness means for footnote: every check true. */
export type HealthChecks = {
  /** The gateway session is up (interactions arrive). */
  gateway: boolean;
  /** The store's database answers a read. */
  store: boolean;
  /** The passage index is loaded and in step with the store. */
  index: boolean;
  /** Interactions are being accepted (false while shutting down). */
  accepting: boolean;
};

const FAILING: Record<keyof HealthChecks, string> = {
  gateway: 'gateway not connected',
  store: 'store not readable',
  index: 'index not loaded',
  accepting: 'shutting down',
};

/**
 * `GET /healthz` on 127.0.0.1:`port` for service managers: `200 ok` while every check passes, otherwise
 * `503 unavailable: <what failed>`. Loopback only: it is for the machine's own supervisor. A check that throws
 * counts as failed.
 */
export async function startHealthServer(port: number, checks: () => HealthChecks): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/healthz') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    let failing: string[];
    try {
      const result = checks();
      failing = (Object.keys(FAILING) as Array<keyof HealthChecks>).filter((k) => !result[k]).map((k) => FAILING[k]);
    } catch {
      failing = ['health check failed'];
    }
    const healthy = failing.length === 0;
    res
      .writeHead(healthy ? 200 : 503, { 'content-type': 'text/plain', 'cache-control': 'no-store' })
      .end(healthy ? 'ok\n' : `unavailable: ${failing.join(', ')}\n`);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return server;
}
