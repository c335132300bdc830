import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string; exports: Record<string, string | { default: string; types: string }> };
const widgetTags = readdirSync('src').filter((name) => existsSync(`src/${name}/define.ts`));

describe('npm run build', () => {
  let browser: Browser;
  let origin = '';
  let close = () => {};

  before(async () => {
    execFileSync('node', ['scripts/build.mjs'], { stdio: 'pipe' });
    const files = new Map([
      ['/kit.js', readFileSync('dist/stripe-widget-kit.iife.js', 'utf8')],
      ['/page.html', '<!doctype html><html lang="en"><title>iife</title><script src="/kit.js"></script><script src="/kit.js"></script><body></body></html>'],
    ]);
    const server = createServer((req, res) => {
      const body = files.get(req.url ?? '');
      res.statusCode = body ? 200 : 404;
      res.setHeader('Content-Type', req.url?.endsWith('.js') ? 'text/javascript' : 'text/html');
      res.end(body ?? '');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    close();
  });

  it('writes every file package.json exports', () => {
    for (const [name, target] of Object.entries(pkg.exports)) {
      const paths = typeof target === 'string' ? [target] : [target.default, target.types];
      for (const path of paths) assert.ok(existsSync(path), `${name}: ${path} missing`);
    }
  });

  it('writes one ES entry per widget', () => {
    for (const tag of widgetTags) assert.ok(existsSync(`dist/${tag}.js`), `dist/${tag}.js missing`);
  });

  it('the IIFE, loaded twice by plain script tags, sets window.StripeWidgetKit without errors', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${origin}/page.html`);
    const kit = await page.evaluate(() => {
      const k = (window as unknown as { StripeWidgetKit?: Record<string, unknown> }).StripeWidgetKit;
      return k ? { version: k.version, configure: typeof k.configure } : undefined;
    });
    assert.deepEqual(kit, { version: pkg.version, configure: 'function' });
    const defined = await page.evaluate((tags) => tags.filter((t) => customElements.get(t) !== undefined), widgetTags);
    assert.deepEqual(defined, widgetTags);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('the browser entries import in Node (no window or document at module top level)', async () => {
    const entries = ['dist/index.js', 'dist/schemas.js', ...widgetTags.map((t) => `dist/${t}.js`)];
    for (const entry of entries) {
      const output = execFileSync('node', ['--input-type=module', '-e', `await import(${JSON.stringify(`./${entry}`)}); console.log('ok')`], { encoding: 'utf8' });
      assert.equal(output.trim(), 'ok', entry);
    }
  });

  it('the server entry runs in Node and answers in simulator mode', async () => {
    const output = execFileSync(
      'node',
      ['--input-type=module', '-e', "const { createBackend } = await import('./dist/server/index.js'); const b = createBackend({}); const r = await b.handle(new Request('http://x/api/mode')); console.log(JSON.stringify(await r.json()))"],
      { encoding: 'utf8', env: { ...process.env, STRIPE_SECRET_KEY: '' } },
    );
    assert.equal(output.trim(), '{"mode":"simulator"}');
  });
});
