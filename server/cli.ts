#!/usr/bin/env node
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createBackend, optionsFromEnv } from './app.js';
import type { BackendOptions } from './context.js';
import { createNodeServer } from './node-adapter.js';
import { simulatorRefusal } from './simulator-guard.js';
import { withStaticFiles } from './static-files.js';

const USAGE = `Usage: stripe-widget-kit-backend [--config <module>] [--port <n>] [--host <address>] [--static <dir>] [--insecure-no-authorize] [--simulator]

Runs the reference backend: the offline simulator without STRIPE_SECRET_KEY, Stripe mode with it.
  --config <module>          A .js/.mjs module (a .ts one under tsx) exporting the backend options as
                             its default export or as \`options\`: authorize, resolveCustomer,
                             resolveStripeAccount, allowedHosts, allowedOrigins, ... Environment
                             variables fill in what it leaves out (STRIPE_SECRET_KEY, ...).
  --port <n>                 Default $PORT or 8787 (0: any free port).
  --host <address>           Address to listen on. Default 127.0.0.1.
  --static <dir>             Also serve the pages in <dir> on the same origin (no CORS needed), and the
                             kit's script-tag file at /stripe-widget-kit/stripe-widget-kit.iife.js
                             (with the files it loads on demand from beside itself).
  --insecure-no-authorize    Run Stripe mode without an authorize rule: any user reads and cancels any
                             order. Only for trying test keys alone on your machine.
  --simulator                Run the offline simulator on purpose (also SWK_SIMULATOR=1): without a
                             key it refuses to start under NODE_ENV=production or with --config.
Answers only the Host names localhost, 127.0.0.1, [::1] and the config's allowedHosts.`;

/** The CLI's own host names, always answered (DNS rebinding: other names are refused). */
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

async function loadConfig(path: string): Promise<BackendOptions> {
  const loaded = (await import(pathToFileURL(resolve(path)).href)) as { default?: unknown; options?: unknown };
  const exported = loaded.default ?? loaded.options;
  const options = typeof exported === 'function' ? await (exported as () => unknown)() : exported;
  if (typeof options !== 'object' || options === null) throw new Error(`${path} must export the backend options (default export or \`options\`)`);
  return options as BackendOptions;
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      config: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      static: { type: 'string' },
      'insecure-no-authorize': { type: 'boolean' },
      simulator: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port ?? process.env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error('--port must be a port number');
  const configured = values.config ? await loadConfig(values.config) : {};
  const options: BackendOptions = {
    ...optionsFromEnv(),
    ...configured,
    allowedHosts: [...LOOPBACK_HOSTS, ...(configured.allowedHosts ?? [])],
    ...(values['insecure-no-authorize'] && { allowNoAuthorize: true }),
    ...(values.simulator && { simulator: true }),
  };
  // A site's --config without a key is a deployment that lost it, not a demo.
  const refusal = simulatorRefusal(options, { site: values.config !== undefined });
  if (refusal) throw new Error(refusal);
  if (options.secretKey && !options.authorize && !options.allowNoAuthorize) {
    throw new Error(
      'Stripe mode needs an `authorize` rule (may this user see this object?): export it from a --config module, ' +
        'or pass --insecure-no-authorize to try test keys alone on your machine.',
    );
  }
  const backend = createBackend(options);
  const dir = values.static;
  const handle = dir ? withStaticFiles(backend.handle, { basePath: backend.basePath, dir, allowedHosts: options.allowedHosts }) : backend.handle;
  const server = createNodeServer(handle, options.server);
  await new Promise<void>((ready, fail) => server.once('error', fail).listen(port, values.host ?? '127.0.0.1', ready));
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  console.log(`stripe-widget-kit backend (${backend.mode} mode) on http://${host}:${address.port}${backend.basePath}`);
  if (dir) console.log(`pages from ${dir} on http://${host}:${address.port}/`);
  if (backend.mode === 'stripe' && !options.authorize) console.warn('No authorize rule (--insecure-no-authorize): any object id in the account is answered. For local trials only.');
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`stripe-widget-kit: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
