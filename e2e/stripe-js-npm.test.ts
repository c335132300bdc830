import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, normalize, resolve, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { openLocalSite } from './support/local-site.js';
import { ensureBuilt } from './support/build.js';

// The npm build keeps @stripe/stripe-js: dist/fc-link-account.js imports `@stripe/stripe-js/pure`, whose
// loadStripe injects Stripe's <script src="https://js.stripe.com/<release>/stripe.js">. The unit tests
// hand the widget a Stripe object; this file runs the real package's injection in Chromium, against a
// local stand-in for js.stripe.com that can fail.

const ROOT = resolve(import.meta.dirname, '..');
const SECRET = 'fcsess_npm_secret_abc';
/** Served from node_modules: lit and zod (external in the ES build) and @stripe/stripe-js. */
const MODULE_PREFIXES = ['lit/', 'lit-html/', 'lit-element/', '@lit/reactive-element/', 'zod/', '@stripe/stripe-js/'];

const PAGE = `<!doctype html><html lang="en"><head><title>npm build</title>
<script type="importmap">{ "imports": {
  "lit": "/node_modules/lit/index.js", "lit/": "/node_modules/lit/",
  "lit-html": "/node_modules/lit-html/lit-html.js", "lit-html/": "/node_modules/lit-html/",
  "lit-element/": "/node_modules/lit-element/",
  "@lit/reactive-element": "/node_modules/@lit/reactive-element/reactive-element.js", "@lit/reactive-element/": "/node_modules/@lit/reactive-element/",
  "zod/mini": "/node_modules/zod/mini/index.js",
  "@stripe/stripe-js/pure": "/node_modules/@stripe/stripe-js/dist/pure.mjs"
} }</script>
<script type="module" src="/dist/fc-link-account.js"></script></head>
<body><fc-link-account endpoint="/api/fc/sessions" publishable-key="pk_test_npm" permissions="balances"></fc-link-account></body></html>`;

/** What js.stripe.com answers when it answers: a Stripe.js of the release train the package expects. */
const FAKE_STRIPE_JS = `window.Stripe = function (key, options) {
  window.__stripeArgs = [key, options === undefined ? null : options];
  return { collectFinancialConnectionsAccounts: async (o) => ({ financialConnectionsSession: { id: 'fcsess_npm',
    accounts: [{ id: 'fca_1', object: 'financial_connections.account', institution_name: 'Npm Build Bank',
      display_name: 'Everyday', category: 'cash', subcategory: 'checking', last4: '6789', status: 'active',
      secretSeen: o.clientSecret === '${SECRET}' }] } }) };
};
window.Stripe.version = 'endive';`;

function within(base: string, path: string): string | undefined {
  const full = normalize(join(base, path));
  return full.startsWith(base + sep) ? full : undefined;
}

describe('npm build: dist/fc-link-account.js loads Stripe.js through @stripe/stripe-js', () => {
  let browser: Browser;
  let origin = '';
  let close = async () => {};
  let sessionPosts = 0;

  before(async () => {
    ensureBuilt();
    ({ origin, browser, close } = await openLocalSite((req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (req.method === 'POST' && path === '/api/fc/sessions') {
        sessionPosts++;
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify({ client_secret: SECRET }));
        return;
      }
      if (path === '/page.html') {
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.end(PAGE);
        return;
      }
      const modules = path.startsWith('/node_modules/') ? path.slice('/node_modules/'.length) : undefined;
      const file =
        modules !== undefined
          ? MODULE_PREFIXES.some((p) => modules.startsWith(p))
            ? within(join(ROOT, 'node_modules'), modules)
            : undefined
          : path.startsWith('/dist/')
            ? within(join(ROOT, 'dist'), path.slice('/dist/'.length))
            : undefined;
      readFile(file ?? '')
        .then((body) => {
          res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
          res.end(body);
        })
        .catch(() => {
          res.statusCode = 404;
          res.end('not found');
        });
    }));
  });

  after(async () => {
    await close();
  });

  /** A page whose js.stripe.com fails the first `failures` requests, then serves the fake Stripe.js. */
  async function openPage(failures: number): Promise<{ page: Page; stripeRequests: string[]; errors: string[] }> {
    const page = await browser.newPage();
    const stripeRequests: string[] = [];
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route('https://js.stripe.com/**', (route) => {
      stripeRequests.push(route.request().url());
      if (stripeRequests.length <= failures) return route.abort('failed');
      return route.fulfill({ contentType: 'text/javascript', body: FAKE_STRIPE_JS });
    });
    await page.addInitScript(() =>
      document.addEventListener('swk-linked', (e) => ((window as unknown as { __linked: unknown }).__linked = (e as CustomEvent).detail)),
    );
    await page.goto(`${origin}/page.html`);
    // Rendered and upgraded: an eager loader would have injected its script tag by now.
    await page.locator('fc-link-account button').first().waitFor();
    return { page, stripeRequests, errors };
  }

  const stripeScripts = (page: Page) =>
    page.evaluate(() => [...document.querySelectorAll<HTMLScriptElement>('script[src^="https://js.stripe.com"]')].map((s) => s.src));

  const linked = async (page: Page) =>
    (await (await page.waitForFunction(() => (window as unknown as { __linked?: unknown }).__linked)).jsonValue()) as {
      sessionId: string;
      accounts: { institution_name: string; secretSeen: boolean }[];
    };

  it("injects Stripe's script tag only when the user starts linking, and links with it", async () => {
    sessionPosts = 0;
    const { page, stripeRequests, errors } = await openPage(0);
    assert.deepEqual(await stripeScripts(page), [], 'no Stripe.js before the click');
    assert.deepEqual(stripeRequests, []);
    await page.locator('fc-link-account button').first().click();
    const detail = await linked(page);
    assert.equal(detail.sessionId, 'fcsess_npm');
    assert.equal(detail.accounts[0]!.secretSeen, true);
    assert.deepEqual(stripeRequests, ['https://js.stripe.com/endive/stripe.js']);
    assert.deepEqual(await stripeScripts(page), ['https://js.stripe.com/endive/stripe.js'], "@stripe/stripe-js's own script tag");
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __stripeArgs: unknown }).__stripeArgs), ['pk_test_npm', null]);
    await page.locator('fc-link-account').getByText('Npm Build Bank').waitFor();
    assert.equal(sessionPosts, 1);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('shows an error with Retry when Stripe.js fails to load, and Retry loads it again', async () => {
    sessionPosts = 0;
    // @stripe/stripe-js tries twice per load: both attempts of the first click fail.
    const { page, stripeRequests, errors } = await openPage(2);
    await page.locator('fc-link-account button').first().click();
    const alert = page.locator('fc-link-account [role="alert"]');
    await alert.waitFor();
    assert.match(await alert.innerText(), /Stripe could not be loaded\./);
    assert.deepEqual(stripeRequests, ['https://js.stripe.com/endive/stripe.js', 'https://js.stripe.com/endive/stripe.js']);
    assert.equal(await page.evaluate(() => typeof (window as unknown as { Stripe?: unknown }).Stripe), 'undefined');

    await page.locator('fc-link-account [part="retry-button"]').click();
    const detail = await linked(page);
    assert.equal(detail.sessionId, 'fcsess_npm');
    assert.equal(stripeRequests.length, 3, 'the retry loaded Stripe.js again');
    assert.deepEqual(await stripeScripts(page), ['https://js.stripe.com/endive/stripe.js'], 'one script tag, not one per attempt');
    await page.locator('fc-link-account').getByText('Npm Build Bank').waitFor();
    assert.equal(await page.locator('fc-link-account [role="alert"]').count(), 0);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
