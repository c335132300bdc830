import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { assertNoAxeViolations } from './support/axe.js';
import { ensureBuilt } from './support/build.js';
import { assertCleanRun, objectId, openPage, recordedEvents, screenshot, useBrowser, waitForEvent } from './support/demo-page.js';
import { startKitPagesServer, STRICT_CSP, type KitPagesServer } from './support/kit-pages-server.js';

// The pages that prove how a site uses the kit, against the BUILT files (node scripts/build.mjs):
// demo/script-tag.html (one script tag), demo/csp.html (strict CSP), demo/esm.html (one ES entry).

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const TAGS = ['capital-offer-card', 'fc-link-account', 'climate-order-status', 'climate-order-form', 'spt-token-status', 'payment-capture-status'];
const EVENTS = ['swk-load', 'swk-error', 'swk-linked', 'swk-empty', 'swk-order-canceled', 'swk-order-created', 'swk-offer-action', 'swk-offer-replaced', 'swk-capture-settled'];
/** The widgets that load an object on their own, and the seeded object each page shows. */
const LOADED: [tag: string, id: string][] = [
  ['capital-offer-card', 'financingoffer_live_demo'],
  ['climate-order-status', 'climorder_sim_open'],
  ['spt-token-status', 'spt_sim_active'],
  ['payment-capture-status', 'pi_sim_capture_pending_connect'],
];

