import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { backendErrorResponse, SECURITY_HEADERS } from './http.js';
import { hostAllowed } from './request-checks.js';

type FetchHandler = (request: Request) => Promise<Response>;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Where the kit's own script-tag files are served, so a page needs no CDN: `/stripe-widget-kit/stripe-widget-kit.iife.js`. */
export const KIT_FILES_PATH = '/stripe-widget-kit/';
/** The browser files of the installed package a plain page can load (the IIFE imports the second from beside itself). */
const KIT_FILES = ['stripe-widget-kit.iife.js', 'simulated-stripe-js.js'];

/** The package's dist/ folder, found through its own package.json (the CLI may be bundled anywhere below it). */
function kitDist(): string | undefined {
  try {
    return join(dirname(createRequire(import.meta.url).resolve('stripe-widget-kit/package.json')), 'dist');
  } catch {
    return undefined;
  }
}

async function fileResponse(path: string, head: boolean): Promise<Response | undefined> {
  let file = path;
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    const headers = { 'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', ...SECURITY_HEADERS };
    return new Response(head ? null : body, { status: 200, headers });
  } catch {
    return undefined;
  }
}

/** `pathname` as a file below `root`, or `undefined` when it would leave it (`..`, encoded or not) or is not a path. */
function fileBelow(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.split(/[\\/]/).includes('..')) return undefined;
  const path = resolve(root, `.${decoded}`);
  return path === root || path.startsWith(root + sep) ? path : undefined;
}

/**
 * `npx stripe-widget-kit-backend --static <dir>`: the backend at its `basePath`, and every other GET or
 * HEAD from `dir` (a folder's `index.html` for a folder), on the same origin, so a plain HTML page needs
 * no CORS. Also serves the kit's script-tag files under `/stripe-widget-kit/`. Same Host rule as the
 * backend; nothing outside `dir` is ever read.
 */
export function withStaticFiles(handle: FetchHandler, options: { basePath: string; dir: string; allowedHosts?: readonly string[] }): FetchHandler {
  const root = resolve(options.dir);
  const dist = kitDist();
  return async (request) => {
    const url = new URL(request.url);
    const path = url.pathname;
    if (path === options.basePath || path.startsWith(`${options.basePath}/`)) return handle(request);
    if (!hostAllowed(url, options.allowedHosts)) return backendErrorResponse(421, 'Unknown host');
    if (request.method !== 'GET' && request.method !== 'HEAD') return backendErrorResponse(405, 'Method not allowed', { Allow: 'GET, HEAD' });
    const head = request.method === 'HEAD';
    const kitFile = path.startsWith(KIT_FILES_PATH) ? path.slice(KIT_FILES_PATH.length) : undefined;
    if (kitFile !== undefined && dist && KIT_FILES.includes(kitFile)) {
      const response = await fileResponse(join(dist, kitFile), head);
      if (response) return response;
    }
    const file = fileBelow(root, path);
    return (file === undefined ? undefined : await fileResponse(file, head)) ?? backendErrorResponse(404, 'Not found');
  };
}
