import type { Plugin } from 'vite';
import { createBackend, optionsFromEnv } from './app.js';
import type { BackendOptions } from './context.js';
import { nodeHandler } from './node-adapter.js';

/** Mounts the reference backend in Vite's dev server (the demo). Simulator mode without keys. */
export function stripeWidgetKitBackend(options: BackendOptions = optionsFromEnv()): Plugin {
  return {
    name: 'stripe-widget-kit-backend',
    configureServer(server) {
      // Vite's dev server is never where live traffic arrives: without a key it runs the simulator on purpose.
      const backend = createBackend({ simulator: !options.secretKey, ...options });
      const handler = nodeHandler(backend.handle);
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0] ?? '';
        if (path === backend.basePath || path.startsWith(`${backend.basePath}/`)) handler(req, res);
        else next();
      });
      server.httpServer?.once('listening', () => {
        server.config.logger.info(`  stripe-widget-kit backend: ${backend.mode} mode at ${backend.basePath}`);
      });
    },
  };
}
