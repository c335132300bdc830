import { expect, fixtureCleanup, html } from '@open-wc/testing';
import '../../src/climate-order-status/define.js';
import '../../src/fc-link-account/define.js';
import '../../src/spt-token-status/define.js';
import type { ClimateOrderStatus } from '../../src/climate-order-status/define.js';
import { getConfig } from '../../src/core/config.js';
import type { SwkErrorDetail } from '../../src/core/events.js';
import type { FcLinkAccount, FcLinkResult } from '../../src/fc-link-account/define.js';
import type { SptTokenStatus } from '../../src/spt-token-status/define.js';
import { createSimulator, FakeClock, SIMULATED_BANK_ERROR, SimulatorControlError, type SimulatedBankOutcome } from '../../src/testing/index.js';
import { mount, oneEvent, part, shadowText, until } from '../helpers.js';

// The test kit as a site's test uses it: the simulator answers every request and drives every event
// stream in this page, so nothing may reach the network (the page's fetch throws while a test runs).
describe('stripe-widget-kit/testing: the simulator in the page', () => {
  const realFetch = window.fetch;
  const BrowserEventSource = window.EventSource;
  let networkCalls: string[] = [];
  let uninstall: (() => void) | undefined;
  /** The browser's EventSource, recording the streams it opens (each is a network request). */
  class NativeEventSource extends BrowserEventSource {
    constructor(url: string | URL, init?: EventSourceInit) {
      super(url, init);
      networkCalls.push(`EventSource ${String(url)}`);
    }
  }

  beforeEach(() => {
    networkCalls = [];
    window.fetch = (input: RequestInfo | URL) => {
      networkCalls.push(String(input instanceof Request ? input.url : input));
      return Promise.reject(new TypeError('no network in this test'));
    };
    window.EventSource = NativeEventSource;
  });

  afterEach(() => {
    // The widgets go first: one left on the page would reopen its stream with the browser's EventSource.
    fixtureCleanup();
    uninstall?.();
    uninstall = undefined;
    window.fetch = realFetch;
    expect(networkCalls).to.deep.equal([]);
  });

  after(() => {
    window.EventSource = BrowserEventSource;
  });

  it('install(): a widget with events-url follows a control through the simulated event stream', async () => {
    const simulator = createSimulator();
    uninstall = simulator.install();
    const el = await mount<ClimateOrderStatus>(html`<climate-order-status lang="en" endpoint="/api/climate/orders" order-id="climorder_sim_confirmed" events-url="/api/events"></climate-order-status>`);
    await until(() => shadowText(el).includes('Confirmed'), 'the confirmed order');
    const reloaded = oneEvent(el, 'swk-load');
    const delivered = await simulator.controls.climate.deliverOrder('climorder_sim_confirmed');
    expect(delivered.status).to.equal('delivered');
    await reloaded;
    await until(() => part(el, '[part~="status"]').textContent!.includes('Delivered'), `the delivered order: ${shadowText(el)}`);
    await expect(el).to.be.accessible();
  });

  it('install() leaves other streams to the browser, and its undo restores fetch and EventSource', () => {
    const simulator = createSimulator();
    const before = getConfig().fetch;
    uninstall = simulator.install();
    expect(getConfig().fetch).to.equal(simulator);
    const own = new EventSource('/api/events');
    const other = new EventSource('/somewhere-else/events');
    try {
      expect(own).to.be.instanceOf(simulator.EventSource);
      expect(other).to.be.instanceOf(NativeEventSource);
      expect(other).not.to.be.instanceOf(simulator.EventSource);
    } finally {
      own.close();
      other.close();
    }
    uninstall();
    uninstall = undefined;
    expect(window.EventSource).to.equal(NativeEventSource);
    expect(getConfig().fetch).to.equal(before);
    // The one stream the browser opened: the page's own.
    expect(networkCalls.splice(0)).to.deep.equal(['EventSource /somewhere-else/events']);
  });

  it("its EventSource hears the backend's wire events, as a server's stream sends them", async () => {
    const simulator = createSimulator();
    const source = new simulator.EventSource(simulator.eventsUrl);
    try {
      await new Promise((opened) => source.addEventListener('open', opened, { once: true }));
      const message = new Promise<MessageEvent>((heard) => source.addEventListener('message', heard, { once: true }));
      await simulator.controls.sharedPayment.revokeToken('spt_sim_active');
      const heard = await message;
      expect(JSON.parse(heard.data as string)).to.deep.equal({ type: 'shared_payment.granted_token.deactivated', id: 'spt_sim_active', object: 'shared_payment.granted_token' });
      expect(heard.lastEventId).to.match(/^\d+-\d+$/);
    } finally {
      source.close();
    }
  });

  it('rejects a control Stripe would refuse with its status and message', async () => {
    const { controls } = createSimulator();
    const refused = await controls.climate.deliverOrder('climorder_sim_delivered').catch((e: unknown) => e);
    expect(refused).to.be.instanceOf(SimulatorControlError);
    expect((refused as SimulatorControlError).status).to.equal(400);
    const missing = await controls.capital.replaceOffer('financingoffer_nope').catch((e: unknown) => e);
    expect((missing as SimulatorControlError).status).to.equal(404);
  });

  describe('simulatedStripe(): <fc-link-account> outcomes', () => {
    async function link(outcome: SimulatedBankOutcome) {
      const simulator = createSimulator();
      const el = await mount<FcLinkAccount>(html`<fc-link-account lang="en" endpoint="/api/financial_connections/sessions" permissions="balances" .fetcher=${simulator} .stripe=${simulator.simulatedStripe({ outcome })}></fc-link-account>`);
      return el;
    }

    it('linked: the simulator links its two accounts', async () => {
      const el = await link('linked');
      const linked = oneEvent(el, 'swk-linked');
      part<HTMLButtonElement>(el, 'button[part="button"]').click();
      expect(((await linked) as CustomEvent<FcLinkResult>).detail.accounts.map((a) => a.display_name)).to.deep.equal(['Premium Checking', 'High Yield Savings']);
      await until(() => shadowText(el).includes('High Yield Savings'), 'the linked accounts');
      await expect(el).to.be.accessible();
    });

    for (const outcome of ['empty', 'canceled'] as const) {
      it(`${outcome}: no account linked, swk-empty`, async () => {
        const el = await link(outcome);
        const empty = oneEvent(el, 'swk-empty');
        part<HTMLButtonElement>(el, 'button[part="button"]').click();
        await empty;
        await expect(el).to.be.accessible();
      });
    }

    it("error: Stripe.js's error result, shown with Retry", async () => {
      const el = await link('error');
      const failed = oneEvent(el, 'swk-error');
      part<HTMLButtonElement>(el, 'button[part="button"]').click();
      expect(((await failed) as CustomEvent<SwkErrorDetail>).detail.error).to.deep.include({ kind: 'stripe', message: SIMULATED_BANK_ERROR.message });
      await until(() => el.shadowRoot!.querySelector('[part~="retry-button"]') !== null, `Retry: ${shadowText(el)}`);
      await expect(el).to.be.accessible();
    });
  });

  it('a FakeClock shared with the widget: the token expires when the test moves time, on screen and on the backend', async () => {
    const clock = new FakeClock(Date.UTC(2026, 5, 1, 12));
    const simulator = createSimulator({ clock });
    const token = await simulator.controls.sharedPayment.grantToken({ payment_method: 'pm_card_visa', usage_limits: { currency: 'usd', max_amount: 5000, expires_at: clock.now() / 1000 + 120 } });
    const el = await mount<SptTokenStatus>(html`<spt-token-status lang="en" endpoint="/api/shared_payment/granted_tokens" token-id=${token.id} .fetcher=${simulator} .clock=${clock}></spt-token-status>`);
    await until(() => shadowText(el).includes('Active'), `the active token: ${shadowText(el)}`);
    const expired = oneEvent(el, 'swk-token-expired');
    clock.tick(121_000);
    await expired;
    await until(() => shadowText(el).includes('Expired'), `the expired token: ${shadowText(el)}`);
    const read = (await (await simulator(`/api/shared_payment/granted_tokens/${token.id}`)).json()) as { deactivated_reason: string | null };
    expect(read.deactivated_reason).to.equal('expired');
  });
});
