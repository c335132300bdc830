import { expect, html } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/fc-link-account/define.js';
import { configure } from '../../src/core/config.js';
import { en } from '../../src/messages.js';
import type { FcLinkAccount } from '../../src/fc-link-account/define.js';
import { financialConnectionsAccount } from '../../src/testing/arbitraries/index.js';
import { financialConnectionsAccountDetails } from '../../src/testing/builders/financial-connections.js';
import { describeFailure, propertyParameters } from '../arbitraries/settings.js';
import { FakeClock } from '../../src/testing/fake-clock.js';
import { FakeEventSource, useFakeEventSource } from '../fake-event-source.js';
import { expectNoBrokenText, fakeBackend, mount, part, shadowText, stripeError, until, type FakeAnswer, type RecordedCall } from '../helpers.js';
import { account, fakeStripe, linked, secretAnswer } from './fake-stripe.js';

const ACCOUNTS = '/api/financial_connections/accounts';
const EVENTS = '/api/events-fc-balances';
const T0 = Date.UTC(2026, 10, 30, 15, 0, 0);
const T0_SECONDS = T0 / 1000;

type Json = Record<string, unknown>;

/** The account as the reference backend answers `GET {accounts-endpoint}/{id}`, its balance refresh still pending. */
function retrieved(fields: Json = {}): Json {
  return financialConnectionsAccountDetails({
    balance: null,
    balance_refresh: { status: 'pending', last_attempted_at: T0_SECONDS - 5, next_refresh_available_at: null },
    ownership: null,
    ownership_refresh: null,
    ...fields,
  });
}

const succeeded = (fields: Json = {}) =>
  retrieved({
    balance: { as_of: T0_SECONDS - 60, current: { usd: 123_456 }, type: 'cash' },
    balance_refresh: { status: 'succeeded', last_attempted_at: T0_SECONDS - 65, next_refresh_available_at: T0_SECONDS + 600 },
    ...fields,
  });

/** What the account data's live region says. */
const announced = (el: Element) => el.shadowRoot!.querySelector('[part~="account-data"] [role="status"]')?.textContent?.trim() ?? '';

interface Options {
  accountAnswer: (call: RecordedCall) => FakeAnswer;
  permissions?: string;
  eventsUrl?: string;
  refreshInterval?: number;
  clock?: FakeClock;
  accountsEndpoint?: string;
  lang?: string;
}

async function linkedWidget(options: Options) {
  const backend = fakeBackend((call) => (call.url === '/api/financial_connections/sessions' ? secretAnswer : options.accountAnswer(call)));
  const stripe = fakeStripe(async () => linked([account({ permissions: (options.permissions ?? 'balances ownership').split(' ') as never })]));
  const el = await mount<FcLinkAccount>(html`<fc-link-account
    lang=${options.lang ?? 'en'}
    endpoint="/api/financial_connections/sessions"
    accounts-endpoint=${options.accountsEndpoint ?? ACCOUNTS}
    permissions=${options.permissions ?? 'balances ownership'}
    prefetch="balances"
    events-url=${options.eventsUrl ?? ''}
    refresh-interval=${options.refreshInterval ?? 0}
    .fetcher=${backend.fetcher}
    .stripe=${stripe.stripe}
    .clock=${options.clock ?? new FakeClock(T0)}
  ></fc-link-account>`);
  part<HTMLButtonElement>(el, '[part="button"]').click();
  await until(() => el.shadowRoot!.querySelector('[part~="accounts"]') !== null, 'the linked state');
  const accountCalls = () => backend.calls.filter((c) => c.url.startsWith(ACCOUNTS));
  return { el, backend, accountCalls };
}

