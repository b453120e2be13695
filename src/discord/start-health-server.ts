import http from 'node:http';

/**
 * `GET /healthz` on 127.0.0.1:`port` for service managers: 200 while the bot is connected and accepting
 * interactions, 503 otherwise. Loopback only: it is for the machine's own supervisor.
 */
export async function startHealthServer(port: number, isHealthy: () => boolean): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/healthz') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    const healthy = isHealthy();
    res.writeHead(healthy ? 200 : 503, { 'content-type': 'text/plain' }).end(healthy ? 'ok\n' : 'unavailable\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return server;
}
