import { expect, html } from '@open-wc/testing';
import type { Stripe } from '@stripe/stripe-js';
import '../../src/fc-link-account/define.js';
import type { FcLinkAccount } from '../../src/fc-link-account/define.js';
import type { SwkErrorDetail } from '../../src/core/events.js';
import { afterMicrotasks, expectNoBrokenText, fakeBackend, type FakeAnswer, heldAnswer, mount, part, shadowText, stripeError, until } from '../helpers.js';
import { account, fakeStripe, linked, SECRET, secretAnswer } from './fake-stripe.js';

interface Setup {
  answers?: FakeAnswer[];
  collect?: Parameters<typeof fakeStripe>[0];
  stripe?: Stripe | Promise<Stripe | null>;
  permissions?: string;
  lang?: string;
  timeout?: number;
}

async function setup(options: Setup = {}) {
  const answers = options.answers ?? [secretAnswer];
  const backend = fakeBackend(() => answers[Math.min(backend.calls.length - 1, answers.length - 1)]!);
  const fake = fakeStripe(options.collect ?? (async () => linked([account()])));
  const el = await mount<FcLinkAccount>(html`<fc-link-account
    lang=${options.lang ?? 'en'}
    endpoint="/api/financial_connections/sessions"
    permissions=${options.permissions ?? 'balances'}
    timeout=${options.timeout ?? 15}
    .fetcher=${backend.fetcher}
    .stripe=${options.stripe ?? fake.stripe}
  ></fc-link-account>`);
  const errors: SwkErrorDetail[] = [];
  el.addEventListener('swk-error', (e) => errors.push(e.detail));
  part<HTMLButtonElement>(el, 'button[part="button"]').click();
  return { el, backend, fake, errors };
}

async function errorShown(el: FcLinkAccount, errors: SwkErrorDetail[]) {
  await until(() => el.shadowRoot!.querySelector('[role="alert"]') !== null && errors.length > 0, 'error state');
  expectNoBrokenText(el);
  expect(shadowText(el)).not.to.include(SECRET);
  expect(JSON.stringify(errors)).not.to.include(SECRET);
  return errors[0]!.error;
}

const retry = (el: FcLinkAccount) => part<HTMLButtonElement>(el, '[part="retry-button"]').click();

/** A rejected promise whose rejection is already observed, so it is not reported as unhandled. */
function rejected<T>(reason: unknown): Promise<T> {
  const promise = Promise.reject(reason);
  promise.catch(() => {});
  return promise as Promise<T>;
}

