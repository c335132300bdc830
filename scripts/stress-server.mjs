// One backend instance for `npm run stress` (forked with tsx and --expose-gc): simulator mode, the given
// webhook secret, REDIS_URL when set. Answers `/__stress/memory` (after a GC with `?gc=1`) besides the API.
import { createServer } from 'node:http';
import { createBackend } from '../server/app.ts';
import { nodeHandler } from '../server/node-adapter.ts';

const backend = createBackend({
  webhookSecret: process.env.STRESS_WEBHOOK_SECRET,
  ...(process.env.REDIS_URL && { redisUrl: process.env.REDIS_URL }),
});
await backend.eventStore.ready;
const handle = nodeHandler(backend.handle);
const server = createServer((req, res) => {
  if (req.url?.startsWith('/__stress/memory')) {
    if (req.url.includes('gc=1')) globalThis.gc?.();
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ ...process.memoryUsage(), streams: backend.hub.size }));
    return;
  }
  handle(req, res);
});
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
process.on('message', async (message) => {
  if (message === 'stop') {
    server.closeAllConnections();
    server.close();
    await backend.close();
    process.exit(0);
  }
});
