import { expect, html } from '@open-wc/testing';
import '../../src/fc-link-account/define.js';
import type { FcLinkAccount, FcLinkResult } from '../../src/fc-link-account/define.js';
import { createSimulatedStripe, SIMULATED_BANK_ERROR } from '../../src/fc-link-account/simulated-stripe-js.js';
import type { SwkErrorDetail } from '../../src/core/events.js';
import type { PublishedEvent } from '../../server/event-hub.js';
import { createSimulatorFetch } from '../../server/simulator-fetch.js';
import { fakeBackend, mount, oneEvent, part, shadowText, until } from '../helpers.js';

// <fc-link-account> against the reference simulator with nothing but the package: the simulator's
// session answer makes the widget load the shipped simulated Stripe.js (no publishable key, nothing
// from js.stripe.com), which completes the session on the simulator.
describe('<fc-link-account> with the simulated Stripe.js', () => {
  const stripeScripts = () => document.querySelectorAll('script[src*="stripe.com"]').length;

  function widget(fetcher: unknown, stripe?: unknown) {
    return mount<FcLinkAccount>(html`<fc-link-account
      lang="en"
      endpoint="/api/financial_connections/sessions"
      permissions="balances"
      .fetcher=${fetcher}
      .stripe=${stripe}
    ></fc-link-account>`);
  }

  it('links the simulator\'s two active accounts, as the README says, with no key and no Stripe.js', async () => {
    const simulator = createSimulatorFetch();
    const published: PublishedEvent[] = [];
    simulator.backend.hub.subscribe((event) => published.push(event));
    const el = await widget(simulator);
    const linked = oneEvent(el, 'swk-linked');
    part<HTMLButtonElement>(el, 'button[part="button"]').click();
    const result = ((await linked) as CustomEvent<FcLinkResult>).detail;
    expect(result.accounts.map((a) => a.display_name)).to.deep.equal(['Premium Checking', 'High Yield Savings']);
    expect(result.sessionId).to.match(/^fcsess_sim_/);
    await until(() => shadowText(el).includes('High Yield Savings'), 'the linked accounts on screen');
    expect(published.map((e) => e.type)).to.deep.equal(['financial_connections.account.created', 'financial_connections.account.created']);
    expect(stripeScripts()).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('completes through the widget\'s own fetcher, at the URL the answer names relative to the endpoint', async () => {
    const backend = fakeBackend((call) =>
      call.url.endsWith('/complete')
        ? { json: { financialConnectionsSession: { id: 'fcsess_sim_1', accounts: [] } } }
        : { json: { client_secret: 'fcsess_sim_1_secret_x', simulated_stripe_js: { complete_url: '../simulator/complete' } } },
    );
    const el = await widget(backend.fetcher);
    const empty = oneEvent(el, 'swk-empty');
    part<HTMLButtonElement>(el, 'button[part="button"]').click();
    await empty;
    const complete = backend.calls.at(-1)!;
    expect(complete.url).to.equal(new URL('/api/simulator/complete', location.href).href);
    expect(complete.method).to.equal('POST');
    expect(complete.body).to.deep.equal({ client_secret: 'fcsess_sim_1_secret_x' });
  });

  it('refuses a completion URL on another origin: the client secret never leaves', async () => {
    const backend = fakeBackend(() => ({ json: { client_secret: 'fcsess_sim_1_secret_x', simulated_stripe_js: { complete_url: 'https://evil.example/complete' } } }));
    const el = await widget(backend.fetcher);
    const failed = oneEvent(el, 'swk-error');
    part<HTMLButtonElement>(el, 'button[part="button"]').click();
    expect(((await failed) as CustomEvent<SwkErrorDetail>).detail.error.kind).to.equal('stripe_js');
    expect(backend.calls).to.have.length(1);
  });

  it('plays the empty, canceled and error outcomes a test asks for', async () => {
    const simulator = createSimulatorFetch();
    const completeUrl = '/api/simulator/financial_connections/sessions/complete';
    for (const outcome of ['empty', 'canceled'] as const) {
      const el = await widget(simulator, createSimulatedStripe({ completeUrl, fetch: simulator, outcome }));
      const empty = oneEvent(el, 'swk-empty');
      part<HTMLButtonElement>(el, 'button[part="button"]').click();
      await empty;
      await until(() => el.shadowRoot!.querySelector('[part="try-again-button"]') !== null, `${outcome}: Try again`);
    }
    const el = await widget(simulator, createSimulatedStripe({ completeUrl, fetch: simulator, outcome: 'error' }));
    const failed = oneEvent(el, 'swk-error');
    part<HTMLButtonElement>(el, 'button[part="button"]').click();
    const error = ((await failed) as CustomEvent<SwkErrorDetail>).detail.error;
    expect([error.kind, error.type, error.message]).to.deep.equal(['stripe', SIMULATED_BANK_ERROR.type, SIMULATED_BANK_ERROR.message]);
  });

  it('links exactly the accounts a test names', async () => {
    const simulator = createSimulatorFetch();
    const stripe = createSimulatedStripe({ completeUrl: '/api/simulator/financial_connections/sessions/complete', fetch: simulator, accountIds: ['fca_sim_test_bank'] });
    const el = await widget(simulator, stripe);
    const linked = oneEvent(el, 'swk-linked');
    part<HTMLButtonElement>(el, 'button[part="button"]').click();
    expect(((await linked) as CustomEvent<FcLinkResult>).detail.accounts.map((a) => a.display_name)).to.deep.equal(['Everyday Account']);
  });
});
