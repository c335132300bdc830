// `npm run screenshots`: the README's state pictures. Starts the demo (simulator mode, as
// `npm run demo`), drives its controls in Chromium the way a visitor would, and writes an element
// screenshot of each widget in each state to docs/screenshots/<tag>-<state>.png (English, light,
// 480 px wide), then recompresses them losslessly with optipng when it is installed (they ship in the
// package, for the README on the registry page). Run through tsx: it reuses the e2e tests' TypeScript
// demo-server helper.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startDemoServer } from '../e2e/support/demo-server.ts';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.mjs';

const OUT = join('docs', 'screenshots');
/** The body's 16 px padding on each side leaves the widgets 480 px wide. */
const VIEWPORT = { width: 512, height: 900 };
const TIMEOUT = 15_000;

const only = process.argv.slice(2);
if (only.length === 0) rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

const { url, server } = await startDemoServer();
const browser = await chromium.launch({ executablePath: ensureChromium(), headless: true, args: CHROMIUM_ARGS });
const written = [];
const problems = [];

/** A fresh demo page: English, light theme, no motion. */
async function openDemo() {
  const page = await browser.newPage({ viewport: VIEWPORT, colorScheme: 'light', reducedMotion: 'reduce', locale: 'en-US' });
  page.setDefaultTimeout(TIMEOUT);
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(`${url}/?lang=en&theme=light`);
  await page.waitForFunction(() => document.querySelector('#mode-label')?.textContent?.includes('simulator'));
  return page;
}

/** Holds every request to `pattern` unanswered, so a widget stays in its loading state. */
async function hold(page, pattern) {
  await page.route(pattern, () => {
    // never answered: the widget keeps loading until the page closes
  });
}

/** Sets attributes on a widget, as a site's script would. */
async function setAttributes(widget, attributes) {
  await widget.evaluate((node, entries) => {
    for (const [name, value] of entries) node.setAttribute(name, value);
  }, Object.entries(attributes));
}

/** Waits until the widget shows `part` (containing `text`, when given), then writes <tag>-<state>.png. */
async function shot(widget, tag, state, part, text) {
  const name = `${tag}-${state}`;
  if (only.length && !only.some((word) => name.includes(word))) return;
  const target = text ? widget.locator(`[part~="${part}"]`, { hasText: text }) : widget.locator(`[part~="${part}"]`);
  await target.first().waitFor({ state: 'visible' });
  await widget.scrollIntoViewIfNeeded();
  // Let Lit finish the render the part belongs to (and webfonts, if any) before the picture.
  await widget.evaluate(async (node) => {
    await node.updateComplete;
    await document.fonts.ready;
  });
  const path = join(OUT, `${name}.png`);
  await widget.screenshot({ path, animations: 'disabled', caret: 'hide' });
  written.push(path);
  console.log(`wrote ${path}`);
}

async function clickControl(page, section, label) {
  await page.locator(`#${section} button.demo-control`, { hasText: label }).click();
}

async function openDetails(page, section) {
  await page.locator(`#${section} > div > details > summary`).click();
}

async function capital() {
  const tag = 'capital-offer-card';
  const page = await openDemo();
  const cards = page.locator(`#${tag} ${tag}`);
  const live = cards.first();
  await shot(live, tag, 'offer', 'action-button');
  await clickControl(page, tag, 'Replace this offer');
  await shot(live, tag, 'replaced', 'replaced-notice');
  const noFollow = page.locator(`#${tag} ${tag}[no-follow]`);
  await shot(noFollow, tag, 'no-follow', 'replacement-button');
  await openDetails(page, tag);
  for (const status of ['accepted', 'paid_out', 'expired', 'revoked']) {
    await shot(page.locator(`#${tag} ${tag}[offer-id="financingoffer_status_${status}"]`), tag, status.replace('_', '-'), 'status');
  }
  await setAttributes(live, { 'offer-id': 'financingoffer_missing' });
  await shot(live, tag, 'error', 'retry-button');
  await hold(page, '**/api/capital/financing_offers/financingoffer_loading');
  await setAttributes(live, { 'offer-id': 'financingoffer_loading' });
  await shot(live, tag, 'loading', 'loading');
  await page.close();
}

