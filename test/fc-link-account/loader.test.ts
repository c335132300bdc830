import { expect, html } from '@open-wc/testing';
import type { Stripe, StripeConstructor, StripeConstructorOptions } from '@stripe/stripe-js';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/fc-link-account/define.js';
import type { FcLinkAccount } from '../../src/fc-link-account/define.js';
import { afterMicrotasks, fakeBackend, mount, part, shadowText, until } from '../helpers.js';
import { account, fakeStripe, linked, SECRET } from './fake-stripe.js';

const stripeScripts = () => document.querySelectorAll('script[src*="js.stripe.com"]').length;

/**
 * Stands in for the global `Stripe` that js.stripe.com defines, so the real `@stripe/stripe-js/pure`
 * loader finds it and injects no script (tests never reach the internet). The loader keeps the first
 * constructor it finds for the page, so one constructor serves every test and each test resets it.
 */
const constructed: { key: string; options: StripeConstructorOptions | undefined }[] = [];
let instance = fakeStripe(async () => linked([account()]));

function installGlobalStripe() {
  constructed.length = 0;
  instance = fakeStripe(async () => linked([account()]));
  const constructor = Object.assign(
    (key: string, options?: StripeConstructorOptions) => {
      constructed.push({ key, options });
      return instance.stripe;
    },
    { version: 'endive' },
  );
  window.Stripe = constructor as unknown as StripeConstructor;
  return { constructed, fake: instance };
}

describe('fc-link-account loading Stripe.js', () => {
  afterEach(() => {
    delete window.Stripe;
  });

  it('makes no request and adds no Stripe.js script while nobody acts', async () => {
    const backend = fakeBackend(() => ({ json: { client_secret: SECRET } }));
    const given = fakeStripe(async () => linked([]));
    const el = await mount<FcLinkAccount>(html`<div>
      <fc-link-account endpoint="/a" publishable-key="pk_test_idle" .fetcher=${backend.fetcher}></fc-link-account>
      <fc-link-account endpoint="/b" .fetcher=${backend.fetcher} .stripe=${given.stripe}></fc-link-account>
    </div>`);
    const widgets = [...el.querySelectorAll<FcLinkAccount>('fc-link-account')];
    expect(widgets).to.have.length(2);
    await Promise.all(widgets.map((widget) => widget.updateComplete));
    expect(widgets.map(shadowText)).to.deep.equal(['Link bank account', 'Link bank account']);
    // Requests reach the fetcher synchronously; Stripe.js waits behind one dynamic import of the `pure`
    // loader, which adds its script synchronously. Once the widgets have rendered, that import has
    // resolved here too and its callbacks have run, a load their lifecycle had begun would show.
    await import('@stripe/stripe-js/pure');
    await afterMicrotasks();
    expect(stripeScripts()).to.equal(0);
    expect(window.Stripe).to.equal(undefined);
    expect(backend.calls).to.have.length(0);
    expect(given.calls).to.have.length(0);
  });

  it('loads Stripe.js on click with the key and connected account the endpoint returns', async () => {
    const { constructed, fake } = installGlobalStripe();
    const backend = fakeBackend(() => ({ json: { client_secret: SECRET, publishable_key: 'pk_test_server', stripe_account: 'acct_server' } }));
    const el = await mount<FcLinkAccount>(html`<fc-link-account endpoint="/x" publishable-key="pk_test_attr" .fetcher=${backend.fetcher}></fc-link-account>`);
    part<HTMLButtonElement>(el, 'button[part="button"]').click();
    await until(() => shadowText(el).includes('Linked accounts'), 'linked state');
    expect(constructed.map((c) => [c.key, c.options?.stripeAccount])).to.deep.include(['pk_test_server', 'acct_server']);
    expect(fake.calls).to.deep.equal([{ clientSecret: SECRET }]);
    expect(stripeScripts()).to.equal(0);
  });

  it('uses its own publishable-key and stripe-account when the endpoint returns none', async () => {
    const { constructed, fake } = installGlobalStripe();
    const backend = fakeBackend(() => ({ json: { client_secret: SECRET } }));
    const el = await mount<FcLinkAccount>(html`<fc-link-account endpoint="/x" publishable-key="pk_test_own" stripe-account="acct_own" .fetcher=${backend.fetcher}></fc-link-account>`);
    part<HTMLButtonElement>(el, 'button[part="button"]').click();
    await until(() => fake.calls.length === 1, 'bank flow');
    expect(constructed.map((c) => [c.key, c.options?.stripeAccount])).to.deep.include(['pk_test_own', 'acct_own']);
  });

  it('warms Stripe.js when the button gets focus, before any request', async () => {
    const { constructed } = installGlobalStripe();
    const backend = fakeBackend(() => ({ json: { client_secret: SECRET } }));
    const el = await mount<FcLinkAccount>(html`<fc-link-account endpoint="/x" publishable-key="pk_test_warm" .fetcher=${backend.fetcher}></fc-link-account>`);
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'button[part="button"]'));
    await until(() => constructed.some((c) => c.key === 'pk_test_warm'), 'Stripe.js warmed');
    expect(backend.calls).to.have.length(0);
  });

  it('uses the given stripe property instead of loading Stripe.js', async () => {
    const { constructed } = installGlobalStripe();
    const given = fakeStripe(async () => linked([account()]));
    const backend = fakeBackend(() => ({ json: { client_secret: SECRET, publishable_key: 'pk_test_unused' } }));
    const el = await mount<FcLinkAccount>(html`<fc-link-account endpoint="/x" publishable-key="pk_test_unused2" .fetcher=${backend.fetcher} .stripe=${Promise.resolve(given.stripe as Stripe)}></fc-link-account>`);
    part<HTMLButtonElement>(el, 'button[part="button"]').dispatchEvent(new PointerEvent('pointerenter'));
    part<HTMLButtonElement>(el, 'button[part="button"]').click();
    await until(() => given.calls.length === 1, 'bank flow on the given instance');
    expect(constructed).to.have.length(0);
  });
});
