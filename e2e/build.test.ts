import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { openLocalSite, servePages } from './support/local-site.js';
import { ensureBuilt } from './support/build.js';
import { createBackend } from '../server/app.js';
import { nodeHandler } from '../server/node-adapter.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string; exports: Record<string, string | { default?: string; types?: string }> };
const widgetTags = readdirSync('src').filter((name) => existsSync(`src/${name}/define.ts`));

describe('npm run build', () => {
  let browser: Browser;
  let origin = '';
  let close = async () => {};
  let sessionPosts = 0;
  const apiRequests: string[] = [];

  before(async () => {
    ensureBuilt();
    const files = new Map([
      ['/kit.js', readFileSync('dist/stripe-widget-kit.iife.js', 'utf8')],
      ['/page.html', '<!doctype html><html lang="en"><title>iife</title><script src="/kit.js"></script><script src="/kit.js"></script><body></body></html>'],
      ['/simulated-stripe-js.js', readFileSync('dist/simulated-stripe-js.js', 'utf8')],
      [
        // The README's script-tag order: the widgets first, configure({ fetch }) in a later script.
        '/configure-after.html',
        '<!doctype html><html lang="en"><title>configure after</title><script src="/kit.js"></script><body>' +
          '<climate-order-status endpoint="/api/climate/orders" order-id="climorder_sim_open"></climate-order-status>' +
          '<spt-token-status endpoint="/api/shared_payment/granted_tokens" token-id="spt_sim_active"></spt-token-status>' +
          '<payment-capture-status endpoint="/api/payment_intents" payment-intent-id="pi_sim_capture_settled"></payment-capture-status>' +
          '<capital-offer-card endpoint="/api/capital/financing_offers" offer-id="financingoffer_status_delivered"></capital-offer-card>' +
          '<script>StripeWidgetKit.configure({ fetch: (url, init) => fetch(url, { ...init, headers: { ...init.headers, Authorization: "Bearer page-token" } }) });</script>' +
          '</body></html>',
      ],
      [
        '/simulated-link.html',
        '<!doctype html><html lang="en"><title>simulated link</title><script src="/kit.js"></script><body>' +
          '<fc-link-account endpoint="/api/financial_connections/sessions" permissions="balances"></fc-link-account></body></html>',
      ],
      [
        '/link.html',
        '<!doctype html><html lang="en"><title>link</title><script src="/kit.js"></script><body>' +
          '<fc-link-account endpoint="/api/fc/sessions" publishable-key="pk_test_iife" permissions="balances"></fc-link-account></body></html>',
      ],
    ]);
    const simulator = nodeHandler(createBackend({}).handle);
    ({ origin, browser, close } = await openLocalSite((req, res) => {
      if (req.url?.startsWith('/api/') && req.url !== '/api/fc/sessions') {
        apiRequests.push(`${req.url} ${req.headers.authorization ?? '(none)'}`);
        return void simulator(req, res);
      }
      if (req.method === 'POST' && req.url === '/api/fc/sessions') {
        sessionPosts++;
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify({ client_secret: 'fcsess_iife_secret_abc' }));
        return;
      }
      servePages(files, req, res);
    }));
  });

  after(async () => {
    await close();
  });

  it('keeps the React wrappers a client component (Next.js App Router)', () => {
    assert.match(readFileSync('dist/react.js', 'utf8'), /^["']use client["'];/);
  });

  it('ships a manifest of public API: shipped paths, definitions, no private members or internal state', () => {
    type Member = { name: string; privacy?: string; static?: boolean };
    type Declaration = { name: string; tagName?: string; members?: Member[]; attributes?: { name: string }[] };
    const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as {
      modules: { path: string; declarations: Declaration[]; exports: { kind: string; name: string }[] }[];
    };
    for (const mod of manifest.modules) assert.ok(mod.path.startsWith('dist/') && existsSync(mod.path), `${mod.path} is not shipped`);
    const tags = manifest.modules.flatMap((m) => m.exports.filter((e) => e.kind === 'custom-element-definition').map((e) => e.name));
    assert.deepEqual(tags.sort(), [...widgetTags].sort());
    const declarations = manifest.modules.flatMap((m) => m.declarations);
    const hidden = declarations.flatMap((d) => (d.members ?? []).filter((m) => (m.privacy ?? 'public') !== 'public' || m.static || m.name.startsWith('#')).map((m) => `${d.name}.${m.name}`));
    assert.deepEqual(hidden, []);
    const fc = declarations.find((d) => d.tagName === 'fc-link-account');
    assert.ok(fc && !fc.attributes?.some((a) => a.name === 'phase'), 'phase is internal state, not an attribute');
  });

  it('writes every file package.json exports', () => {
    for (const [name, target] of Object.entries(pkg.exports)) {
      const paths = typeof target === 'string' ? [target] : [target.default, target.types].filter((path) => path !== undefined);
      assert.ok(paths.length > 0, `${name} names no file`);
      for (const path of paths) assert.ok(existsSync(path), `${name}: ${path} missing`);
    }
  });

  it("marks every built file that registers an element as having side effects, so bundlers keep it", () => {
    const patterns = (JSON.parse(readFileSync('package.json', 'utf8')) as { sideEffects: string[] }).sideEffects.map(
      (glob) => new RegExp(`^${glob.replace(/[.]/g, '\\.').replace(/\*/g, '[^/]*')}$`),
    );
    const files = (readdirSync('dist', { recursive: true }) as string[]).filter((f) => f.endsWith('.js') && !f.startsWith('server'));
    const registering = files.filter((f) => /\.define\("[a-z-]+"\)/.test(readFileSync(`dist/${f}`, 'utf8')));
    assert.ok(registering.length >= widgetTags.length, `found ${registering.join(', ')}`);
    for (const file of registering) assert.ok(patterns.some((p) => p.test(`./dist/${file}`)), `./dist/${file} is not in sideEffects`);
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

  it('the IIFE loads Stripe.js by its documented script tag only when the user starts linking', async () => {
    const page = await browser.newPage();
    const stripeRequests: string[] = [];
    // A local stand-in for js.stripe.com: the test never reaches the internet.
    await page.route('https://js.stripe.com/**', (route) => {
      stripeRequests.push(route.request().url());
      return route.fulfill({
        contentType: 'text/javascript',
        body: `window.Stripe = function (key, options) {
          window.__stripeArgs = [key, options === undefined ? null : options];
          return { collectFinancialConnectionsAccounts: async (o) => ({ financialConnectionsSession: { id: 'fcsess_iife',
            accounts: [{ id: 'fca_1', object: 'financial_connections.account', institution_name: 'Script Tag Bank',
              display_name: 'Everyday', category: 'cash', subcategory: 'checking', last4: '6789', status: 'active',
              secretSeen: o.clientSecret === 'fcsess_iife_secret_abc' }] } }) };
        };`,
      });
    });
    await page.addInitScript(() =>
      document.addEventListener('swk-linked', (e) => ((window as unknown as { __linked: unknown }).__linked = (e as CustomEvent).detail)),
    );
    await page.goto(`${origin}/link.html`);
    // Rendered and upgraded: an eager loader would have added its script tag by now.
    await page.locator('fc-link-account button').first().waitFor();
    assert.equal(await page.locator('script[src^="https://js.stripe.com"]').count(), 0, 'no Stripe.js script before the click');
    assert.deepEqual(stripeRequests, [], 'no request to Stripe before the click');
    await page.locator('fc-link-account button').first().click();
    const detail = (await (await page.waitForFunction(() => (window as unknown as { __linked?: unknown }).__linked)).jsonValue()) as {
      sessionId: string;
      accounts: { institution_name: string; secretSeen: boolean }[];
    };
    assert.equal(detail.sessionId, 'fcsess_iife');
    assert.equal(detail.accounts[0]!.secretSeen, true);
    assert.deepEqual(stripeRequests, ['https://js.stripe.com/endive/stripe.js']);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __stripeArgs: unknown }).__stripeArgs), ['pk_test_iife', null]);
    await page.locator('fc-link-account').getByText('Script Tag Bank').waitFor();
    assert.equal(sessionPosts, 1);
    await page.close();
  });

  it('keeps the simulated Stripe.js out of every entry\'s first load and out of the IIFE (a lazy file of its own)', () => {
    const marker = 'The simulated bank failed';
    assert.ok(readFileSync('dist/simulated-stripe-js.js', 'utf8').includes(marker), 'the marker names the simulated module');
    /** An ES file and every file it imports statically, the way a browser loads it before any click. */
    const firstLoad = (file: string, seen = new Set<string>()): Set<string> => {
      if (seen.has(file)) return seen;
      seen.add(file);
      const code = readFileSync(file, 'utf8');
      for (const [, path] of code.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;'"]*?from\s*["'](\.[^"']+)["']|(?:^|\n)\s*import\s*["'](\.[^"']+)["']/g)) {
        if (path) firstLoad(join(dirname(file), path), seen);
      }
      return seen;
    };
    // The test kit (stripe-widget-kit/testing) exports the simulated Stripe.js itself; no widget imports it.
    const testKit = ['testing.js', 'testing-arbitraries.js'];
    const entries = readdirSync('dist').filter((f) => f.endsWith('.js') && f !== 'simulated-stripe-js.js' && f !== 'stripe-widget-kit.iife.js' && !testKit.includes(f));
    assert.ok(entries.includes('fc-link-account.js') && entries.includes('index.js'));
    for (const entry of entries) {
      const files = [...firstLoad(join('dist', entry))];
      const carrying = files.filter((f) => readFileSync(f, 'utf8').includes(marker));
      assert.deepEqual(carrying, [], `${entry} loads the simulated Stripe.js up front`);
    }
    // Nor does any of them reach the test kit: its own build pass leaves the widgets' chunks alone.
    for (const entry of entries) {
      const kit = [...firstLoad(join('dist', entry))].filter((f) => readFileSync(f, 'utf8').includes('SimulatorControlError'));
      assert.deepEqual(kit, [], `${entry} loads the test kit`);
    }
    const fcFiles = [...firstLoad('dist/fc-link-account.js')].map((f) => readFileSync(f, 'utf8')).join('\n');
    assert.match(fcFiles, /import\(["']\.\.\/simulated-stripe-js\.js["']\)/, 'the widget reaches it only through a dynamic import');
    assert.ok(!readFileSync('dist/stripe-widget-kit.iife.js', 'utf8').includes(marker), 'the IIFE carries the simulated Stripe.js');
  });

  it('the IIFE links against the simulator with the simulated Stripe.js from beside it: no key, nothing from Stripe', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname + (request.url().startsWith(origin) ? '' : ` (${new URL(request.url()).host})`)));
    await page.goto(`${origin}/simulated-link.html`);
    await page.locator('fc-link-account button').first().click();
    await page.locator('fc-link-account').getByText('High Yield Savings').waitFor();
    assert.ok(await page.locator('fc-link-account').getByText('Premium Checking').isVisible());
    assert.deepEqual(requests, [
      '/simulated-link.html',
      '/kit.js',
      '/api/financial_connections/sessions',
      '/simulated-stripe-js.js',
      '/api/simulator/financial_connections/sessions/complete',
    ]);
    await page.close();
  });

  it('applies configure() from a script after the markup to every widget\'s first request', async () => {
    const page = await browser.newPage();
    apiRequests.length = 0;
    await page.goto(`${origin}/configure-after.html`);
    for (const tag of ['climate-order-status', 'spt-token-status', 'payment-capture-status', 'capital-offer-card']) {
      await page.locator(`${tag} [part="base"]`).first().waitFor();
      await page.waitForFunction((t) => !document.querySelector(t)?.shadowRoot?.textContent?.includes('Loading'), tag);
    }
    assert.deepEqual(apiRequests.sort(), [
      '/api/capital/financing_offers/financingoffer_status_delivered Bearer page-token',
      '/api/climate/orders/climorder_sim_open Bearer page-token',
      '/api/payment_intents/pi_sim_capture_settled Bearer page-token',
      '/api/shared_payment/granted_tokens/spt_sim_active Bearer page-token',
    ]);
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