const data = (el: FcLinkAccount) => el.shadowRoot!.querySelector('[part~="account-data"]');
const dataText = (el: FcLinkAccount) => (data(el)?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('fc-link-account balances (accounts-endpoint)', () => {
  useFakeEventSource();

  it('shows "Updating…" while the prefetched refresh is pending, then the balance when refreshed_balance arrives', async () => {
    let answer = retrieved();
    const { el, accountCalls } = await linkedWidget({ accountAnswer: () => ({ json: answer }), eventsUrl: EVENTS });
    await until(() => dataText(el).includes('Updating balance…'), 'the pending refresh');
    expect(accountCalls().map((c) => `${c.method} ${c.url}`)).to.deep.equal([`GET ${ACCOUNTS}/fca_456`]);
    expect(part(el, '[part~="refresh-button"]').getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();

    answer = succeeded();
    const stream = FakeEventSource.open(EVENTS);
    stream.push({ type: 'financial_connections.account.refreshed_balance', id: 'fca_other', object: 'financial_connections.account' });
    stream.push({ type: 'financial_connections.account.refreshed_balance', id: 'fca_456', object: 'financial_connections.account' });
    await until(() => el.shadowRoot!.querySelector('[part~="balance"]') !== null, 'the balance');
    expect(accountCalls(), "one refetch: the other account's event is ignored").to.have.length(2);
    expect(part(el, '[part~="balance"]').textContent).to.equal('$1,234.56');
    const asOf = part(el, '[part~="as-of"]');
    expect(asOf.getAttribute('datetime')).to.equal(new Date((T0_SECONDS - 60) * 1000).toISOString());
    expect(asOf.textContent).to.match(/Nov 30, 2026/);
    expect(el.shadowRoot!.querySelector('[part~="account-data"] [role="status"]')!.textContent).to.equal('Current balance: $1,234.56');
    expectNoBrokenText(el);
    await expect(el).to.be.accessible();
  });

  it('without an event stream, polls while the refresh is pending, and stops once it succeeded', async () => {
    const clock = new FakeClock(T0);
    let polls = 0;
    const { el, accountCalls } = await linkedWidget({ clock, accountAnswer: () => ({ json: polls >= 2 ? succeeded() : retrieved() }) });
    await until(() => dataText(el).includes('Updating balance…'), 'the pending refresh');
    polls = 1;
    clock.tick(5000);
    await until(() => accountCalls().length === 2, 'the first poll');
    polls = 2;
    await el.updateComplete;
    clock.tick(5000);
    await until(() => el.shadowRoot!.querySelector('[part~="balance"]') !== null, 'the balance after polling');
    const count = accountCalls().length;
    clock.tick(60_000);
    await el.updateComplete;
    expect(accountCalls(), 'no polling once nothing is pending').to.have.length(count);
  });

  it('polls at refresh-interval when the widget has one', async () => {
    const clock = new FakeClock(T0);
    const { el, accountCalls } = await linkedWidget({ clock, refreshInterval: 2, accountAnswer: () => ({ json: retrieved() }) });
    await until(() => dataText(el).includes('Updating balance…'), 'the pending refresh');
    clock.tick(2000);
    await until(() => accountCalls().length === 2, 'a poll after 2 s');
  });

  it('says so when the refresh failed, keeping the last balance', async () => {
    const { el } = await linkedWidget({
      accountAnswer: () => ({
        json: succeeded({ balance_refresh: { status: 'failed', last_attempted_at: T0_SECONDS - 30, next_refresh_available_at: T0_SECONDS - 1 } }),
      }),
    });
    await until(() => dataText(el).includes('The balance could not be updated.'), 'the failure');
    expect(part(el, '[part~="balance"]').textContent).to.equal('$1,234.56');
    expect(part(el, '[part~="refresh-button"]').getAttribute('aria-disabled')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('Refresh balance waits for next_refresh_available_at, then posts { features: ["balance"] } with a key kept for Retry', async () => {
    const clock = new FakeClock(T0);
    let refreshes = 0;
    const { el, accountCalls } = await linkedWidget({
      clock,
      accountAnswer: (call) => {
        if (call.method === 'POST') return (refreshes += 1) === 1 ? stripeError(400, 'Try later', 'rate_limit') : { json: retrieved() };
        return { json: refreshes >= 2 ? retrieved() : succeeded() };
      },
    });
    await until(() => el.shadowRoot!.querySelector('[part~="balance"]') !== null, 'the balance');
    const button = () => part<HTMLButtonElement>(el, '[part~="refresh-button"]');
    expect(button().getAttribute('aria-disabled')).to.equal('true');
    expect(part(el, '[part~="refresh-note"]').textContent).to.match(/^You can refresh again at Nov 30, 2026/);
    button().click();
    await el.updateComplete;
    expect(accountCalls().filter((c) => c.method === 'POST'), 'no refresh before Stripe allows it').to.have.length(0);

    clock.tick(600_000);
    await until(() => button().getAttribute('aria-disabled') === 'false', 'the button offered again at the time');
    button().click();
    await until(() => shadowText(el).includes('The balance refresh could not be started'), 'the refused refresh');
    const retry = data(el)!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!;
    retry.click();
    await until(() => dataText(el).includes('Updating balance…'), 'the refresh running');
    const posts = accountCalls().filter((c) => c.method === 'POST');
    expect(posts.map((c) => c.url)).to.deep.equal([`${ACCOUNTS}/fca_456/refresh`, `${ACCOUNTS}/fca_456/refresh`]);
    expect(posts[0]!.body).to.deep.equal({ features: ['balance'] });
    expect(posts[1]!.headers.get('Idempotency-Key')).to.equal(posts[0]!.headers.get('Idempotency-Key'));
    await expect(el).to.be.accessible();
  });

  it("with ownership permitted shows the owners' names, and nothing else of them", async () => {
    const { el, accountCalls } = await linkedWidget({
      accountAnswer: (call) =>
        call.url.endsWith('/owners')
          ? { json: { object: 'list', data: [{ name: 'Jenny Rosen' }, { name: 'Kenji Sato' }], has_more: false } }
          : { json: succeeded({ ownership: 'fcaowns_1' }) },
    });
    await until(() => el.shadowRoot!.querySelector('[part~="owners"]') !== null, 'the owners');
    expect(part(el, '[part~="owners"]').textContent!.replace(/\s+/g, ' ').trim()).to.equal('Owners: Jenny Rosen, Kenji Sato');
    expect(accountCalls().map((c) => c.url)).to.deep.equal([`${ACCOUNTS}/fca_456`, `${ACCOUNTS}/fca_456/owners`]);
    expect(el.shadowRoot!.innerHTML).not.to.match(/@|fcaowns_1/);
  });

  it('without the balances permission shows no balance and no refresh; without balances or ownership fetches nothing', async () => {
    const owners = await linkedWidget({ permissions: 'ownership payment_method', accountAnswer: () => ({ json: retrieved({ permissions: ['ownership', 'payment_method'], ownership: null, ownership_refresh: { status: 'pending', last_attempted_at: T0_SECONDS, next_refresh_available_at: null } }) }) });
    await until(() => dataText(owners.el).includes('Retrieving the owners…'), 'the pending ownership');
    expect(owners.el.shadowRoot!.querySelector('[part~="refresh-button"], [part~="balance"]')).to.equal(null);
    expect(announced(owners.el), 'no balance is announced without the balances permission').to.equal('');
    owners.el.remove();

    const none = await linkedWidget({ permissions: 'payment_method', accountAnswer: () => ({ json: retrieved() }) });
    await none.el.updateComplete;
    expect(none.accountCalls()).to.have.length(0);
    expect(data(none.el)).to.equal(null);
  });

  it('without accounts-endpoint nothing is fetched after linking, as before', async () => {
    const { el, accountCalls } = await linkedWidget({ accountsEndpoint: '', accountAnswer: () => ({ json: retrieved() }) });
    await el.updateComplete;
    expect(accountCalls()).to.have.length(0);
    expect(data(el)).to.equal(null);
  });

  it('a failed retrieval shows its error with Retry under the account, the account list stays', async () => {
    let fail = true;
    const { el } = await linkedWidget({ accountAnswer: () => (fail ? stripeError(404, 'No such financial connections account') : { json: succeeded() }) });
    await until(() => data(el)?.querySelector('[part~="retry-button"]') != null, 'the error');
    expect(shadowText(el)).to.include('Premium Checking');
    fail = false;
    data(el)!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await until(() => el.shadowRoot!.querySelector('[part~="balance"]') !== null, 'the balance after Retry');
  });

  it('announces an account without any balance as such, not as "Current balance: "', async () => {
    // A linked account whose balance was never refreshed (no prefetch): Stripe sends both as null.
    const { el } = await linkedWidget({ accountAnswer: () => ({ json: retrieved({ balance: null, balance_refresh: null }) }) });
    await until(() => announced(el) !== '', 'the announcement');
    expect(announced(el)).to.equal('No balance has been retrieved yet.');
  });

  it('renders in Japanese', async () => {
    const twoCurrencies = { as_of: T0_SECONDS - 60, current: { usd: 123_456, eur: 100 }, type: 'cash' };
    const { el } = await linkedWidget({ lang: 'ja', accountAnswer: () => ({ json: succeeded({ balance: twoCurrencies }) }) });
    await until(() => dataText(el).includes('現在の残高'), 'the Japanese balance');
    await until(() => announced(el) !== '', 'the announcement');
    expect(announced(el), 'listed with the Japanese comma').to.equal('現在の残高：$1,234.56、€1.00');
    expect(part(el, '[part~="refresh-button"]').textContent!.trim()).to.equal('残高を更新');
    expectNoBrokenText(el);
  });

  it("takes the balance and owner texts from a site catalog's fc-link-account section", async () => {
    const fr = {
      ...en,
      'fc-link-account': { ...en['fc-link-account'], linkedTitle: 'Comptes associés', balance: 'Solde actuel', refresh: 'Actualiser le solde', owners: 'Titulaires' },
    };
    configure({ messages: { fr } });
    try {
      const { el } = await linkedWidget({
        lang: 'fr',
        accountAnswer: (call) => ({ json: call.url.endsWith('/owners') ? { object: 'list', data: [{ name: 'Jenny Rosen' }], has_more: false } : succeeded({ ownership: 'fcaowns_1' }) }),
      });
      await until(() => dataText(el).includes('Titulaires'), 'the French owners');
      expect(shadowText(el)).to.include('Comptes associés');
      expect(dataText(el)).to.include('Solde actuel');
      expect(part(el, '[part~="balance"]').textContent).to.match(/^1\s?234,56\s\$US$/u);
      expect(part(el, '[part~="refresh-button"]').textContent!.trim()).to.equal('Actualiser le solde');
    } finally {
      configure({ messages: undefined });
    }
  });

  it('renders every generated account without broken text', async function () {
    this.timeout(300_000);
    let current: Json = succeeded();
    const owners = { object: 'list', data: [{ name: 'Jenny Rosen' }, { name: null }], has_more: true };
    const { el, backend } = await linkedWidget({ accountAnswer: (call) => ({ json: call.url.endsWith('/owners') ? owners : current }) });
    await until(() => el.shadowRoot!.querySelector('[part~="balance"]') !== null, 'the first balance');
    let runs = 0;
    const property = fc.asyncProperty(financialConnectionsAccount, fc.constantFrom('en', 'ja'), async (generated, lang) => {
      runs += 1;
      current = { ...generated, id: 'fca_456' };
      el.lang = lang;
      const before = backend.calls.length;
      const loaded = new Promise<void>((resolve, reject) => {
        el.addEventListener('swk-load', (e) => ((e.detail.object as { id?: unknown }).id === 'fca_456' ? resolve() : undefined));
        el.addEventListener('swk-error', (e) => reject(new Error(JSON.stringify(e.detail.error))), { once: true });
      });
      part<HTMLButtonElement>(el, '[part="link-another-button"]').click();
      await loaded;
      await until(() => backend.calls.length > before, 'the fetch');
      await el.updateComplete;
      expectNoBrokenText(el);
    });
    const details = await fc.check(property, { ...propertyParameters(), numRuns: 200 });
    if (details.failed) throw new Error(describeFailure(details));
    expect(runs).to.be.at.least(200);
  });
});
