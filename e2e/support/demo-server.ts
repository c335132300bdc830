import { createServer, type ViteDevServer } from 'vite';
import type { AddressInfo } from 'node:net';

/** Starts `npm run demo`'s server (simulator mode: no keys) on a free loopback port. */
export async function startDemoServer(): Promise<{ url: string; server: ViteDevServer }> {
  delete process.env.STRIPE_SECRET_KEY;
  const server = await createServer({
    configFile: 'vite.config.ts',
    mode: 'development',
    logLevel: 'error',
    server: { port: 0, host: '127.0.0.1', hmr: false },
  });
  await server.listen();
  const address = server.httpServer!.address() as AddressInfo;
  return { url: `http://127.0.0.1:${address.port}`, server };
}
