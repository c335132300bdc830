// One backend instance for `npm run stress` (forked with tsx and --expose-gc): simulator mode, the given
// webhook secret, REDIS_URL when set. Answers `/__stress/memory` (after a GC with `?gc=1`) besides the API.
import { createBackend } from '../server/app.ts';
import { createNodeServer } from '../server/node-adapter.ts';

const backend = createBackend({
  webhookSecret: process.env.STRESS_WEBHOOK_SECRET,
  ...(process.env.REDIS_URL && { redisUrl: process.env.REDIS_URL }),
});
// The Redis store resolves `ready` once its reader knows where the stream ends; the memory store has none.
await backend.eventStore.ready;
// The CLI's server (malformed requests answered in JSON), with one extra route for the memory probe.
const server = createNodeServer(async (request) => {
  const url = new URL(request.url);
  if (url.pathname !== '/__stress/memory') return backend.handle(request);
  if (url.searchParams.get('gc') === '1') globalThis.gc?.();
  return Response.json({ ...process.memoryUsage(), streams: backend.hub.size });
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
