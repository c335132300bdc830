import { expect, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/fc-link-account/define.js';
import type { FcLinkAccount } from '../../src/fc-link-account/define.js';
import { expectNoBrokenText, fakeBackend, mount, oneEvent, part, shadowText, until } from '../helpers.js';
import { account, deferred, fakeStripe, linked, SECRET, secretAnswer } from './fake-stripe.js';

const twoAccounts = linked([
  account(),
  account({ id: 'fca_789', institution_name: 'Sakura Bank', display_name: 'Savings', last4: '0001', subcategory: 'savings', status: 'inactive' }),
]);

function linkButton(el: FcLinkAccount) {
  return part<HTMLButtonElement>(el, 'button[part="button"]');
}

function setup(options: { lang?: string; answer?: Parameters<typeof fakeBackend>[0]; collect?: Parameters<typeof fakeStripe>[0] } = {}) {
  const backend = fakeBackend(options.answer ?? (() => secretAnswer));
  const fake = fakeStripe(options.collect ?? (async () => twoAccounts));
  const mountIt = () =>
    mount<FcLinkAccount>(html`<fc-link-account
      lang=${options.lang ?? 'en'}
      endpoint="/api/financial_connections/sessions"
      permissions="balances ownership"
      prefetch="balances"
      .fetcher=${backend.fetcher}
      .stripe=${fake.stripe}
    ></fc-link-account>`);
  return { backend, fake, mountIt };
}

function secretLeaked(el: FcLinkAccount): boolean {
  const places = [el.outerHTML, el.shadowRoot!.innerHTML, shadowText(el), location.href, JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage })];
  return places.some((text) => text.includes(SECRET));
}

