import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { createBackend, nodeHandler } from '../server/index.js';
import { openLocalSite, servePages } from './support/local-site.js';
import { ensureBuilt } from './support/build.js';

// React 18 through the npm aliases react-18 / react-dom-18; esbuild's alias also covers react-dom's
// own `import 'react'`, so each page runs one React.
/** What the page's handlers recorded (e2e/react-app/app.tsx). */
interface Seen {
  type: string;
  previousOfferId?: string;
  offerId?: string;
  id?: string | null;
}

const REACT_ALIASES = { 18: { react: 'react-18', 'react-dom': 'react-dom-18' }, 19: {} } as const;

async function bundle(entry: string, version: 18 | 19, platform: 'browser' | 'node', outfile?: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform,
    jsx: 'automatic',
    alias: REACT_ALIASES[version],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
    // react-dom/server's CommonJS requires Node built-ins.
    ...(platform === 'node' && { banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" } }),
    ...(outfile ? { outfile } : { write: false }),
  });
  return outfile ?? result.outputFiles?.[0]?.text ?? '';
}

describe('stripe-widget-kit/react, server-rendered then hydrated (Next.js-style)', () => {
  let browser: Browser;
  let origin = '';
  let close = async () => {};
  const pages = new Map<string, string>();
  const apiRequests: { url: string; fetcher: string | undefined }[] = [];

  before(async () => {
    ensureBuilt();
    const work = mkdtempSync(join(tmpdir(), 'swk-react-'));
    for (const version of [18, 19] as const) {
      const serverBundle = await bundle('e2e/react-app/server.tsx', version, 'node', join(work, `server-${version}.mjs`));
      const { renderApp } = (await import(pathToFileURL(resolve(serverBundle)).href)) as { renderApp: () => string };
      pages.set(`/react-${version}.js`, await bundle('e2e/react-app/client.tsx', version, 'browser'));
      pages.set(
        `/react-${version}.html`,
        `<!doctype html><html lang="en"><title>React ${version}</title><div id="root">${renderApp()}</div><script type="module" src="/react-${version}.js"></script></html>`,
      );
    }
    const backend = createBackend({});
    const api = nodeHandler(backend.handle);
    ({ origin, browser, close } = await openLocalSite((req, res) => {
      if (req.url?.startsWith('/api/')) {
        const fetcher = req.headers['x-swk-fetcher'];
        apiRequests.push({ url: req.url, fetcher: Array.isArray(fetcher) ? fetcher[0] : fetcher });
        api(req, res);
        return;
      }
      servePages(pages, req, res);
    }));
  });

  after(async () => {
    await close();
  });

  for (const version of [18, 19] as const) {
    it(`React ${version}: handlers get their typed detail and the fetcher makes the requests`, async () => {
      apiRequests.length = 0;
      assert.match(pages.get(`/react-${version}.html`) ?? '', /<capital-offer-card[^>]* defer-hydration=""/, 'the server renders defer-hydration');
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      // Every swk-error from the very start, before hydration sets the props (Next.js showed a config error there).
      await page.addInitScript(() =>
        document.addEventListener('swk-error', (e) => ((globalThis as { swkErrors?: unknown[] }).swkErrors ??= []).push((e as CustomEvent).detail), true),
      );
      await page.goto(`${origin}/react-${version}.html`);
      await page.waitForFunction(() => (globalThis as { swkSeen?: Seen[] }).swkSeen?.some((s) => s.type === 'swk-offer-replaced'));
      const { seen, reactVersion } = await page.evaluate(() => {
        const g = globalThis as { swkSeen?: Seen[]; reactVersion?: string };
        return { seen: g.swkSeen ?? [], reactVersion: g.reactVersion };
      });
      assert.equal(reactVersion?.split('.')[0], String(version));
      assert.deepEqual(
        seen.find((s) => s.type === 'swk-offer-replaced'),
        { type: 'swk-offer-replaced', previousOfferId: 'financingoffer_abc123', offerId: 'financingoffer_xyz456' },
      );
      await page.waitForFunction(() => (globalThis as { swkSeen?: Seen[] }).swkSeen?.some((s) => s.type === 'swk-load'));
      const loads = await page.evaluate(() => ((globalThis as { swkSeen?: Seen[] }).swkSeen ?? []).filter((s) => s.type === 'swk-load'));
      assert.deepEqual(loads.at(-1), { type: 'swk-load', id: 'financingoffer_xyz456' });
      assert.ok(apiRequests.some((r) => r.url.includes('financingoffer_abc123')), 'the offer was requested');
      assert.deepEqual(apiRequests.filter((r) => r.fetcher !== 'react-app'), [], 'every request went through the fetcher');
      assert.deepEqual(errors, []);
      assert.deepEqual(await page.evaluate(() => (globalThis as { swkErrors?: unknown[] }).swkErrors ?? []), [], 'no swk-error (e.g. config) at any time');
      assert.equal(await page.locator('capital-offer-card[defer-hydration]').count(), 0, 'hydration removed defer-hydration');
      await page.close();
    });
  }
});
