import { expect } from '@open-wc/testing';
import type { PaymentCaptureStatus } from '../../src/payment-capture-status/define.js';
import { expectNoBrokenText, shadowText, until } from '../helpers.js';
import { always, balanceTransaction, charge, ENDPOINT, mountCapture, paymentIntent, settledCharge } from './fixtures.js';
import { messages } from '../../src/payment-capture-status/payment-capture-status.messages.js';

/** The catalog's own words: a negative check follows them when the wording changes. */
const text = messages.en;

const HOSTILE = '<img src=x onerror=alert(1)>';

const partText = (el: Element, name: string) => el.shadowRoot?.querySelector(`[part~="${name}"]`)?.textContent?.replace(/\s+/g, ' ').trim();
const liveText = (el: Element) => el.shadowRoot?.querySelector('[role="status"]')?.textContent?.trim();
const ready = (el: PaymentCaptureStatus) => until(() => el.shadowRoot!.querySelector('[part="status"]') !== null, 'the payment to render');

describe('<payment-capture-status> settled payments', () => {
  it('shows a succeeded, captured payment with fee and net (en)', async () => {
    const { el, calls } = await mountCapture(always(paymentIntent({ latest_charge: settledCharge() })));
    await ready(el);
    expect(calls.map((c) => `${c.method} ${c.url}`)).to.deep.equal([`GET ${ENDPOINT}/pi_1`]);
    expect(partText(el, 'title')).to.equal('Payment');
    expect(partText(el, 'status')).to.equal('Succeeded');
    expect(partText(el, 'summary')).to.equal('The payment succeeded and was captured.');
    expect(partText(el, 'amount')).to.equal('$10.00');
    expect(partText(el, 'captured')).to.equal('$10.00');
    expect(partText(el, 'fee')).to.equal('$0.59');
    expect(partText(el, 'net')).to.equal('$9.41');
    expect(shadowText(el)).not.to.include(text.pending);
    expect(el.shadowRoot!.querySelector('[part~="transfer"], [part~="application-fee"], [part="notice"]')).to.equal(null);
    expect(liveText(el)).to.equal('Succeeded');
    expectNoBrokenText(el);
    await expect(el).to.be.accessible();
  });

  it('shows JPY amounts without dividing by 100, in Japanese', async () => {
    const intent = paymentIntent({
      amount: 5000,
      currency: 'jpy',
      latest_charge: settledCharge({ amount: 5000, amount_captured: 5000, currency: 'jpy', balance_transaction: balanceTransaction({ amount: 5000, fee: 180, net: 4820, currency: 'jpy' }) }),
    });
    const { el } = await mountCapture(always(intent), { lang: 'ja' });
    await ready(el);
    expect(partText(el, 'title')).to.equal('支払い');
    expect(partText(el, 'status')).to.equal('成功');
    expect(partText(el, 'amount')).to.match(/^[¥￥]5,000$/);
    expect(partText(el, 'fee')).to.match(/^[¥￥]180$/);
    expect(partText(el, 'net')).to.match(/^[¥￥]4,820$/);
    expect(shadowText(el)).to.include('Stripe 手数料').and.include('純額').and.include('キャプチャー済み');
    expectNoBrokenText(el);
    await expect(el).to.be.accessible();
  });

  it('shows fee and net in the balance transaction currency, and a currency Intl rejects as given', async () => {
    const intent = paymentIntent({
      currency: 'usdc',
      latest_charge: settledCharge({ currency: 'usdc', balance_transaction: balanceTransaction({ currency: 'eur', fee: 40, net: 900 }) }),
    });
    const { el } = await mountCapture(always(intent));
    await ready(el);
    expect(partText(el, 'amount')).to.equal('10.00 USDC');
    expect(partText(el, 'fee')).to.equal('€0.40');
    expect(partText(el, 'net')).to.equal('€9.00');
    expectNoBrokenText(el);
  });

  it('shows a settled Connect charge: transfer and application fee', async () => {
    const intent = paymentIntent({
      latest_charge: settledCharge({ transfer: 'tr_1', application_fee: 'fee_1', application_fee_amount: 100, transfer_data: { destination: 'acct_dest' } }),
    });
    const { el } = await mountCapture(always(intent));
    await ready(el);
    expect(partText(el, 'transfer')).to.equal('tr_1');
    expect(partText(el, 'application-fee')).to.equal('$1.00 (fee_1)');
    expect(shadowText(el)).not.to.include(text.pending);
    await expect(el).to.be.accessible();
  });

  it("recognises a destination charge from the PaymentIntent's transfer_data when the charge lacks it: the transfer is pending", async () => {
    const intent = paymentIntent({ transfer_data: { destination: 'acct_dest' }, latest_charge: settledCharge({ transfer: null, transfer_data: null }) });
    const { el } = await mountCapture(always(intent));
    await ready(el);
    expect(partText(el, 'fee')).to.equal('$0.59');
    expect(partText(el, 'transfer')).to.equal(text.pending);
    expect(partText(el, 'notice')).to.equal(text.pendingNote(text.feesAndTransfers));
    // Without transfer_data anywhere it is an ordinary charge: no transfer row at all.
    const { el: plain } = await mountCapture(always(paymentIntent({ latest_charge: settledCharge({ transfer_data: null }) })));
    await ready(plain);
    expect(plain.shadowRoot!.querySelector('[part~="transfer"]')).to.equal(null);
  });

  it('takes expanded transfer and application fee objects as well as ids', async () => {
    const intent = paymentIntent({
      latest_charge: settledCharge({
        transfer: { id: 'tr_2', object: 'transfer', amount: 900, currency: 'usd' },
        application_fee: { id: 'fee_2', object: 'application_fee', amount: 100, currency: 'usd' },
        application_fee_amount: 100,
      }),
    });
    const { el } = await mountCapture(always(intent));
    await ready(el);
    expect(partText(el, 'transfer')).to.equal('$9.00 (tr_2)');
    expect(partText(el, 'application-fee')).to.equal('$1.00 (fee_2)');
    expectNoBrokenText(el);
  });

  it('shows a balance transaction the backend did not expand by its id, not as pending', async () => {
    const { el } = await mountCapture(always(paymentIntent({ latest_charge: charge({ balance_transaction: 'txn_9' }) })));
    await ready(el);
    expect(partText(el, 'balance-transaction')).to.equal('txn_9');
    expect(shadowText(el)).not.to.include(text.pending);
  });

  it('renders the smallest legal PaymentIntent (no charge, optional fields missing)', async () => {
    const { el } = await mountCapture(always({ id: 'pi_1', object: 'payment_intent', status: 'succeeded', amount: 250, currency: 'usd', latest_charge: null }));
    await ready(el);
    expect(partText(el, 'status')).to.equal('Succeeded');
    expect(partText(el, 'amount')).to.equal('$2.50');
    expect(shadowText(el)).not.to.include(text.pending);
    expectNoBrokenText(el);
    await expect(el).to.be.accessible();
  });

  it('renders a charge given only by id as succeeded with fee and net pending, never as settled', async () => {
    const { el } = await mountCapture(always(paymentIntent({ latest_charge: 'ch_1' })));
    await ready(el);
    expect(partText(el, 'status')).to.equal('Succeeded');
    expect(partText(el, 'fee')).to.equal('Pending');
    expect(partText(el, 'net')).to.equal('Pending');
    expect(partText(el, 'notice')).to.equal('The fees are finalised shortly, usually within an hour.');
    expectNoBrokenText(el);
  });

  it('never lets a client_secret reach the DOM or an event', async () => {
    const intent = paymentIntent({ client_secret: 'pi_1_secret_DO_NOT_LEAK', latest_charge: settledCharge() });
    const loads: unknown[] = [];
    document.addEventListener('swk-load', (e) => loads.push(e.detail.object), { once: true });
    const { el } = await mountCapture(always(intent));
    await ready(el);
    await until(() => loads.length === 1, 'swk-load');
    expect(JSON.stringify(loads[0])).not.to.include('secret');
    expect(JSON.stringify(loads[0])).to.include('pi_1');
    expect(el.shadowRoot!.innerHTML).not.to.include('secret');
    expect(el.outerHTML).not.to.include('secret');
  });
});