describe('fc-link-account errors', () => {
  it('shows a Stripe error body from the backend; Retry reuses the same Idempotency-Key', async () => {
    const { el, backend, fake, errors } = await setup({ answers: [stripeError(500, 'Something broke at Stripe', 'api_error', 'api_error'), secretAnswer] });
    const error = await errorShown(el, errors);
    expect(error).to.include({ kind: 'stripe', status: 500, message: 'Something broke at Stripe' });
    const text = shadowText(el);
    expect(text).to.include('Linking your bank account failed').and.include('Stripe returned an error.').and.include('Something broke at Stripe').and.include('req_test_123');
    expect(fake.calls).to.have.length(0);
    expect(part(el, '[role="status"]').textContent).to.equal('Linking your bank account failed');
    await until(() => el.shadowRoot!.activeElement === part(el, '[part="retry-button"]'), 'focus on Retry');
    await expect(el).to.be.accessible();

    retry(el);
    await until(() => shadowText(el).includes('Linked accounts'), 'linked after retry');
    expect(backend.calls).to.have.length(2);
    expect(backend.calls[1]!.headers.get('Idempotency-Key')).to.equal(backend.calls[0]!.headers.get('Idempotency-Key'));
  });

  it('reports an HTML error page as a server error', async () => {
    const { el, errors } = await setup({ answers: [{ status: 502, text: '<html><body>Bad gateway</body></html>' }] });
    const error = await errorShown(el, errors);
    expect(error).to.include({ kind: 'http', status: 502 });
    expect(shadowText(el)).to.include('The server returned an error.').and.not.include('Bad gateway');
    await expect(el).to.be.accessible();
  });

  it('reports malformed JSON and a missing client_secret as an unreadable answer, without opening Stripe', async () => {
    for (const answer of [{ text: '{"client_secret": ' }, { json: { publishable_key: 'pk_test_1' } }, { json: { client_secret: '' } }]) {
      const { el, fake, errors } = await setup({ answers: [answer] });
      const error = await errorShown(el, errors);
      expect(error.kind).to.equal('invalid_response');
      expect(shadowText(el)).to.include('The server sent an answer we could not read.');
      expect(fake.calls).to.have.length(0);
    }
  });

  it('times out when the backend does not answer', async () => {
    const { el, errors } = await setup({ answers: ['hang'], timeout: 0.05 });
    const error = await errorShown(el, errors);
    expect(error.kind).to.equal('timeout');
    expect(shadowText(el)).to.include('The server took too long to answer.');
  });

  it('reports a network failure', async () => {
    const { el, errors } = await setup({ answers: ['network-error'] });
    expect((await errorShown(el, errors)).kind).to.equal('network');
    expect(shadowText(el)).to.include('We could not reach the server.');
  });

  it('shows the error Stripe.js returns; Retry creates a new session with a new key', async () => {
    let attempt = 0;
    const { el, backend, errors } = await setup({
      answers: [secretAnswer],
      collect: async () =>
        ++attempt === 1
          ? { financialConnectionsSession: undefined, error: { type: 'invalid_request_error', code: 'session_expired', message: 'This session has expired.' } }
          : linked([account()]),
    });
    const error = await errorShown(el, errors);
    expect(error).to.include({ kind: 'stripe', code: 'session_expired', type: 'invalid_request_error', message: 'This session has expired.' });
    expect(shadowText(el)).to.include('This session has expired.');
    await expect(el).to.be.accessible();
    retry(el);
    await until(() => shadowText(el).includes('Linked accounts'), 'linked after retry');
    expect(backend.calls).to.have.length(2);
    expect(backend.calls[1]!.headers.get('Idempotency-Key')).not.to.equal(backend.calls[0]!.headers.get('Idempotency-Key'));
  });

  it('handles a rejected bank flow and keeps the client_secret out of its message', async () => {
    const { el, errors } = await setup({ collect: () => Promise.reject(new Error(`Invalid value for clientSecret: ${SECRET}`)) });
    const error = await errorShown(el, errors);
    expect(error.kind).to.equal('stripe_js');
    expect(error.message).to.include('[redacted]');
    expect(shadowText(el)).to.include('Stripe could not be loaded.');
  });

  it('handles a Stripe.js that fails to load or resolves to null', async () => {
    for (const stripe of [rejected<Stripe>(new Error('Failed to load Stripe.js')), Promise.resolve(null)]) {
      const { el, errors } = await setup({ stripe });
      expect((await errorShown(el, errors)).kind).to.equal('stripe_js');
      expect(shadowText(el)).to.include('Stripe could not be loaded.');
      await expect(el).to.be.accessible();
    }
  });

  it('rejects an unknown permission or prefetch before any request', async () => {
    const { el, backend, fake, errors } = await setup({ permissions: 'balances account_numbers' });
    const error = await errorShown(el, errors);
    expect(error.kind).to.equal('config');
    expect(shadowText(el)).to.include('This widget is not set up correctly.').and.include('Unknown permissions "account_numbers"');
    expect(backend.calls).to.have.length(0);
    expect(fake.calls).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('rejects an empty permission list and a missing publishable key', async () => {
    const empty = await setup({ permissions: ' ' });
    expect((await errorShown(empty.el, empty.errors)).kind).to.equal('config');
    expect(empty.backend.calls).to.have.length(0);

    const backend = fakeBackend(() => secretAnswer);
    const el = await mount<FcLinkAccount>(html`<fc-link-account endpoint="/x" .fetcher=${backend.fetcher}></fc-link-account>`);
    const errors: SwkErrorDetail[] = [];
    el.addEventListener('swk-error', (e) => errors.push(e.detail));
    part<HTMLButtonElement>(el, 'button[part="button"]').click();
    expect((await errorShown(el, errors)).kind).to.equal('config');
    expect(shadowText(el)).to.include('No publishable key');
    expect(document.querySelector('script[src*="js.stripe.com"]')).to.equal(null);
  });

  it('explains errors in Japanese', async () => {
    const { el, errors } = await setup({ lang: 'ja', answers: [stripeError(402, 'カードが拒否されました', 'card_declined', 'card_error')] });
    await errorShown(el, errors);
    expect(shadowText(el)).to.include('銀行口座を連携できませんでした').and.include('Stripe がエラーを返しました。').and.include('再試行');
    await expect(el).to.be.accessible();

    const config = await setup({ lang: 'ja', permissions: 'foo' });
    await errorShown(config.el, config.errors);
    // The detail is for the site's developer (English); the user reads the localized sentence.
    expect(shadowText(config.el)).to.include('このウィジェットの設定が正しくありません。').and.include('詳細: Unknown permissions "foo"');
  });

  it('returns to idle when the endpoint changes mid-flow, never rendering the old answer', async () => {
    const stale = heldAnswer(secretAnswer);
    const { el, backend, fake, errors } = await setup({ answers: [stale.answer] });
    const outcomes: string[] = [];
    for (const type of ['swk-linked', 'swk-empty', 'swk-load'] as const) el.addEventListener(type, () => outcomes.push(type));
    await until(() => shadowText(el).includes('Starting a secure session'), 'creating state');
    el.endpoint = '/api/other';
    await until(() => shadowText(el) === 'Link bank account', 'idle again');
    expect(backend.calls[0]!.signal!.aborted).to.equal(true);
    stale.release();
    await backend.calls[0]!.delivered;
    await afterMicrotasks();
    el.requestUpdate();
    await el.updateComplete;
    expect(shadowText(el)).to.equal('Link bank account');
    expect(fake.calls, 'no bank window for the old session').to.have.length(0);
    expect(outcomes).to.deep.equal([]);
    expect(errors).to.have.length(0);
  });
});
