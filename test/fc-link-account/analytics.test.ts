import { expect, html } from '@open-wc/testing';
import '../../src/fc-link-account/define.js';
import type { FcLinkAccount } from '../../src/fc-link-account/define.js';
import { financialConnectionsAccountDetails } from '../../src/testing/builders/financial-connections.js';
import { fakeBackend, mount, part, shadowText, stripeError, until, type FakeAnswer } from '../helpers.js';
import { recordFlow, recordSwkEvents } from '../swk-events.js';
import { account, fakeStripe, linked, SECRET, secretAnswer } from './fake-stripe.js';

/** Everything personal the linked accounts carry: none of it may reach an analytics event. */
const PERSONAL = ['Test Bank', 'Premium Checking', '4242', 'Sakura Bank', 'Savings', '0001', 'fca_456', 'fca_789', SECRET];

function setup(answers: FakeAnswer[], collect: Parameters<typeof fakeStripe>[0] = async () => linked([account(), account({ id: 'fca_789', institution_name: 'Sakura Bank', display_name: 'Savings', last4: '0001' })])) {
  let next = 0;
  const backend = fakeBackend(() => answers[Math.min(next++, answers.length - 1)]!);
  const fake = fakeStripe(collect);
  const mountIt = () =>
    mount<FcLinkAccount>(html`<fc-link-account
      endpoint="/api/financial_connections/sessions"
      permissions="balances ownership"
      .fetcher=${backend.fetcher}
      .stripe=${fake.stripe}
    ></fc-link-account>`);
  return { backend, mountIt };
}

const click = (el: FcLinkAccount, selector = 'button[part="button"]') => part<HTMLButtonElement>(el, selector).click();

describe('fc-link-account analytics events', () => {
  let events: ReturnType<typeof recordSwkEvents>;
  beforeEach(() => (events = recordSwkEvents()));
  afterEach(() => events.stop());

  it('linked: link_started, then linked with the session id only', async () => {
    const el = await setup([secretAnswer]).mountIt();
    click(el);
    await until(() => shadowText(el).includes('Linked accounts'), 'the linked state');
    expect(events.names()).to.deep.equal(['link_started', 'linked']);
    expect(events.dom[1]).to.include({ tag: 'fc-link-account', objectId: 'fcsess_123' });
    expect(events.callback).to.deep.equal(events.dom);
    const sent = JSON.stringify(events.dom);
    for (const personal of PERSONAL) expect(sent, personal).not.to.include(personal);
  });

  it('empty: link_started, then link_empty', async () => {
    const el = await setup([secretAnswer], async () => linked([], 'fcsess_empty')).mountIt();
    click(el);
    await until(() => shadowText(el).includes('No account was linked'), 'the empty state');
    expect(events.dom.map(({ name, objectId }) => [name, objectId])).to.deep.equal([
      ['link_started', undefined],
      ['link_empty', 'fcsess_empty'],
    ]);
  });

  it('canceled: leaving the page mid-flow reports link_canceled (to onEvent; the element is detached)', async () => {
    const { backend, mountIt } = setup(['hang']);
    const el = await mountIt();
    click(el);
    await until(() => backend.calls.length === 1, 'the session POST');
    const parent = el.parentElement!;
    el.remove();
    expect(events.callback.map((e) => e.name)).to.deep.equal(['link_started', 'link_canceled']);
    // Coming back shows the button again: nothing more is reported until the user acts.
    parent.append(el);
    await el.updateComplete;
    expect(events.callback.map((e) => e.name)).to.deep.equal(['link_started', 'link_canceled']);
  });

  it('canceled: a new endpoint mid-flow reports link_canceled; leaving after a finished flow reports nothing', async () => {
    const { backend, mountIt } = setup(['hang']);
    const el = await mountIt();
    click(el);
    await until(() => backend.calls.length === 1, 'the session POST');
    el.endpoint = '/api/other/sessions';
    await el.updateComplete;
    expect(events.names()).to.deep.equal(['link_started', 'link_canceled']);
    el.remove();
    expect(events.callback.map((e) => e.name)).to.deep.equal(['link_started', 'link_canceled']);
  });

  it('error then retry: error with its kind, retried, then linked', async () => {
    const el = await setup(['network-error', secretAnswer]).mountIt();
    click(el);
    await until(() => Boolean(el.shadowRoot!.querySelector('[part="retry-button"]')), 'the error state');
    click(el, '[part="retry-button"]');
    await until(() => shadowText(el).includes('Linked accounts'), 'the linked state');
    expect(events.dom.map(({ name, errorKind }) => (errorKind ? `${name}:${errorKind}` : name))).to.deep.equal(['link_started', 'error:network', 'retried', 'linked']);
  });

  it('with accounts-endpoint: owners that cannot be read report error (beside swk-error), and no account id leaves', async () => {
    const accounts = '/api/financial_connections/accounts';
    const backend = fakeBackend((call) => {
      if (call.url === `${accounts}/fca_456/owners`) return stripeError(500, 'An error occurred with our connection to Stripe.', 'api_error', 'api_error');
      if (call.url === `${accounts}/fca_456`) return { json: financialConnectionsAccountDetails() };
      return secretAnswer;
    });
    const flow = recordFlow(['swk-linked', 'swk-load', 'swk-error']);
    try {
      const el = await mount<FcLinkAccount>(html`<fc-link-account
        endpoint="/api/financial_connections/sessions"
        accounts-endpoint=${accounts}
        permissions="balances ownership"
        .fetcher=${backend.fetcher}
        .stripe=${fakeStripe(async () => linked([account()])).stripe}
      ></fc-link-account>`);
      click(el);
      await until(() => shadowText(el).includes('The owners could not be retrieved.'), 'the owners failure');
      await until(() => flow.log.at(-1) === 'swk-load', "the account's load");
      expect(shadowText(el)).to.include('$1,234.56');
      expect(flow.log).to.deep.equal(['event:link_started', 'event:linked', 'swk-linked', 'swk-load', 'swk-error', 'event:error', 'swk-load']);
      expect(events.dom.map(({ name, objectId, errorKind }) => [name, objectId, errorKind])).to.deep.equal([
        ['link_started', undefined, undefined],
        ['linked', 'fcsess_123', undefined],
        ['error', undefined, 'stripe'],
      ]);
      expect(events.callback).to.deep.equal(events.dom);
      const sent = JSON.stringify(events.dom);
      for (const personal of [...PERSONAL, 'Jenny Rosen', 'fcaowns_789']) expect(sent, personal).not.to.include(personal);
    } finally {
      flow.stop();
    }
  });
});