const OUTCOMES: { name: string; intent: Record<string, unknown>; en: [string, string?]; ja: [string, string?]; extra?: [string, string, string] }[] = [
  {
    name: 'processing',
    intent: { status: 'processing', latest_charge: charge({ status: 'pending', captured: false, amount_captured: 0 }) },
    en: ['Processing', 'The payment is being processed. Its outcome will appear here.'],
    ja: ['処理中', '支払いを処理しています。結果はここに表示されます。'],
  },
  {
    name: 'requires_capture',
    intent: { status: 'requires_capture', capture_method: 'manual', amount_capturable: 1000, latest_charge: charge({ captured: false, amount_captured: 0 }) },
    en: ['Authorized', 'The payment is authorized and waits to be captured.'],
    ja: ['オーソリ済み', '支払いはオーソリ済みで、キャプチャーを待っています。'],
    extra: ['capturable', '$10.00', '$10.00'],
  },
  {
    name: 'canceled',
    intent: { status: 'canceled', cancellation_reason: 'requested_by_customer', latest_charge: null },
    en: ['Canceled'],
    ja: ['キャンセル済み'],
    extra: ['reason', 'Requested by the customer', '顧客の依頼'],
  },
  {
    name: 'requires_payment_method after a decline',
    intent: {
      status: 'requires_payment_method',
      last_payment_error: { type: 'card_error', code: 'card_declined', message: 'Your card has insufficient funds.' },
      latest_charge: charge({ status: 'failed', captured: false, amount_captured: 0 }),
    },
    en: ['Failed', 'The payment failed. The customer can try another payment method.'],
    ja: ['失敗', '支払いに失敗しました。顧客は別の支払い方法を試すことができます。'],
    extra: ['reason', 'Your card has insufficient funds.', 'Your card has insufficient funds.'],
  },
  {
    name: 'requires_payment_method before any attempt',
    intent: { status: 'requires_payment_method', latest_charge: null },
    en: ['Awaiting payment method'],
    ja: ['支払い方法待ち'],
  },
  {
    name: 'requires_confirmation',
    intent: { status: 'requires_confirmation', latest_charge: null },
    en: ['Awaiting confirmation'],
    ja: ['確定待ち'],
  },
  {
    name: 'requires_action',
    intent: { status: 'requires_action', latest_charge: null },
    en: ['Awaiting customer action'],
    ja: ['顧客の操作待ち'],
  },
];

