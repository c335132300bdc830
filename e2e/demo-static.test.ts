import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { STATUSES } from '../test/capital-offer-card/statuses.js';
import { assertNoAxeViolations } from './support/axe.js';
import { useBrowser } from './support/demo-page.js';

// `npm run demo:static` as a visitor meets it: the built folder opened from disk (file://) in Chromium
// with every network request refused, loopback included. The simulator runs in the page, so every
// widget must still load, go through its states and follow at least one live update, axe-clean.
const PAGE = pathToFileURL(resolve('dist/demo-static/index.html')).href;

interface Visit {
  page: Page;
  context: BrowserContext;
  /** Requests that tried to leave the page's own files (each one a failure). */
  network: string[];
  errors: string[];
}

/** Text a widget shows, through its shadow roots, whitespace collapsed. */
const shadowText = (widget: Locator) =>
  widget.evaluate((host) => {
    const walk = (node: Node): string => {
      if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
      if (node instanceof HTMLStyleElement) return '';
      const root = node instanceof Element && node.shadowRoot ? node.shadowRoot : node;
      return ` ${[...root.childNodes].map(walk).join('')} `;
    };
    return walk(host).replace(/\s+/g, ' ').trim();
  });

/** The one element of `part` `name` in `widget` showing `text`. */
const shown = (widget: Locator, name: string, text: string | RegExp) => widget.locator(`[part~="${name}"]`, { hasText: text }).first();