async function financialConnections() {
  const tag = 'fc-link-account';
  const page = await openDemo();
  const widget = page.locator(`#${tag} ${tag}`).first();
  await shot(widget, tag, 'idle', 'button');
  const bankWindow = page.locator('dialog[open]');
  const link = async (choice) => {
    await widget.locator('button').first().click();
    await bankWindow.getByRole('button', { name: choice }).click();
  };
  // Linked as a page without accounts-endpoint shows it: the accounts alone.
  const accountsEndpoint = await widget.getAttribute('accounts-endpoint');
  await widget.evaluate((node) => node.removeAttribute('accounts-endpoint'));
  await link('Link selected accounts');
  await shot(widget, tag, 'linked', 'accounts');
  // accounts-endpoint: the prefetched balances and owners pending, then arrived (the demo's controls).
  await setAttributes(widget, { 'accounts-endpoint': accountsEndpoint });
  await widget.locator('[part~="link-another-button"]').click();
  await bankWindow.getByRole('button', { name: 'Link selected accounts' }).click();
  await shot(widget, tag, 'balances-pending', 'balance-status', 'Updating');
  await clickControl(page, tag, 'Balance refresh succeeds now');
  await clickControl(page, tag, 'Ownership arrives now');
  await widget.locator('[part~="owners"]', { hasText: 'Jenny' }).first().waitFor();
  await shot(widget, tag, 'balances', 'balance');
  await widget.locator('[part~="link-another-button"]').click();
  await bankWindow.getByRole('button', { name: 'Link none' }).click();
  await shot(widget, tag, 'empty', 'try-again-button');
  await widget.locator('[part~="try-again-button"]').click();
  await bankWindow.getByRole('button', { name: 'Fail (simulated error)' }).click();
  await shot(widget, tag, 'error', 'retry-button');
  await hold(page, '**/api/financial_connections/sessions');
  await widget.locator('[part~="retry-button"]').click();
  await shot(widget, tag, 'loading', 'progress');
  await page.close();
}

async function climate() {
  const tag = 'climate-order-status';
  const page = await openDemo();
  const widget = page.locator(`#${tag} ${tag}`).first();
  const picker = page.locator('#climate-order-picker');
  const pick = async (id) => picker.selectOption(id);
  await shot(widget, tag, 'open', 'status', 'Open');
  await pick('climorder_sim_awaiting_funds');
  await shot(widget, tag, 'awaiting-funds', 'status', 'Awaiting');
  await pick('climorder_sim_confirmed');
  await shot(widget, tag, 'confirmed', 'status', 'Confirmed');
  await clickControl(page, tag, 'Deliver');
  await shot(widget, tag, 'delivered', 'status', 'Delivered');
  await pick('climorder_sim_jpy');
  await widget.locator('[part~="status"]', { hasText: 'Confirmed' }).waitFor();
  await clickControl(page, tag, 'Delay one year');
  await shot(widget, tag, 'delayed', 'delay-notice');
  await pick('climorder_sim_substituted');
  await shot(widget, tag, 'substituted', 'substitution-notice');
  await pick('climorder_sim_canceled');
  await shot(widget, tag, 'canceled', 'cancellation');
  await shot(page.locator(`#${tag} ${tag}[readonly]`), tag, 'readonly', 'delay-notice');
  await setAttributes(widget, { 'order-id': 'climorder_missing' });
  await shot(widget, tag, 'error', 'retry-button');
  await hold(page, '**/api/climate/orders/climorder_loading');
  await setAttributes(widget, { 'order-id': 'climorder_loading' });
  await shot(widget, tag, 'loading', 'loading');
  await page.close();
}

async function climateOrderForm() {
  const tag = 'climate-order-form';
  const page = await openDemo();
  const widget = page.locator(`#${tag} ${tag}`).first();
  await shot(widget, tag, 'products', 'product', 'Sold out');
  await widget.getByRole('radio', { name: "Frontier's 2027 offtake portfolio" }).check();
  await widget.getByLabel('Metric tons of carbon removal').fill('0.5');
  await widget.getByLabel('Beneficiary (optional)').fill('Example Coffee Roasters');
  await shot(widget, tag, 'estimate', 'estimate');
  await widget.getByRole('button', { name: 'Place order' }).click();
  await shot(widget, tag, 'placed', 'result');
  await setAttributes(widget, { endpoint: '/api/climate-missing' });
  await shot(widget, tag, 'error', 'retry-button');
  await hold(page, '**/api/climate-loading/products');
  await setAttributes(widget, { endpoint: '/api/climate-loading' });
  await shot(widget, tag, 'loading', 'loading');
  await page.close();
}

