import { readFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { createBackend, type Backend } from '../../server/app.js';
import { nodeHandler } from '../../server/node-adapter.js';

// Serves the pages that show how a site uses the BUILT kit (demo/script-tag.html, csp.html, esm.html)
// the way a site would: the page, the files of dist/ next to it, lit and zod from node_modules for the
// import map, and /api/* from the reference backend (simulator mode). No Vite, no build of the page.

const ROOT = resolve(import.meta.dirname, '../..');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
};
/** The pages and their own files, from demo/. */
const PAGE_FILES = new Set(['script-tag.html', 'csp.html', 'csp.js', 'esm.html', 'demo.css']);
/** Only lit's and zod's packages are served from node_modules (the ES entries keep them external). */
const MODULE_PREFIXES = ['lit/', 'lit-html/', 'lit-element/', '@lit/reactive-element/', 'zod/'];

export interface KitPagesServer {
  origin: string;
  backend: Backend;
  /** A fresh simulator backend (seeded state again) for the next page. */
  resetBackend(): void;
  /** Every path requested, in order. */
  requested: string[];
  close(): Promise<void>;
}

/** The header demo/csp.html is served with. */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'";

function within(base: string, path: string): string | undefined {
  const full = normalize(join(base, path));
  return full.startsWith(base + sep) ? full : undefined;
}

async function sendFile(res: ServerResponse, file: string | undefined, headers: Record<string, string> = {}): Promise<void> {
  try {
    if (!file) throw new Error('outside');
    const body = await readFile(file);
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store', ...headers });
    res.end(body);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  }
}

/** Starts the server on a free loopback port; a fresh simulator backend each time. */
export async function startKitPagesServer(): Promise<KitPagesServer> {
  delete process.env.STRIPE_SECRET_KEY;
  let backend = createBackend({});
  let api = nodeHandler(backend.handle);
  const requested: string[] = [];
  const dist = join(ROOT, 'dist');
  const demo = join(ROOT, 'demo');
  const modules = join(ROOT, 'node_modules');

  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requested.push(path);
    if (path === backend.basePath || path.startsWith(`${backend.basePath}/`)) return api(req, res);
    if (path.startsWith('/node_modules/')) {
      const rest = path.slice('/node_modules/'.length);
      return void sendFile(res, MODULE_PREFIXES.some((p) => rest.startsWith(p)) ? within(modules, rest) : undefined);
    }
    const name = path.slice(1);
    if (PAGE_FILES.has(name)) return void sendFile(res, within(demo, name), name === 'csp.html' ? { 'Content-Security-Policy': STRICT_CSP } : {});
    return void sendFile(res, within(dist, name));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    get backend() {
      return backend;
    },
    resetBackend() {
      backend = createBackend({});
      api = nodeHandler(backend.handle);
    },
    requested,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