describe('npm run demo:static, opened over file:// with the network blocked', () => {
  const browser = useBrowser();
  const visits: Visit[] = [];

  before(() => {
    execFileSync('npx', ['--no-install', 'vite', 'build', '--config', 'vite.config.ts', '--mode', 'demo-static', '--logLevel', 'error'], { stdio: 'pipe' });
  });

  after(async () => {
    for (const visit of visits) await visit.context.close();
  });

  async function open(): Promise<Visit> {
    const context = await browser().newContext({ viewport: { width: 1000, height: 900 }, reducedMotion: 'reduce' });
    const network: string[] = [];
    await context.route(
      (url) => url.protocol !== 'file:',
      (route) => {
        network.push(route.request().url());
        return route.abort('blockedbyclient');
      },
    );
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => void (!request.url().startsWith('file:') && network.push(request.url())));
    await page.goto(PAGE);
    await page.waitForFunction(() => document.querySelector('#mode-label')?.textContent?.includes('running in this page'));
    const visit = { page, context, network, errors };
    visits.push(visit);
    return visit;
  }

  /** No request left the folder, nothing threw, and axe finds nothing on the whole page. */
  async function clean(visit: Visit, state: string): Promise<void> {
    assert.deepEqual(visit.network, [], `${state}: requests that left the page's files`);
    assert.deepEqual(visit.errors, [], `${state}: page errors`);
    await assertNoAxeViolations(visit.page, state);
  }

  const section = (page: Page, tag: string) => page.locator(`#${tag}`);

  it('<capital-offer-card>: every status, the replaced story, no-follow, JPY, the current offer; a replacement arrives live', async () => {
    const visit = await open();
    const cards = section(visit.page, 'capital-offer-card').locator('capital-offer-card');
    const [live, story, noFollow, jpy, current] = [0, 1, 2, 3, 4].map((i) => cards.nth(i)) as [Locator, Locator, Locator, Locator, Locator];
    await shown(live, 'amount', '$3,000.00').waitFor();
    await shown(story, 'replaced-notice', 'Your offer was updated: $5,000.00 → $10,000.00').waitFor();
    await noFollow.getByText('This offer was replaced by a newer offer (financingoffer_xyz456).').waitFor();
    await shown(jpy, 'amount', '¥1,000,000').waitFor();
    await shown(current, 'amount', '$10,000.00').waitFor();
    await visit.page.getByText('Every status', { exact: true }).click();
    for (const [index, [status, badge]] of STATUSES.entries()) {
      const card = cards.nth(5 + index);
      await shown(card, 'status', badge).waitFor({ timeout: 3000 }).catch(async () => assert.fail(`${status}: no "${badge}" badge: ${await shadowText(card)}`));
    }
    await clean(visit, 'capital offers');

    await visit.page.getByRole('button', { name: /^Replace this offer/ }).click();
    await shown(live, 'replaced-notice', 'Your offer was updated: $3,000.00 → $6,000.00').waitFor();
    await visit.page.getByRole('button', { name: /^Send a new offer/ }).click();
    await shown(cards.last(), 'status', 'Available').waitFor();
    await clean(visit, 'capital offer replaced live');
  });

  it('<fc-link-account>: links with the simulated bank, then balances arrive live; none linked; a failure; a failing endpoint', async () => {
    const visit = await open();
    const [simulated, failing] = [0, 1].map((i) => section(visit.page, 'fc-link-account').locator('fc-link-account').nth(i)) as [Locator, Locator];
    const bank = visit.page.getByRole('dialog', { name: /Simulated bank window/ });
    const linkWith = async (choice: string, uncheck: RegExp[] = []) => {
      await simulated.getByRole('button', { name: /Link bank account|Link another account|Try again/ }).first().click();
      for (const name of uncheck) await bank.getByRole('checkbox', { name }).uncheck();
      await bank.getByRole('button', { name: choice }).click();
    };
    await linkWith('Link selected accounts', [/High Yield Savings/, /Everyday Account/]);
    await simulated.getByRole('heading', { name: 'Linked accounts' }).waitFor();
    await simulated.getByText('1 account linked.').first().waitFor();
    await visit.page.getByRole('button', { name: /^Balance refresh succeeds now/ }).click();
    await shown(simulated, 'balance', '$12,345.67').waitFor();
    await clean(visit, 'fc-link-account linked, balance arrived');

    await visit.page.reload();
    await linkWith('Link none');
    await simulated.getByRole('heading', { name: 'No account was linked' }).waitFor();
    await clean(visit, 'fc-link-account empty');

    await linkWith('Fail (simulated error)');
    await simulated.getByRole('alert').getByText('Linking your bank account failed').waitFor();
    await failing.getByRole('button', { name: 'Link bank account' }).click();
    await failing.getByRole('alert').waitFor();
    await failing.getByRole('button', { name: 'Try again' }).waitFor();
    await clean(visit, 'fc-link-account errors');
  });

  it('<climate-order-status>: every seeded order, then Frontier delivers one live', async () => {
    const visit = await open();
    const widget = section(visit.page, 'climate-order-status').locator('climate-order-status').first();
    const orders: [id: string, badge: string][] = [
      ['climorder_sim_open', 'Open'],
      ['climorder_sim_awaiting_funds', 'Awaiting funds'],
      ['climorder_sim_delayed', 'Confirmed'],
      ['climorder_sim_substituted', 'Confirmed'],
      ['climorder_sim_delivered', 'Delivered'],
      ['climorder_sim_canceled', 'Canceled'],
      ['climorder_sim_jpy', 'Confirmed'],
      ['climorder_sim_confirmed', 'Confirmed'],
    ];
    for (const [id, badge] of orders) {
      await visit.page.selectOption('#climate-order-picker', id);
      await widget.locator(`xpath=self::*[@order-id="${id}"]`).waitFor();
      await shown(widget, 'status', badge).waitFor({ timeout: 3000 }).catch(async () => assert.fail(`${id}: no "${badge}": ${await shadowText(widget)}`));
    }
    await clean(visit, 'climate orders');
    await visit.page.getByRole('button', { name: /^Deliver \(climate\.order\.delivered\)/ }).click();
    await shown(widget, 'status', 'Delivered').waitFor();
    await clean(visit, 'climate order delivered live');
  });

  it('<climate-order-form>: the products (one sold out), a live price change, an order placed', async () => {
    const visit = await open();
    const form = section(visit.page, 'climate-order-form').locator('climate-order-form');
    await form.getByText("Frontier's 2027 offtake portfolio").first().waitFor();
    assert.equal(await form.getByRole('radio', { name: 'Enhanced weathering, 2026 delivery' }).isDisabled(), true, 'sold out');
    await form.getByRole('radio', { name: 'Direct air capture, 2028 delivery' }).check();
    await form.getByLabel('Metric tons of carbon removal').fill('2');
    await shown(form, 'estimate', '$1,236.00').waitFor();
    await clean(visit, 'climate form estimate');
    await visit.page.getByRole('button', { name: /^Raise the direct air capture price/ }).click();
    await shown(form, 'estimate', '$1,359.60').waitFor();
    await form.getByRole('button', { name: 'Place order' }).click();
    await shown(form.locator('climate-order-status'), 'status', 'Confirmed').waitFor();
    await clean(visit, 'climate order placed');
  });

  it('<spt-token-status>: the seeded tokens, a revoke arriving live, a charge that succeeds', async () => {
    const visit = await open();
    const tokens = section(visit.page, 'spt-token-status');
    const live = tokens.locator('spt-token-status').first();
    await shown(live, 'status', 'Active').waitFor();
    await visit.page.getByText('Seeded tokens').click();
    const seed = (id: string) => tokens.locator(`spt-token-status[token-id="${id}"]`).last();
    await shown(seed('spt_sim_expiring'), 'limit', '¥5,000').waitFor();
    await shown(seed('spt_sim_revoked'), 'reason', 'Revoked by the agent').waitFor();
    await shown(seed('spt_sim_used'), 'reason', 'Used up (limit reached)').waitFor();
    await clean(visit, 'seeded tokens');

    await visit.page.getByRole('button', { name: /^Revoke it/ }).click();
    await shown(live, 'status', 'Deactivated').waitFor();
    await shown(live, 'reason', 'Revoked by the agent').waitFor();
    await visit.page.getByRole('button', { name: 'New $100.00 token to charge' }).click();
    const charging = tokens.locator('spt-token-status[charge-amount]');
    await charging.getByRole('button', { name: /^Charge \$25\.00$/ }).click();
    await shown(charging, 'charge-result', 'Payment of $25.00: Succeeded').waitFor();
    await clean(visit, 'token revoked live and charged');
  });

  it('<payment-capture-status>: every seeded outcome, then a Connect payment settles live', async () => {
    const visit = await open();
    const payments = section(visit.page, 'payment-capture-status');
    const live = payments.locator('payment-capture-status').first();
    await visit.page.getByText('Every other outcome').click();
    for (const id of ['pi_sim_capture_settled', 'pi_sim_capture_settled_jpy', 'pi_sim_capture_overdue', 'pi_sim_processing', 'pi_sim_requires_capture', 'pi_sim_canceled', 'pi_sim_failed']) {
      await payments.locator(`payment-capture-status[payment-intent-id="${id}"] >> [part~="status"]`).waitFor();
    }
    await shown(payments.locator('payment-capture-status[payment-intent-id="pi_sim_capture_settled"]'), 'fee', '$3.20').waitFor();
    await clean(visit, 'payment outcomes');

    await visit.page.getByRole('button', { name: 'Start a Connect payment' }).click();
    await visit.page.waitForFunction(() => document.querySelector('#payment-capture-status > div > payment-capture-status')?.getAttribute('payment-intent-id') !== 'pi_sim_capture_pending_connect');
    await shown(live, 'status', 'Succeeded').waitFor();
    // The demo also polls every 5 s: without polling, only the event the simulator sends can bring the settlement.
    await live.evaluate((element) => element.removeAttribute('refresh-interval'));
    await visit.page.getByRole('button', { name: /^Settle now/ }).click();
    await shown(live, 'fee', '$3.20').waitFor();
    await shown(live, 'transfer', /^tr_sim_\w+$/).waitFor();
    assert.equal(await live.locator('[part~="pending"]').count(), 0, 'nothing pending once settled');
    await clean(visit, 'payment settled live');
  });
});