describe('<payment-capture-status> other outcomes', () => {
  for (const outcome of OUTCOMES) {
    for (const lang of ['en', 'ja'] as const) {
      it(`shows ${outcome.name} in words (${lang})`, async () => {
        const { el } = await mountCapture(always(paymentIntent(outcome.intent)), { lang, refreshInterval: 0 });
        await ready(el);
        const [status, summary] = outcome[lang];
        expect(partText(el, 'status')).to.equal(status);
        // The badge says it all for statuses without a summary sentence.
        expect(partText(el, 'summary')).to.equal(summary);
        if (outcome.extra) expect(partText(el, outcome.extra[0])).to.equal(lang === 'en' ? outcome.extra[1] : outcome.extra[2]);
        expect(el.shadowRoot!.querySelector('[part~="fee"], [part~="pending"], [part="notice"]')).to.equal(null);
        expect(liveText(el)).to.equal(status);
        expectNoBrokenText(el);
        await expect(el).to.be.accessible();
      });
    }
  }

  it('shows a status and a cancellation reason Stripe adds later as given', async () => {
    const { el } = await mountCapture(always(paymentIntent({ status: 'canceled', cancellation_reason: 'some_new_reason', latest_charge: null })), { lang: 'ja' });
    await ready(el);
    expect(partText(el, 'reason')).to.equal('不明 (some_new_reason)');
    const { el: other } = await mountCapture(always(paymentIntent({ status: 'requires_review', latest_charge: null })));
    await ready(other);
    expect(partText(other, 'status')).to.equal('Unknown (requires_review)');
    expect(other.shadowRoot!.querySelector('[part="summary"]')).to.equal(null);
    expectNoBrokenText(other);
    await expect(other).to.be.accessible();
  });

  it('keeps hostile strings as text', async () => {
    const intent = paymentIntent({
      status: HOSTILE,
      latest_charge: null,
    });
    const { el } = await mountCapture(always(intent));
    await ready(el);
    expect(partText(el, 'status')).to.equal(`Unknown (${HOSTILE})`);
    const failed = paymentIntent({ status: 'requires_payment_method', last_payment_error: { message: HOSTILE }, latest_charge: null });
    const { el: other } = await mountCapture(always(failed));
    await ready(other);
    expect(partText(other, 'reason')).to.equal(HOSTILE);
    for (const widget of [el, other]) expect(widget.shadowRoot!.querySelector('img')).to.equal(null);
  });

  it('fits a 320 px wide screen without horizontal scrolling', async () => {
    const intent = paymentIntent({ latest_charge: settledCharge({ transfer: 'tr_1234567890abcdefghijklmnop', application_fee: 'fee_1234567890abcdefghijkl', application_fee_amount: 100 }) });
    const { el } = await mountCapture(always(intent));
    el.parentElement!.style.width = '320px';
    await ready(el);
    const base = el.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    expect(el.getBoundingClientRect().width).to.be.at.most(320);
  });
});
