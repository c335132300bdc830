import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.js';

export interface LocalSite {
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Serves `handle` on a free loopback port and launches Chromium: the set-up of the e2e files that load built files. */
export async function openLocalSite(handle: RequestListener): Promise<LocalSite> {
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  return {
    origin,
    browser,
    async close() {
      await browser.close();
      server.close();
    },
  };
}

/** Answers from an in-memory map of pages by URL (`.js` as JavaScript, the rest as HTML), 404 for anything else. */
export function servePages(pages: Map<string, string>, req: IncomingMessage, res: ServerResponse): void {
  const body = pages.get(req.url ?? '');
  res.statusCode = body ? 200 : 404;
  res.setHeader('Content-Type', req.url?.endsWith('.js') ? 'text/javascript' : 'text/html');
  res.end(body ?? '');
}
