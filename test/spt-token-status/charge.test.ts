import { expect, fixture, html } from '@open-wc/testing';
import type { SptChargedDetail, SptTokenStatus } from '../../src/spt-token-status/define.js';
import type { SwkErrorDetail } from '../../src/core/events.js';
import { FakeClock } from '../../src/testing/fake-clock.js';
import { expectNoBrokenText, fakeBackend, heldAnswer, oneEvent, part, shadowText, until, type FakeAnswer, type RecordedCall } from '../helpers.js';
import { ENDPOINT, grantedToken, liveText, partText, T0, T0_SECONDS, untilText } from './fixtures.js';

// Seed 001: the seller charges the token. `charge-amount` adds a "Charge $50.00" button while the token
// can pay it; the backend creates (and confirms) the PaymentIntent.

const CHARGE_URL = `${ENDPOINT}/spt_123/payment_intents`;

function paymentIntent(amount: number, currency = 'usd', status = 'succeeded') {
  return { id: 'pi_spt_1', object: 'payment_intent', status, amount, currency, created: T0_SECONDS, last_payment_error: null };
}

/**
 * A backend for the token (GET) and its charge (POST): `token(n)` answers the n-th GET (from 0),
 * `charge(n)` the n-th POST.
 */
function tokenAndCharge(token: (n: number) => unknown, charge: (n: number, call: RecordedCall) => FakeAnswer = (_n, call) => ({ json: paymentIntent((call.body as { amount: number }).amount) })) {
  let gets = 0;
  let posts = 0;
  return fakeBackend((call) => (call.method === 'POST' ? charge(posts++, call) : { json: token(gets++) }));
}

async function mountCharge(fetcher: ReturnType<typeof fakeBackend>['fetcher'], options: { chargeAmount?: string; lang?: string; clock?: FakeClock } = {}) {
  const el = await fixture<SptTokenStatus>(html`<spt-token-status
    lang=${options.lang ?? 'en'}
    endpoint=${ENDPOINT}
    token-id="spt_123"
    charge-amount=${options.chargeAmount ?? '5000'}
    .fetcher=${fetcher}
    .clock=${options.clock ?? new FakeClock(T0)}
  ><button slot="actions">Site action</button></spt-token-status>`);
  await until(() => !!el.shadowRoot?.querySelector('[part="status"]'), 'the token');
  return el;
}

const chargeButton = (el: Element) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="charge-button"]');
const posts = (calls: RecordedCall[]) => calls.filter((c) => c.method === 'POST');
const gets = (calls: RecordedCall[]) => calls.filter((c) => c.method === 'GET');
const usedToken = (value: number) => grantedToken({ usage_details: { amount_captured: { value, currency: 'usd' } } });

