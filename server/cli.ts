import { createServer } from 'node:http';
import { createBackend, optionsFromEnv } from './app.js';
import { nodeHandler } from './node-adapter.js';

/** Runs the reference backend alone: `PORT=8787 npm run serve`. */
const backend = createBackend(optionsFromEnv());
const port = Number(process.env.PORT ?? 8787);
createServer(nodeHandler(backend.handle)).listen(port, '127.0.0.1', () => {
  console.log(`stripe-widget-kit backend (${backend.mode} mode) on http://127.0.0.1:${port}${backend.basePath}`);
  if (backend.mode === 'stripe') console.warn('No authorize hook: any object id in the account is answered. For local trials only.');
});