async function sharedPaymentToken() {
  const tag = 'spt-token-status';
  const page = await openDemo();
  const widget = page.locator(`#${tag} ${tag}`).first();
  await shot(widget, tag, 'active', 'countdown');
  await clickControl(page, tag, 'Use it');
  await shot(widget, tag, 'used', 'reason');
  await openDetails(page, tag);
  await shot(page.locator(`#${tag} ${tag}[token-id="spt_sim_revoked"]`), tag, 'revoked', 'reason');
  // A token that expires a second after it is granted: the simulator's control, with a short expiry.
  const expiring = await page.evaluate(async () => {
    const response = await fetch('/api/simulator/shared_payment/granted_tokens', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ currency: 'usd', max_amount: 2500, expires_in: 1 }),
    });
    return ((await response.json()) ?? {}).id;
  });
  await setAttributes(widget, { 'token-id': expiring });
  await shot(widget, tag, 'expired', 'status', 'Expired');
  await setAttributes(widget, { 'token-id': 'spt_missing' });
  await shot(widget, tag, 'error', 'retry-button');
  await hold(page, '**/api/shared_payment/granted_tokens/spt_loading');
  await setAttributes(widget, { 'token-id': 'spt_loading' });
  await shot(widget, tag, 'loading', 'loading');
  await page.close();
}

async function paymentCapture() {
  const tag = 'payment-capture-status';
  const page = await openDemo();
  const widget = page.locator(`#${tag} ${tag}`).first();
  await shot(widget, tag, 'pending', 'pending');
  await clickControl(page, tag, 'Settle now');
  await shot(widget, tag, 'settled', 'transfer', 'tr_');
  await openDetails(page, tag);
  const seeded = (id) => page.locator(`#${tag} ${tag}[payment-intent-id="${id}"]`);
  await shot(seeded('pi_sim_capture_overdue'), tag, 'overdue', 'check-button');
  await shot(seeded('pi_sim_processing'), tag, 'processing', 'status');
  await shot(seeded('pi_sim_requires_capture'), tag, 'requires-capture', 'capturable');
  await shot(seeded('pi_sim_canceled'), tag, 'canceled', 'reason');
  await shot(seeded('pi_sim_failed'), tag, 'failed', 'reason');
  await setAttributes(widget, { 'payment-intent-id': 'pi_missing' });
  await shot(widget, tag, 'error', 'retry-button');
  await hold(page, '**/api/payment_intents/pi_loading');
  await setAttributes(widget, { 'payment-intent-id': 'pi_loading' });
  await shot(widget, tag, 'loading', 'loading');
  await page.close();
}

let failed = false;
try {
  for (const run of [capital, financialConnections, climate, climateOrderForm, sharedPaymentToken, paymentCapture]) {
    try {
      await run();
    } catch (cause) {
      failed = true;
      console.error(`${run.name}: ${cause instanceof Error ? cause.message : cause}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
// Lossless: the same pixels in about a quarter fewer bytes than Chromium writes (-o5 saves next to nothing more).
if (written.length > 0) {
  const optipng = spawnSync('optipng', ['-quiet', '-o2', '-strip', 'all', ...written], { stdio: 'inherit' });
  if (optipng.error) {
    console.warn(`optipng is not installed: the screenshots are as Chromium wrote them. Install it (Debian: apt-get install optipng) and run\n  optipng -o2 -strip all ${OUT}/*.png\nbefore committing them: they ship in the package.`);
  } else if (optipng.status !== 0) {
    failed = true;
    console.error(`optipng exited with ${optipng.status}`);
  }
}
for (const problem of problems) console.error(problem);
console.log(`${written.length} screenshots in ${OUT}`);
if (failed || problems.length) process.exit(1);