describe('fc-link-account flow', () => {
  it('shows only the link button until the user acts, with no request made', async () => {
    const { backend, fake, mountIt } = setup();
    const el = await mountIt();
    // Rendered: a widget that loads on its own has sent its request by now (willUpdate, before the first render).
    await el.updateComplete;
    expect(shadowText(el)).to.equal('Link bank account');
    expect(backend.calls).to.have.length(0);
    expect(fake.calls).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('uses slotted text as the button label', async () => {
    const backend = fakeBackend(() => secretAnswer);
    const el = await mount<FcLinkAccount>(html`<fc-link-account endpoint="/x" .fetcher=${backend.fetcher}>Connect your bank</fc-link-account>`);
    expect(el.textContent).to.equal('Connect your bank');
    const slot = part<HTMLSlotElement>(el, 'button[part="button"] slot');
    expect(slot.assignedNodes().map((n) => n.textContent).join('')).to.equal('Connect your bank');
  });

  it('creates one session, runs the bank flow and lists the linked accounts', async () => {
    const { backend, fake, mountIt } = setup();
    const el = await mountIt();
    const linkedEvent = oneEvent(el, 'swk-linked');
    const loadEvent = oneEvent(el, 'swk-load');
    linkButton(el).click();
    const { detail } = await linkedEvent;
    await loadEvent;
    await until(() => shadowText(el).includes('Linked accounts'), 'linked state');

    expect(backend.calls).to.have.length(1);
    const [call] = backend.calls;
    expect(call!.method).to.equal('POST');
    expect(call!.url).to.equal('/api/financial_connections/sessions');
    expect(call!.body).to.deep.equal({ permissions: ['balances', 'ownership'], prefetch: ['balances'] });
    expect(call!.headers.get('Idempotency-Key')).to.match(/^swk_/);
    expect(fake.calls).to.deep.equal([{ clientSecret: SECRET }]);

    expect(detail.sessionId).to.equal('fcsess_123');
    expect(detail.accounts.map((a: { id: string }) => a.id)).to.deep.equal(['fca_456', 'fca_789']);
    expect(JSON.stringify(detail)).not.to.include(SECRET);

    const items = [...el.shadowRoot!.querySelectorAll('[part="account"]')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(items).to.have.length(2);
    expect(items[0]).to.include('Test Bank').and.include('Premium Checking').and.include('Cash · Checking').and.include('•••• 4242').and.include('Active');
    expect(items[1]).to.include('Sakura Bank').and.include('Cash · Savings').and.include('•••• 0001').and.include('Inactive');
    expect(part(el, '[role="status"]').textContent).to.equal('2 accounts linked.');
    expect(secretLeaked(el)).to.equal(false);
    expectNoBrokenText(el);
    await until(() => el.shadowRoot!.activeElement === part(el, '[part="title"]'), 'focus on the result heading');
    await expect(el).to.be.accessible();
  });

  it('is busy while creating the session: a second click makes no second POST', async () => {
    const post = deferred<{ json: unknown }>();
    const flow = deferred<ReturnType<typeof linked>>();
    const { backend, fake, mountIt } = setup({ answer: () => post.promise, collect: () => flow.promise });
    const el = await mountIt();
    linkButton(el).click();
    await until(() => shadowText(el).includes('Starting a secure session'), 'creating state');
    expect(linkButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect(linkButton(el).getAttribute('aria-busy')).to.equal('true');
    expect(part(el, '[role="status"]').textContent).to.equal('Starting a secure session…');
    linkButton(el).click();
    linkButton(el).click();
    // A POST starts inside the click handler; the count is checked again once the first one answered.
    expect(backend.calls).to.have.length(1);
    await expect(el).to.be.accessible();

    post.resolve(secretAnswer);
    await until(() => shadowText(el).includes('Waiting for you to finish'), 'waiting state');
    expect(part(el, '[role="status"]').textContent).to.equal('Waiting for you to finish linking in the bank window…');
    linkButton(el).click();
    expect(backend.calls).to.have.length(1);
    expect(fake.calls).to.have.length(1);
    expect(secretLeaked(el)).to.equal(false);
    await expect(el).to.be.accessible();

    flow.resolve(linked([], 'fcsess_empty'));
    await until(() => shadowText(el).includes('No account was linked'), 'empty state');
  });

  it('says so when nothing was linked, fires swk-empty and offers a new session', async () => {
    const { backend, mountIt } = setup({ collect: async () => linked([], 'fcsess_none') });
    const el = await mountIt();
    const emptyEvent = oneEvent(el, 'swk-empty');
    let linkedFired = false;
    el.addEventListener('swk-linked', () => (linkedFired = true));
    linkButton(el).click();
    const { detail } = await emptyEvent;
    expect(detail).to.deep.equal({ sessionId: 'fcsess_none' });
    await until(() => shadowText(el).includes('No account was linked'), 'empty state');
    expect(linkedFired).to.equal(false);
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    expect(part(el, '[role="status"]').textContent).to.equal('No account was linked');
    await until(() => el.shadowRoot!.activeElement === part(el, '[part="title"]'), 'focus on the empty heading');
    await expect(el).to.be.accessible();

    part<HTMLButtonElement>(el, '[part="try-again-button"]').click();
    await until(() => backend.calls.length === 2, 'second POST');
    expect(backend.calls[1]!.headers.get('Idempotency-Key')).not.to.equal(backend.calls[0]!.headers.get('Idempotency-Key'));
  });

  it('"Link another account" starts a new session with a new key', async () => {
    const { backend, fake, mountIt } = setup();
    const el = await mountIt();
    linkButton(el).click();
    await until(() => shadowText(el).includes('Linked accounts'), 'linked state');
    part<HTMLButtonElement>(el, '[part="link-another-button"]').click();
    await until(() => fake.calls.length === 2, 'second bank flow');
    expect(backend.calls).to.have.length(2);
    expect(backend.calls[1]!.headers.get('Idempotency-Key')).not.to.equal(backend.calls[0]!.headers.get('Idempotency-Key'));
  });

  it('renders hostile strings as text and unknown or missing values without breaking', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const odd = {
      ...account({ id: 'fca_odd', institution_name: hostile, display_name: hostile }),
      category: 'Checking',
      subcategory: 'joint_account',
      status: 'frozen',
      last4: null,
    } as unknown as ReturnType<typeof account>;
    const bare = { id: 'fca_bare', object: 'financial_connections.account' } as unknown as ReturnType<typeof account>;
    const { mountIt } = setup({ collect: async () => linked([odd, bare]) });
    const el = await mountIt();
    linkButton(el).click();
    await until(() => shadowText(el).includes('Linked accounts'), 'linked state');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    const [first, second] = [...el.shadowRoot!.querySelectorAll('[part="account"]')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(first).to.include(hostile).and.include('Checking · joint_account').and.include('Unknown (frozen)');
    expect(first).not.to.include('••••');
    expect(second).to.equal('Bank');
    expectNoBrokenText(el);
    await expect(el).to.be.accessible();
  });

  it('speaks Japanese with lang="ja"', async () => {
    const { mountIt } = setup({ lang: 'ja' });
    const el = await mountIt();
    expect(shadowText(el)).to.equal('銀行口座を連携');
    await expect(el).to.be.accessible();
    linkButton(el).click();
    await until(() => shadowText(el).includes('連携済みの口座'), 'linked state in ja');
    expect(shadowText(el)).to.include('2 件の口座を連携しました。').and.include('現金 · 当座預金').and.include('有効').and.include('別の口座を連携');
    expect(part(el, '[role="status"]').textContent).to.equal('2 件の口座を連携しました。');
    await expect(el).to.be.accessible();
  });

  it('shows the empty state in Japanese', async () => {
    const { mountIt } = setup({ lang: 'ja', collect: async () => linked([]) });
    const el = await mountIt();
    linkButton(el).click();
    await until(() => shadowText(el).includes('口座は連携されませんでした'), 'empty state in ja');
    expect(shadowText(el)).to.include('もう一度試す');
    await expect(el).to.be.accessible();
  });

  it('works from the keyboard: Tab to the button, Enter starts the flow', async () => {
    const { fake, mountIt } = setup();
    const el = await mountIt();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(linkButton(el));
    await sendKeys({ press: 'Enter' });
    await until(() => fake.calls.length === 1, 'bank flow');
    await until(() => el.shadowRoot!.activeElement === part(el, '[part="title"]'), 'focus on the result heading');
  });

  it('stays readable on a 320 px wide screen', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const { mountIt } = setup();
      const el = await mountIt();
      linkButton(el).click();
      await until(() => shadowText(el).includes('Linked accounts'), 'linked state');
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
      for (const node of el.shadowRoot!.querySelectorAll<HTMLElement>('[part="account"], [part="link-another-button"]')) {
        expect(node.scrollWidth, node.getAttribute('part')!).to.be.at.most(node.clientWidth + 1);
        expect(node.getBoundingClientRect().right).to.be.at.most(320);
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
