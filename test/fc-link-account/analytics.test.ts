import { expect, html } from '@open-wc/testing';
import '../../src/fc-link-account/define.js';
import type { FcLinkAccount } from '../../src/fc-link-account/define.js';
import { fakeBackend, mount, part, shadowText, until, type FakeAnswer } from '../helpers.js';
import { recordSwkEvents } from '../swk-events.js';
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
});