describe('pages that use the built kit', () => {
  let server: KitPagesServer;

  before(async () => {
    ensureBuilt();
    server = await startKitPagesServer();
  });
  const browser = useBrowser();
  after(async () => {
    await server?.close();
  });

  async function open(path: string, beforeGoto?: (page: Page) => Promise<unknown>) {
    server.resetBackend();
    server.requested.length = 0;
    const v = await openPage(browser(), `${server.origin}${path}`, { events: EVENTS, beforeGoto });
    assert.equal(v.response.status(), 200);
    return v;
  }

  /** Waits for `tag` to fire `type` (about `id`, when given). */
  const fired = (page: Page, type: string, tag: string, id?: string) =>
    waitForEvent(page, type, 0, (e) => e.tag === tag && (id === undefined || objectId(e) === id), 10_000);

  const assertNoErrorEvents = async (page: Page) => assert.deepEqual(await recordedEvents(page, 'swk-error'), [], 'no swk-error');

  const simulator = async (path: string, body: unknown = {}) => {
    const response = await fetch(`${server.origin}/api/simulator/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    assert.equal(response.status, 200, `simulator ${path}`);
    return response.json() as Promise<Record<string, unknown>>;
  };

  async function waitForAllLoaded(page: Page): Promise<void> {
    for (const [tag, id] of LOADED) await fired(page, 'swk-load', tag, id);
    await page.locator('fc-link-account [part=button]').waitFor();
    await fired(page, 'swk-load', 'climate-order-form');
  }

  it('script-tag.html: one <script> of the built IIFE and the six tags, nothing else, renders every widget', async () => {
    const html = readFileSync('demo/script-tag.html', 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.deepEqual(scripts.map((m) => [m[1]!.trim(), m[2]!.trim()]), [['src="./stripe-widget-kit.iife.js"', '']], 'exactly one script: the IIFE');
    assert.doesNotMatch(html, /<link\b|<style\b|type="module"|importmap/);
    assert.deepEqual([...html.matchAll(/<([a-z]+-[a-z-]+)\b/g)].map((m) => m[1]), TAGS, 'the six tags, in the page itself');

    const v = await open('/script-tag.html');
    await waitForAllLoaded(v.page);
    const kit = await v.page.evaluate(() => (window as unknown as { StripeWidgetKit?: { version?: string } }).StripeWidgetKit?.version);
    assert.equal(kit, pkg.version, 'window.StripeWidgetKit from the IIFE');
    const english = await v.page.evaluate(() => (window as unknown as { StripeWidgetKit: { messages: { en: { core: { retry: string } } } } }).StripeWidgetKit.messages.en.core.retry);
    assert.equal(english, 'Try again', 'StripeWidgetKit.messages.en, the catalog sites start from');
    assert.deepEqual(await v.page.evaluate((tags) => tags.filter((t) => !customElements.get(t)), TAGS), []);
    assert.equal((await v.page.locator('spt-token-status [part=status]').innerText()).trim(), 'Active');
    assert.equal((await v.page.locator('climate-order-status [part=status]').first().innerText()).trim().length > 0, true);

    // A live update through the real path: the simulator's signed webhook → /api/events → the widget refetches.
    await simulator('payment_intents/pi_sim_capture_pending_connect/settle');
    await fired(v.page, 'swk-capture-settled', 'payment-capture-status');
    assert.equal(await v.page.locator('payment-capture-status [part=pending]').count(), 0);

    await assertNoAxeViolations(v.page, 'script-tag.html');
    await screenshot(v.page, 'pages-script-tag', { fullPage: true });

    const paths = server.requested.filter((p) => !p.startsWith('/api/') && p !== '/favicon.ico');
    assert.deepEqual(paths, ['/script-tag.html', '/stripe-widget-kit.iife.js'], 'the page loads nothing but the IIFE (no chunks, no lit, no CDN)');
    await assertCleanRun(v);
    await assertNoErrorEvents(v.page);
    await v.close();
  });

  it(`csp.html under "${STRICT_CSP}": every widget renders and works, zero securitypolicyviolation events`, async () => {
    const html = readFileSync('demo/csp.html', 'utf8');
    for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      assert.match(attributes!, /\bsrc="\.\/[\w.-]+\.js"/, 'every script is a file');
      assert.equal(body!.trim(), '', 'no inline script');
    }
    assert.doesNotMatch(html, /<style\b|\sstyle=|\son[a-z]+=/, 'no inline style or handler');

    const v = await open('/csp.html', (page) =>
      // Listens before any of the page's scripts run (an init script is not subject to the page's CSP).
      page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
        document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} ${e.sample}`), true);
      }),
    );
    assert.equal(v.response.headers()['content-security-policy'], STRICT_CSP);
    const violations = () => v.page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
    await waitForAllLoaded(v.page);
    // csp.js (the page's own script file) ran: it logs the events into the page.
    await v.page.locator('#events li', { hasText: 'spt-token-status: swk-load' }).waitFor();

    // capital-offer-card: its action button, then a replacement offer arriving as a signed webhook.
    await v.page.locator('capital-offer-card [part=action-button]').click();
    await fired(v.page, 'swk-offer-action', 'capital-offer-card', 'financingoffer_live_demo');
    await simulator('capital/replace', { offerId: 'financingoffer_live_demo' });
    await fired(v.page, 'swk-offer-replaced', 'capital-offer-card');

    // fc-link-account wears the appearance csp.js gave it (night theme, its primary color and rule).
    const linkButton = await v.page.locator('fc-link-account [part=button]').evaluate((button) => {
      const style = getComputedStyle(button);
      return [style.backgroundColor, style.color, style.textTransform, getComputedStyle(button.closest('[part=base]')!).backgroundColor];
    });
    assert.deepEqual(linkButton, ['rgb(10, 124, 255)', 'rgb(26, 31, 54)', 'uppercase', 'rgb(26, 31, 54)']);

    // fc-link-account: the click creates a session on the backend and links the simulated bank's accounts.
    await v.page.locator('fc-link-account [part=button]').click();
    await fired(v.page, 'swk-linked', 'fc-link-account');

    // climate-order-status: cancel through its dialog.
    await v.page.locator('climate-order-status [part=cancel-button]').click();
    await v.page.locator('climate-order-status [part=confirm-button]').click();
    await fired(v.page, 'swk-order-canceled', 'climate-order-status', 'climorder_sim_open');

    // climate-order-form: a small order, shown with <climate-order-status> inside the form.
    const orderForm = v.page.locator('climate-order-form');
    await orderForm.getByRole('radio', { name: "Frontier's 2027 offtake portfolio" }).check();
    await orderForm.getByLabel('Metric tons of carbon removal').fill('0.01');
    await orderForm.getByRole('button', { name: 'Place order' }).click();
    await fired(v.page, 'swk-order-created', 'climate-order-form');
    await orderForm.locator('climate-order-status [part~="status"]', { hasText: 'Confirmed' }).waitFor();

    // spt-token-status and payment-capture-status: live updates over the event stream.
    await simulator('shared_payment/granted_tokens/spt_sim_active/revoke');
    await v.page.locator('spt-token-status [part=status]', { hasText: 'Deactivated' }).waitFor();
    await simulator('payment_intents/pi_sim_capture_pending_connect/settle');
    await fired(v.page, 'swk-capture-settled', 'payment-capture-status');

    await screenshot(v.page, 'pages-csp', { fullPage: true });
    assert.deepEqual(await violations(), [], 'securitypolicyviolation events');
    assert.deepEqual(v.console.filter((line) => /Content Security Policy|Refused to/i.test(line)), [], 'CSP errors in the console');
    await assertCleanRun(v);
    await assertNoErrorEvents(v.page);

    // The probe does catch a violation when one happens: an inline style element is refused.
    await v.page.evaluate(() => document.head.append(Object.assign(document.createElement('style'), { textContent: 'body { color: red }' })));
    await v.page.waitForFunction(() => (window as unknown as { __cspViolations: string[] }).__cspViolations.length > 0);
    assert.match((await violations())[0]!, /^style-src-elem blocked inline/);
    await v.close();
  });

  it('esm.html: the climate-order-status ES entry alone registers only that widget', async () => {
    const v = await open('/esm.html');
    await fired(v.page, 'swk-load', 'climate-order-status', 'climorder_sim_open');
    const registered = await v.page.evaluate((tags) => Object.fromEntries(tags.map((t) => [t, customElements.get(t) !== undefined])), TAGS);
    assert.deepEqual(registered, { 'capital-offer-card': false, 'fc-link-account': false, 'climate-order-status': true, 'climate-order-form': false, 'spt-token-status': false, 'payment-capture-status': false });
    assert.equal(await v.page.evaluate(() => 'StripeWidgetKit' in window), false, 'no IIFE global');
    assert.ok((await v.page.locator('climate-order-status [part=status]').first().innerText()).trim().length > 0, 'the widget rendered');

    const files = server.requested.filter((p) => !p.startsWith('/api/'));
    assert.ok(files.includes('/climate-order-status.js'));
    assert.ok(files.some((p) => p.startsWith('/node_modules/lit')), 'lit comes from the import map (external to the entry)');
    const foreign = files.filter((p) => /capital|fc-link|financial-connections|spt-|shared-payment|payment-capture|payment-intent|iife|^\/index\.js$/.test(p));
    assert.deepEqual(foreign, [], 'no other widget\'s code is fetched');
    await assertNoAxeViolations(v.page, 'esm.html');
    await screenshot(v.page, 'pages-esm', { fullPage: true });
    await assertCleanRun(v);
    await v.close();
  });
});