describe('<spt-token-status charge-amount>: charging the token', () => {
  it('charges: POSTs { amount, currency } with an Idempotency-Key, shows the PaymentIntent, fires swk-charged, refetches the token', async () => {
    const { fetcher, calls } = tokenAndCharge((n) => (n === 0 ? usedToken(0) : usedToken(5000)));
    const el = await mountCharge(fetcher);
    const button = chargeButton(el)!;
    expect(button.textContent?.trim()).to.equal('Charge $50.00');
    expect(el.getAttribute('state')).to.equal('active');
    await expect(el).to.be.accessible();

    const charged = oneEvent(el, 'swk-charged');
    button.click();
    const { detail } = (await charged) as CustomEvent<SptChargedDetail>;
    expect(detail.paymentIntent).to.deep.include({ id: 'pi_spt_1', status: 'succeeded', amount: 5000, currency: 'usd' });
    const [post] = posts(calls);
    expect(post!.url).to.equal(CHARGE_URL);
    expect(post!.body).to.deep.equal({ amount: 5000, currency: 'usd' });
    expect(post!.headers.get('Idempotency-Key')).to.match(/^swk_[0-9a-f-]{36}$/);
    expect(post!.headers.get('Content-Type')).to.equal('application/json');

    await untilText(el, 'Payment of $50.00: Succeeded');
    await until(() => partText(el, 'used') === '$50.00 of $100.00', 'the refetched token');
    expect(gets(calls)).to.have.length(2);
    expect(liveText(el)).to.equal('Payment of $50.00: Succeeded');
    expect(chargeButton(el), 'one charge per token and amount').to.equal(null);
    expectNoBrokenText(el);
    await expect(el).to.be.accessible();

    // Another amount is another charge: the button comes back, with a new key.
    el.chargeAmount = 1000;
    await until(() => chargeButton(el) !== null, 'the button for the new amount');
    chargeButton(el)!.click();
    await until(() => posts(calls).length === 2, 'the second charge');
    expect(posts(calls)[1]!.headers.get('Idempotency-Key')).not.to.equal(post!.headers.get('Idempotency-Key'));
  });

  it('names the button 請求 with the amount in Japanese, and charges a zero-decimal amount as it is (JPY)', async () => {
    const jpy = grantedToken({ usage_limits: { currency: 'jpy', max_amount: 10000, expires_at: T0_SECONDS + 3600 }, usage_details: { amount_captured: { value: 0, currency: 'jpy' } } });
    const { fetcher, calls } = tokenAndCharge(() => jpy, (_n, call) => ({ json: paymentIntent((call.body as { amount: number }).amount, 'jpy') }));
    const el = await mountCharge(fetcher, { lang: 'ja' });
    const button = chargeButton(el)!;
    expect(button.textContent?.trim()).to.match(/^請求する \([¥￥]5,000\)$/);
    await expect(el).to.be.accessible();
    button.click();
    await until(() => posts(calls).length === 1, 'the charge');
    expect(posts(calls)[0]!.body).to.deep.equal({ amount: 5000, currency: 'jpy' });
    await until(() => /^[¥￥]5,000 の支払い: 成功$/.test(partText(el, 'charge-result')), 'the Japanese result');
  });

  it('sends one POST however often the button is pressed while it runs, and says it is charging', async () => {
    const held = heldAnswer({ json: paymentIntent(5000) });
    const { fetcher, calls } = tokenAndCharge(() => usedToken(0), () => held.answer);
    const el = await mountCharge(fetcher);
    chargeButton(el)!.click();
    await el.updateComplete;
    const busy = chargeButton(el)!;
    expect(busy.getAttribute('aria-busy')).to.equal('true');
    expect(busy.textContent?.trim()).to.equal('Charging $50.00…');
    expect(liveText(el)).to.equal('Charging $50.00…');
    busy.click();
    busy.click();
    held.release();
    await untilText(el, 'Payment of $50.00: Succeeded');
    expect(posts(calls)).to.have.length(1);
  });

  it('replays a charge cut short by leaving the page with the same key when pressed again', async () => {
    const { fetcher, calls } = tokenAndCharge(() => usedToken(0), (n) => (n === 0 ? 'hang' : { json: paymentIntent(5000) }));
    const el = await mountCharge(fetcher);
    chargeButton(el)!.click();
    await until(() => posts(calls).length === 1, 'the first POST');
    const parent = el.parentElement!;
    el.remove();
    expect(posts(calls)[0]!.signal?.aborted).to.equal(true);
    parent.append(el);
    await until(() => chargeButton(el)?.getAttribute('aria-busy') === 'false', 'the button again');
    chargeButton(el)!.click();
    await untilText(el, 'Payment of $50.00: Succeeded');
    const [first, again] = posts(calls);
    expect(again!.headers.get('Idempotency-Key')).to.equal(first!.headers.get('Idempotency-Key'));
  });

  it('shows no button for an amount above what the limit leaves, and says why', async () => {
    const { fetcher, calls } = tokenAndCharge(() => usedToken(6000));
    const el = await mountCharge(fetcher);
    expect(chargeButton(el)).to.equal(null);
    expect(partText(el, 'charge-note')).to.equal('$50.00 is more than the $40.00 left on this token.');
    expect(el.getAttribute('state')).to.equal('active');
    expect(posts(calls)).to.have.length(0);
    await expect(el).to.be.accessible();
    el.lang = 'ja';
    await untilText(el, 'を超えています');
    expect(partText(el, 'charge-note')).to.equal('$50.00 は、このトークンの残り $40.00 を超えています。');
  });

  it("shows the backend's over-limit refusal (the token was used meanwhile), refetches the token, and fires swk-error", async () => {
    const refusal: FakeAnswer = {
      status: 400,
      json: { error: { type: 'invalid_request_error', code: 'amount_too_large', message: 'The amount is more than this shared payment token has left.' } },
    };
    const { fetcher, calls } = tokenAndCharge((n) => (n === 0 ? usedToken(0) : usedToken(9000)), () => refusal);
    const el = await mountCharge(fetcher);
    const failed = oneEvent(el, 'swk-error');
    chargeButton(el)!.click();
    const { detail } = (await failed) as CustomEvent<SwkErrorDetail>;
    expect(detail.error).to.deep.include({ kind: 'stripe', code: 'amount_too_large', status: 400 });
    await el.updateComplete;
    expect(partText(el, 'charge-error')).to.include('The charge failed').and.include('The amount is more than this shared payment token has left.');
    await until(() => partText(el, 'used') === '$90.00 of $100.00', 'the refetched token');
    expect(gets(calls)).to.have.length(2);
    expect(el.shadowRoot!.querySelector('[part="charge-error"] [part="retry-button"]'), 'no Retry for an amount the token no longer has').to.equal(null);
    expect(liveText(el)).to.equal('The charge failed');
    expectNoBrokenText(el);
    await expect(el).to.be.accessible();
  });

  it("shows Stripe's decline and retries with the same Idempotency-Key, then shows the payment", async () => {
    const decline: FakeAnswer = { status: 402, json: { error: { type: 'card_error', code: 'card_declined', message: 'Your card was declined.' } } };
    const { fetcher, calls } = tokenAndCharge(() => usedToken(0), (n, call) => (n === 0 ? decline : { json: paymentIntent((call.body as { amount: number }).amount) }));
    const el = await mountCharge(fetcher);
    chargeButton(el)!.click();
    await untilText(el, 'Your card was declined.');
    expect(chargeButton(el), 'no second button beside the failed charge').to.equal(null);
    const retry = part<HTMLButtonElement>(el, '[part="charge-error"] [part="retry-button"]');
    expect(retry.textContent?.trim()).to.equal('Try again');
    await expect(el).to.be.accessible();
    retry.click();
    await untilText(el, 'Payment of $50.00: Succeeded');
    const [first, second] = posts(calls);
    expect(second!.headers.get('Idempotency-Key')).to.equal(first!.headers.get('Idempotency-Key'));
    expect(second!.body).to.deep.equal(first!.body);
  });

  it('offers no Retry once the token refetched after a failed charge was revoked: Retry would charge a dead token', async () => {
    const decline: FakeAnswer = { status: 402, json: { error: { type: 'card_error', code: 'card_declined', message: 'Your card was declined.' } } };
    const revoked = grantedToken({ deactivated_at: T0_SECONDS - 1, deactivated_reason: 'revoked' });
    const { fetcher, calls } = tokenAndCharge((n) => (n === 0 ? usedToken(0) : revoked), () => decline);
    const el = await mountCharge(fetcher);
    chargeButton(el)!.click();
    await until(() => el.getAttribute('state') === 'revoked', 'the refetched, revoked token');
    expect(partText(el, 'charge-error')).to.include('Your card was declined.');
    expect(el.shadowRoot!.querySelector('[part="charge-error"] [part="retry-button"]')).to.equal(null);
    expect(posts(calls)).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  for (const [state, token, expected] of [
    ['revoked', grantedToken({ deactivated_at: T0_SECONDS - 60, deactivated_reason: 'revoked' }), 'revoked'],
    ['used up', grantedToken({ deactivated_at: T0_SECONDS - 60, deactivated_reason: 'consumed', usage_details: { amount_captured: { value: 10000, currency: 'usd' } } }), 'used'],
    ['expired (Stripe said so)', grantedToken({ deactivated_at: T0_SECONDS - 60, deactivated_reason: 'expired' }), 'expired'],
    ['expired by the clock, before Stripe says so', grantedToken({ usage_limits: { currency: 'usd', max_amount: 10000, expires_at: T0_SECONDS - 1 } }), 'expired'],
    ['deactivated for a reason Stripe adds later', grantedToken({ deactivated_at: T0_SECONDS - 60, deactivated_reason: 'disputed' }), 'deactivated'],
  ] as const) {
    it(`has no charge button and no actions slot when ${state} (state="${expected}")`, async () => {
      const { fetcher, calls } = tokenAndCharge(() => token);
      const el = await mountCharge(fetcher);
      expect(el.getAttribute('state')).to.equal(expected);
      expect(chargeButton(el)).to.equal(null);
      expect(el.shadowRoot!.querySelector('slot[name="actions"]')).to.equal(null);
      expect(el.shadowRoot!.querySelector('[part="charge-note"]')).to.equal(null);
      expect(posts(calls)).to.have.length(0);
      expectNoBrokenText(el);
      await expect(el).to.be.accessible();
    });
  }

  it('renders the actions slot only while active, and turns state from active to expired when the time passes', async () => {
    const clock = new FakeClock(T0);
    const { fetcher } = tokenAndCharge(() => grantedToken({ usage_limits: { currency: 'usd', max_amount: 10000, expires_at: T0_SECONDS + 30 } }));
    const el = await mountCharge(fetcher, { clock });
    expect(el.getAttribute('state')).to.equal('active');
    const slot = el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="actions"]')!;
    expect(slot.assignedElements().map((e) => e.textContent)).to.deep.equal(['Site action']);
    clock.tick(31_000);
    await until(() => el.getAttribute('state') === 'expired', 'the expired state');
    expect(el.shadowRoot!.querySelector('slot[name="actions"]')).to.equal(null);
    expect(chargeButton(el)).to.equal(null);
  });

  it('has no state attribute until a token is shown', async () => {
    const held = heldAnswer({ json: usedToken(0) });
    const { fetcher } = fakeBackend(() => held.answer);
    const el = await fixture<SptTokenStatus>(html`<spt-token-status lang="en" endpoint=${ENDPOINT} token-id="spt_123" .fetcher=${fetcher} .clock=${new FakeClock(T0)}></spt-token-status>`);
    expect(shadowText(el)).to.include('Loading');
    expect(el.hasAttribute('state')).to.equal(false);
    held.release();
    await until(() => el.getAttribute('state') === 'active', 'the state once shown');
  });

  it('has no button without charge-amount, and says so when the amount is not a whole positive number', async () => {
    const plain = tokenAndCharge(() => usedToken(0));
    const without = await fixture<SptTokenStatus>(html`<spt-token-status lang="en" endpoint=${ENDPOINT} token-id="spt_123" .fetcher=${plain.fetcher} .clock=${new FakeClock(T0)}></spt-token-status>`);
    await until(() => without.getAttribute('state') === 'active', 'the token');
    expect(chargeButton(without)).to.equal(null);
    expect(without.shadowRoot!.querySelector('[part="charge-note"]')).to.equal(null);
    for (const amount of ['12.5', '-100', '0', 'lots']) {
      const { fetcher } = tokenAndCharge(() => usedToken(0));
      const el = await mountCharge(fetcher, { chargeAmount: amount });
      expect(chargeButton(el), amount).to.equal(null);
      expect(partText(el, 'charge-note')).to.equal('The charge amount is not a whole positive number, so this token cannot be charged.');
      expectNoBrokenText(el);
    }
  });
});
