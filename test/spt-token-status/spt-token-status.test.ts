import { expect, fixture, html } from '@open-wc/testing';
import { afterMicrotasks, expectNoBrokenText, heldAnswer, oneEvent, part, shadowText, stripeError, until } from '../helpers.js';
import { ENDPOINT, grantedToken, liveText, mountToken, partText, T0_SECONDS, untilText } from './fixtures.js';
import { SETTLE_MS } from '../../src/core/settle.js';

const HOSTILE = '<img src=x onerror=alert(1)>';

describe('<spt-token-status> active token', () => {
  it('shows the limit, expiry, time left, card and an Active badge (en)', async () => {
    const { el, calls } = await mountToken(() => ({ json: grantedToken() }));
    await untilText(el, 'Shared payment token');
    expect(calls.map((c) => `${c.method} ${c.url}`)).to.deep.equal([`GET ${ENDPOINT}/spt_123`]);
    expect(partText(el, 'status')).to.equal('Active');
    expect(partText(el, 'limit')).to.equal('$100.00');
    expect(partText(el, 'countdown')).to.equal('2 hr 59 min');
    expect(partText(el, 'payment-method')).to.equal('Visa ending in 4242');
    expect(partText(el, 'token-id')).to.equal('spt_123');
    const time = part(el, '[part="expiry"] time');
    expect(time.getAttribute('datetime')).to.equal(new Date((T0_SECONDS + 3 * 3600 - 60) * 1000).toISOString());
    expect(time.textContent).to.include('2025');
    expect(liveText(el)).to.equal('Token active. Expires in 2 hr 59 min.');
    expect(el.shadowRoot!.querySelector('[part="notice"]')).to.equal(null);
    expectNoBrokenText(el);
    await expect(el).to.be.accessible();
  });

  it('shows how much of the limit was used and which agent granted the token (en and ja)', async () => {
    const token = grantedToken({ usage_details: { amount_captured: { value: 2550, currency: 'usd' } } });
    const { el } = await mountToken(() => ({ json: token }));
    await untilText(el, 'Used so far');
    expect(partText(el, 'used')).to.equal('$25.50 of $100.00');
    expect(partText(el, 'agent')).to.equal('profile_test_61U92KWAstyE3VYhXA6U91t01FSQ3ByrZzKJOCR0y5ey');
    expect(shadowText(el)).to.include('Agent');
    await expect(el).to.be.accessible();
    el.lang = 'ja';
    await untilText(el, '使用済み額');
    expect(partText(el, 'used')).to.equal('$100.00 のうち $25.50');
    expect(shadowText(el)).to.include('エージェント');
    expectNoBrokenText(el);
  });

  it('shows a JPY amount used without dividing by 100', async () => {
    const token = grantedToken({
      usage_limits: { currency: 'jpy', max_amount: 5000, expires_at: T0_SECONDS + 3600 },
      usage_details: { amount_captured: { value: 1200, currency: 'jpy' } },
    });
    const { el } = await mountToken(() => ({ json: token }));
    await untilText(el, 'Used so far');
    expect(partText(el, 'used')).to.equal('¥1,200 of ¥5,000');
  });

  it('shows a JPY limit without dividing by 100, in Japanese', async () => {
    const token = grantedToken({ usage_limits: { currency: 'jpy', max_amount: 5000, expires_at: T0_SECONDS + 3600 * 5 } });
    const { el } = await mountToken(() => ({ json: token }), { lang: 'ja' });
    await untilText(el, '共有決済トークン');
    expect(partText(el, 'limit')).to.match(/^[¥￥]5,000$/);
    expect(partText(el, 'status')).to.equal('有効');
    expect(partText(el, 'payment-method')).to.equal('Visa (末尾 4242)');
    expect(shadowText(el)).to.include('利用上限額').and.include('残り時間');
    expect(liveText(el)).to.match(/^トークンは有効です。残り 5\s?時間 0\s?分 で期限切れになります。$/);
    expectNoBrokenText(el);
    await expect(el).to.be.accessible();
  });

  it('renders a JPY limit in English as ¥5,000 and switches language live', async () => {
    const token = grantedToken({ usage_limits: { currency: 'jpy', max_amount: 5000, expires_at: T0_SECONDS + 90 } });
    const { el } = await mountToken(() => ({ json: token }));
    await untilText(el, 'Spending limit');
    expect(partText(el, 'limit')).to.equal('¥5,000');
    el.lang = 'ja';
    await untilText(el, '利用上限額');
    expect(partText(el, 'limit')).to.match(/^[¥￥]5,000$/);
    await expect(el).to.be.accessible();
  });

  it('accepts a legal token with only an id: no expiry, limit not available, no card row', async () => {
    const { el } = await mountToken(() => ({ json: { id: 'spt_123', object: 'shared_payment.granted_token' } }));
    await untilText(el, 'No expiry date');
    expect(partText(el, 'status')).to.equal('Active');
    expect(partText(el, 'limit')).to.equal('Not available');
    expect(el.shadowRoot!.querySelector('[part="payment-method"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part="countdown"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part="used"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part="agent"]')).to.equal(null);
    expectNoBrokenText(el);
    await expect(el).to.be.accessible();
  });

  it('shows a currency Intl rejects as given and an unknown card brand as unknown', async () => {
    const token = grantedToken({
      usage_limits: { currency: 'xyz', max_amount: 12345, expires_at: null },
      payment_method_details: { type: 'card', card: { brand: 'newbrand', last4: '0005' } },
    });
    const { el } = await mountToken(() => ({ json: token }));
    await untilText(el, 'Spending limit');
    expect(partText(el, 'limit')).to.equal('XYZ 123.45');
    expect(partText(el, 'payment-method')).to.equal('Unknown (newbrand) ending in 0005');
    expectNoBrokenText(el);
  });

  it('shows a non-card payment method by its type', async () => {
    const token = grantedToken({ payment_method_details: { type: 'us_bank_account', us_bank_account: { last4: '6789' } } });
    const { el } = await mountToken(() => ({ json: token }));
    await untilText(el, 'Payment method');
    expect(partText(el, 'payment-method')).to.equal('Unknown (us_bank_account)');
  });

  it('keeps a hostile token id and reason as text, and encodes the id in the URL', async () => {
    const token = grantedToken({ id: HOSTILE, deactivated_at: T0_SECONDS - 5, deactivated_reason: HOSTILE });
    const { el, calls } = await mountToken(() => ({ json: token }), { tokenId: HOSTILE });
    await untilText(el, 'Deactivated');
    expect(calls[0]!.url).to.equal(`${ENDPOINT}/${encodeURIComponent(HOSTILE)}`);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(partText(el, 'token-id')).to.equal(HOSTILE);
    expect(partText(el, 'reason')).to.equal(`Unknown (${HOSTILE})`);
    await expect(el).to.be.accessible();
  });

  it('stays readable at 320 px wide', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div class="narrow"></div>`);
    wrapper.style.width = '320px';
    const { el } = await mountToken(() => ({ json: grantedToken() }));
    wrapper.append(el);
    await untilText(el, 'Spending limit');
    const base = part(el, '[part="base"]');
    expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
    expect(el.getBoundingClientRect().width).to.be.at.most(320);
  });
});

describe('<spt-token-status> deactivated token', () => {
  const reasons: [string, string, string][] = [
    ['revoked', 'Revoked by the agent', 'エージェントが取り消しました'],
    ['expired', 'Expired', '期限切れ'],
    ['used', 'Used', '使用済み'],
    ['consumed', 'Used up (limit reached)', '使用済み (上限額に到達)'],
    ['resolved', 'Resolved by the seller', '販売者が解決済み'],
    ['frozen_by_agent', 'Unknown (frozen_by_agent)', '不明 (frozen_by_agent)'],
  ];
  for (const [reason, en, ja] of reasons) {
    it(`shows the reason "${reason}" in words, in English and Japanese`, async () => {
      const token = grantedToken({ deactivated_at: T0_SECONDS - 120, deactivated_reason: reason });
      const { el } = await mountToken(() => ({ json: token }));
      await untilText(el, 'Reason');
      expect(partText(el, 'status')).to.equal('Deactivated');
      expect(partText(el, 'reason')).to.equal(en);
      expect(partText(el, 'notice')).to.equal('This token can no longer be used for payments.');
      expect(el.shadowRoot!.querySelector('[part="countdown"]')).to.equal(null);
      expect(liveText(el)).to.equal(`Token deactivated: ${en}.`);
      expectNoBrokenText(el);
      await expect(el).to.be.accessible();
      el.lang = 'ja';
      await untilText(el, '理由');
      expect(partText(el, 'status')).to.equal('無効');
      expect(partText(el, 'reason')).to.equal(ja);
      expect(partText(el, 'notice')).to.equal('このトークンは決済に使用できなくなりました。');
      expectNoBrokenText(el);
      await expect(el).to.be.accessible();
    });
  }

  it('counts a token with deactivated_at but no reason as deactivated', async () => {
    const { el } = await mountToken(() => ({ json: grantedToken({ deactivated_at: T0_SECONDS - 1 }) }));
    await untilText(el, 'Reason');
    expect(partText(el, 'status')).to.equal('Deactivated');
    expect(partText(el, 'reason')).to.equal('Not available');
    expectNoBrokenText(el);
  });
});

describe('<spt-token-status> errors', () => {
  it('shows a Stripe error with its message and request id, fires swk-error, and retries', async () => {
    let fail = true;
    const { el, calls } = await mountToken(() => (fail ? stripeError(404, 'No such shared payment granted token') : { json: grantedToken() }));
    await untilText(el, 'Stripe returned an error.');
    expect(shadowText(el)).to.include('No such shared payment granted token').and.include('req_test_123');
    expect(liveText(el)).to.equal('');
    await expect(el).to.be.accessible();
    fail = false;
    const button = part<HTMLButtonElement>(el, '[part="retry-button"]');
    button.focus();
    expect(el.shadowRoot!.activeElement).to.equal(button);
    const loaded = oneEvent(el, 'swk-load');
    button.click();
    const event = await loaded;
    expect((event.detail.object as { id: string }).id).to.equal('spt_123');
    await untilText(el, 'Active');
    expect(calls.length).to.equal(2);
    await expect(el).to.be.accessible();
  });

  it('shows a config error without Retry, and makes no request, when token-id is missing', async () => {
    const { el, calls, clock } = await mountToken(() => ({ json: grantedToken() }), { tokenId: '' });
    // A missing id may still arrive (a framework hydrating): the error waits until the element settled.
    await afterMicrotasks();
    expect(shadowText(el)).not.to.include('not set up correctly');
    clock.tick(SETTLE_MS);
    await untilText(el, 'This widget is not set up correctly.');
    expect(el.shadowRoot!.querySelector('[part="retry-button"]')).to.equal(null);
    expect(calls.length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('reports an HTTP error body in swk-error', async () => {
    const errors: string[] = [];
    document.addEventListener('swk-error', (e) => errors.push(`${e.detail.error.kind}:${e.detail.error.status}`), { once: true });
    const { el } = await mountToken(() => stripeError(400, 'Invalid id'));
    await untilText(el, 'Stripe returned an error.');
    expect(errors).to.deep.equal(['stripe:400']);
  });

  it('shows malformed JSON as an unreadable answer in Japanese', async () => {
    const { el } = await mountToken(() => ({ text: '<html>oops</html>' }), { lang: 'ja' });
    await untilText(el, 'サーバーの応答を読み取れませんでした。');
    expect(part(el, '[part="retry-button"]').textContent?.trim()).to.equal('再試行');
    await expect(el).to.be.accessible();
  });

  it('shows a response without an id as invalid', async () => {
    const { el } = await mountToken(() => ({ json: { object: 'shared_payment.granted_token', usage_limits: 'nope' } }));
    await untilText(el, 'The server sent an answer we could not read.');
    expectNoBrokenText(el);
  });

  it('shows a network failure', async () => {
    const { el } = await mountToken(() => 'network-error');
    await until(() => shadowText(el).includes('We could not reach the server'), 'network error', 8000);
    await expect(el).to.be.accessible();
  });

  it('shows a timeout', async () => {
    const { el } = await mountToken(() => 'hang', { timeout: 0.05 });
    await untilText(el, 'The server took too long to answer.');
    await expect(el).to.be.accessible();
  });

  it('aborts the old request when token-id changes and never renders its late answer', async () => {
    const stale = heldAnswer({ json: grantedToken({ id: 'spt_old' }) });
    const { el, calls } = await mountToken((call) => (call.url.endsWith('spt_old') ? stale.answer : { json: grantedToken({ id: 'spt_new' }) }), {
      tokenId: 'spt_old',
    });
    const loaded: string[] = [];
    el.addEventListener('swk-load', (e) => loaded.push(e.detail.object.id));
    el.tokenId = 'spt_new';
    await untilText(el, 'spt_new');
    expect(calls[0]!.signal?.aborted).to.equal(true);
    stale.release();
    await calls[0]!.delivered;
    await afterMicrotasks();
    el.requestUpdate();
    await el.updateComplete;
    expect(shadowText(el)).to.include('spt_new').and.not.include('spt_old');
    expect(loaded).to.deep.equal(['spt_new']);
  });
});
