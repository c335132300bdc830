import { expect } from '@open-wc/testing';
import type { CaptureSettledDetail, PaymentCaptureStatus } from '../../src/payment-capture-status/define.js';
import { expectNoBrokenText, shadowText, until } from '../helpers.js';
import { nextPollMs } from '../../src/payment-capture-status/capture-state.js';
import { FakeEventSource, useFakeEventSource } from '../fake-event-source.js';
import { always, balanceTransaction, charge, connectCharge, CREATED, HOUR_MS, mountCapture, paymentIntent, settledCharge } from './fixtures.js';
import { messages } from '../../src/payment-capture-status/payment-capture-status.messages.js';

/** The catalog's own words: a negative check follows them when the wording changes. */
const text = messages.en;

const partText = (el: Element, name: string) => el.shadowRoot?.querySelector(`[part~="${name}"]`)?.textContent?.replace(/\s+/g, ' ').trim();
const liveText = (el: Element) => el.shadowRoot?.querySelector('[role="status"]')?.textContent?.trim();
const ready = (el: PaymentCaptureStatus) => until(() => el.shadowRoot!.querySelector('[part="status"]') !== null, 'the payment to render');

/**
 * Proves that a widget polling every `seconds` would have polled again by now, without a fixed sleep: a
 * witness widget mounted now, with the same interval and a payment that never settles, has made
 * `polls` polls (its waits, 1, 2, 4 … intervals, start later and add up to more than any wait the
 * observed widget could have scheduled before).
 */
async function afterWitnessPolls(seconds: number, polls: number): Promise<void> {
  const witness = await mountCapture(always(paymentIntent({ id: 'pi_witness' })), { id: 'pi_witness', refreshInterval: seconds });
  await until(() => witness.calls.length > polls, `the witness's ${polls} polls`, 8000);
  witness.el.remove();
}

function loadCount(el: HTMLElement): () => number {
  let loads = 0;
  el.addEventListener('swk-load', () => (loads += 1));
  return () => loads;
}

const pending = () => paymentIntent();
const settled = () => paymentIntent({ latest_charge: settledCharge() });

function settledEvents(el: HTMLElement): CaptureSettledDetail[] {
  const seen: CaptureSettledDetail[] = [];
  el.addEventListener('swk-capture-settled', (event) => seen.push(event.detail));
  return seen;
}

let streamCount = 0;
const freshStream = () => `/api/events?test=${(streamCount += 1)}`;

describe('<payment-capture-status> pending settlement', () => {
  it('shows a captured payment with fee and net pending, in words (en)', async () => {
    const { el } = await mountCapture(always(pending()));
    await ready(el);
    expect(partText(el, 'status')).to.equal('Succeeded');
    expect(partText(el, 'captured')).to.equal('$10.00');
    expect(partText(el, 'fee')).to.equal('Pending');
    expect(partText(el, 'net')).to.equal('Pending');
    expect(partText(el, 'notice')).to.equal('The fees are finalised shortly, usually within an hour.');
    expect(liveText(el)).to.equal('Succeeded. The fees are pending.');
    expectNoBrokenText(el);
    await expect(el).to.be.accessible();
  });

  it('shows pending Connect parts in Japanese', async () => {
    const { el } = await mountCapture(always(paymentIntent({ latest_charge: connectCharge() })), { lang: 'ja' });
    await ready(el);
    expect(partText(el, 'transfer')).to.equal('保留中');
    expect(partText(el, 'application-fee')).to.equal('$1.00 保留中');
    expect(partText(el, 'fee')).to.equal('保留中');
    expect(partText(el, 'notice')).to.equal('手数料と送金はまもなく確定します (通常 1 時間以内)。');
    expect(liveText(el)).to.equal('成功。手数料と送金は保留中です。');
    await expect(el).to.be.accessible();
  });

  it('settles by polling: shows fee and net, fires swk-capture-settled once, stops polling', async () => {
    const { el, calls } = await mountCapture((_call, n) => ({ json: n < 2 ? pending() : settled() }), { refreshInterval: 0.03 });
    const seen = settledEvents(el);
    await ready(el);
    expect(partText(el, 'fee')).to.equal('Pending');
    await until(() => partText(el, 'fee') === '$0.59', 'the fee to arrive');
    expect(partText(el, 'net')).to.equal('$9.41');
    expect(el.shadowRoot!.querySelector('[part="notice"]')).to.equal(null);
    expect(liveText(el)).to.equal('Succeeded. The fees are finalised.');
    expect(seen).to.have.length(1);
    expect(seen[0]!.charge.id).to.equal('ch_1');
    expect(seen[0]!.charge.balance_transaction).to.deep.include({ id: 'txn_1', fee: 59, net: 941 });
    expect(calls.length).to.equal(3);
    await afterWitnessPolls(0.03, 2);
    expect(calls.length, 'no poll once settled').to.equal(3);
    expect(seen).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('treats a charge given only as an id as pending: claims no fee or net, and keeps checking until it is expanded', async () => {
    const { el, calls } = await mountCapture((_call, n) => ({ json: n < 2 ? paymentIntent({ latest_charge: 'ch_1' }) : settled() }), { refreshInterval: 0.03 });
    const seen = settledEvents(el);
    await ready(el);
    expect(partText(el, 'status')).to.equal('Succeeded');
    expect(partText(el, 'fee')).to.equal('Pending');
    expect(partText(el, 'net')).to.equal('Pending');
    expect(partText(el, 'notice')).to.equal('The fees are finalised shortly, usually within an hour.');
    expect(liveText(el)).to.equal('Succeeded. The fees are pending.');
    expectNoBrokenText(el);
    await expect(el).to.be.accessible();
    await until(() => partText(el, 'fee') === '$0.59', 'the expanded charge');
    expect(calls).to.have.length(3);
    expect(seen.map((d) => d.charge.id)).to.deep.equal(['ch_1']);
  });

  it('does not fire swk-capture-settled for a payment that was already settled when shown, nor poll it', async () => {
    const { el, calls } = await mountCapture(always(settled()), { refreshInterval: 0.03 });
    const seen = settledEvents(el);
    const loads = loadCount(el);
    await ready(el);
    // swk-capture-settled would come before swk-load of the same answer.
    await until(() => loads() === 1 || calls.length === 1, 'the first answer');
    await afterWitnessPolls(0.03, 2);
    expect(seen).to.have.length(0);
    expect(calls).to.have.length(1);
  });

  it('keeps checking a processing payment until it has an outcome', async () => {
    const { el, calls } = await mountCapture((_call, n) => ({ json: n < 1 ? paymentIntent({ status: 'processing', latest_charge: null }) : settled() }), { refreshInterval: 0.03 });
    await ready(el);
    await until(() => partText(el, 'status') === 'Succeeded', 'the outcome');
    expect(calls.length).to.equal(2);
  });
});

describe('<payment-capture-status> one-hour SLA', () => {
  it('gives up after the hour with a clear "still pending, check later" state; Check again refetches', async () => {
    const clock = () => CREATED * 1000 + HOUR_MS + 1000;
    const { el, calls } = await mountCapture((_call, n) => ({ json: n === 0 ? pending() : settled() }), { refreshInterval: 0.03, clock });
    const seen = settledEvents(el);
    await ready(el);
    expect(partText(el, 'overdue')).to.include('Still pending. Stripe usually finalises the fees within an hour; check again later.');
    expect(el.shadowRoot!.querySelector('[part="notice"]')).to.equal(null);
    expect(liveText(el)).to.equal('The fees are still pending. Check again later.');
    expect(partText(el, 'fee')).to.equal('Pending');
    await expect(el).to.be.accessible();
    await afterWitnessPolls(0.03, 2);
    expect(calls, 'no polling after the hour').to.have.length(1);
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="check-button"]')!;
    expect(button.textContent?.trim()).to.equal('Check again');
    button.focus();
    expect(el.shadowRoot!.activeElement).to.equal(button);
    button.click();
    await until(() => partText(el, 'fee') === '$0.59', 'the fee after checking again');
    expect(calls).to.have.length(2);
    expect(seen).to.have.length(1);
    expect(el.shadowRoot!.querySelector('[part="overdue"]')).to.equal(null);
  });

  it('says so in Japanese', async () => {
    const { el } = await mountCapture(always(pending()), { lang: 'ja', clock: () => CREATED * 1000 + 2 * HOUR_MS });
    await ready(el);
    expect(partText(el, 'overdue')).to.include('まだ保留中です。').and.include('もう一度確認');
    await expect(el).to.be.accessible();
  });

  it('stops polling when the hour passes while it waits', async () => {
    let now = CREATED * 1000 + HOUR_MS - 60_000;
    const { el, calls } = await mountCapture(always(pending()), { refreshInterval: 0.03, clock: () => now });
    await ready(el);
    await until(() => calls.length >= 2, 'a poll');
    now = CREATED * 1000 + HOUR_MS + 1;
    await until(() => el.shadowRoot!.querySelector('[part="overdue"]') !== null, 'the overdue state', 5000);
    const made = calls.length;
    // Its last wait before the hour passed was at most 30 ms × 2^(polls made).
    await afterWitnessPolls(0.03, made + 2);
    expect(calls.length).to.equal(made);
  });

  it('shows the overdue state when the hour passes without polling', async () => {
    const start = Date.now();
    const clock = () => CREATED * 1000 + HOUR_MS - 150 + (Date.now() - start);
    const { el, calls } = await mountCapture(always(pending()), { clock });
    await ready(el);
    expect(el.shadowRoot!.querySelector('[part="notice"]')).not.to.equal(null);
    await until(() => el.shadowRoot!.querySelector('[part="overdue"]') !== null, 'the overdue state');
    expect(calls).to.have.length(1);
  });
});

describe('<payment-capture-status> seed 003: the SLA, the application fee amount, the words', () => {
  it("counts the hour from the charge's created (the confirmation), not the PaymentIntent's", async () => {
    // Created three hours before it was confirmed; the charge is 30 minutes old.
    const intent = paymentIntent({ created: CREATED - 3 * 3600, latest_charge: charge({ created: CREATED }) });
    const { el } = await mountCapture(always(intent), { clock: () => CREATED * 1000 + 30 * 60_000 });
    await ready(el);
    expect(el.shadowRoot!.querySelector('[part="overdue"]')).to.equal(null);
    expect(partText(el, 'notice')).to.equal('The fees are finalised shortly, usually within an hour.');
  });

  it('starts no countdown with an unexpanded charge: no overdue state however old the PaymentIntent, and it keeps checking', async () => {
    const { el, calls } = await mountCapture(always(paymentIntent({ latest_charge: 'ch_1' })), {
      refreshInterval: 0.03,
      clock: () => CREATED * 1000 + 5 * HOUR_MS,
    });
    await ready(el);
    expect(el.shadowRoot!.querySelector('[part="overdue"]')).to.equal(null);
    expect(partText(el, 'notice')).to.equal('The fees are finalised shortly, usually within an hour.');
    expect(liveText(el)).to.equal('Succeeded. The fees are pending.');
    // Polling stops at a deadline; with none it goes on.
    await until(() => calls.length >= 3, 'polls past what would have been the deadline');
    expect(el.shadowRoot!.querySelector('[part="overdue"]')).to.equal(null);
  });

  it('shows the application fee amount (known at capture) beside "Pending" until the fee object exists, in en and ja', async () => {
    const { el } = await mountCapture(always(paymentIntent({ application_fee_amount: 100, latest_charge: connectCharge() })));
    await ready(el);
    expect(partText(el, 'application-fee')).to.equal('$1.00 Pending');
    expect(partText(el, 'transfer')).to.equal('Pending');
    expect(partText(el, 'notice')).to.equal('The fees and transfers are finalised shortly, usually within an hour.');
    expect(liveText(el)).to.equal('Succeeded. The fees and transfers are pending.');
    expect(shadowText(el)).not.to.include('payout');
    await expect(el).to.be.accessible();
    el.lang = 'ja';
    await until(() => partText(el, 'application-fee') === '$1.00 保留中', 'the Japanese row');
    expect(partText(el, 'notice')).to.equal('手数料と送金はまもなく確定します (通常 1 時間以内)。');
    expectNoBrokenText(el);
  });

  it("takes the PaymentIntent's application_fee_amount when the charge does not carry it", async () => {
    const { el } = await mountCapture(always(paymentIntent({ application_fee_amount: 250, latest_charge: connectCharge({ application_fee_amount: null }) })));
    await ready(el);
    expect(partText(el, 'application-fee')).to.equal('$2.50 Pending');
  });

  it('says the Connect parts were finalised in words without "payouts" (en and ja)', async () => {
    const settledConnect = () =>
      paymentIntent({ latest_charge: settledCharge({ transfer: 'tr_1', application_fee: 'fee_1', application_fee_amount: 100, transfer_data: { destination: 'acct_dest' } }) });
    const { el } = await mountCapture((_call, n) => ({ json: n < 1 ? paymentIntent({ latest_charge: connectCharge() }) : settledConnect() }), { refreshInterval: 0.03 });
    await ready(el);
    await until(() => liveText(el) === 'Succeeded. The fees and transfers are finalised.', 'the settled announcement');
    expect(partText(el, 'application-fee')).to.equal('$1.00 (fee_1)');
  });
});

describe('<payment-capture-status> live events', () => {
  useFakeEventSource();

  it('refetches on charge.updated for its charge and ignores other charges', async () => {
    const url = freshStream();
    const { el, calls } = await mountCapture((_call, n) => ({ json: n === 0 ? pending() : settled() }), { eventsUrl: url });
    const seen = settledEvents(el);
    await ready(el);
    const stream = FakeEventSource.open(url);
    const loads = loadCount(el);
    stream.push({ type: 'charge.updated', id: 'ch_other', object: 'charge' });
    stream.push({ type: 'transfer.created', id: 'tr_unrelated', object: 'transfer' });
    // Events arrive in order: once the one for ch_1 was handled, the two before it were too.
    stream.push({ type: 'charge.updated', id: 'ch_1', object: 'charge' });
    await until(() => partText(el, 'fee') === '$0.59', 'the fee after the event');
    expect(calls).to.have.length(2);
    expect(seen.map((d) => d.charge.id)).to.deep.equal(['ch_1']);
    // Once settled, another update of the same charge refetches but does not announce again.
    const loadsBefore = loads();
    stream.push({ type: 'charge.updated', id: 'ch_1', object: 'charge' });
    // swk-capture-settled would come before this answer's swk-load.
    await until(() => loads() === loadsBefore + 1, 'the refetched answer');
    expect(calls).to.have.length(3);
    expect(seen).to.have.length(1);
  });

  it('Connect: transfer.created and application_fee.created refetch while those parts are pending', async () => {
    const url = freshStream();
    const answers = [
      paymentIntent({ latest_charge: connectCharge() }),
      paymentIntent({ latest_charge: connectCharge({ balance_transaction: balanceTransaction(), transfer: 'tr_9' }) }),
      paymentIntent({ latest_charge: connectCharge({ balance_transaction: balanceTransaction(), transfer: 'tr_9', application_fee: 'fee_9' }) }),
    ];
    const { el, calls } = await mountCapture((_call, n) => ({ json: answers[Math.min(n, 2)] }), { eventsUrl: url });
    const seen = settledEvents(el);
    await ready(el);
    expect(partText(el, 'transfer')).to.equal('Pending');
    expect(partText(el, 'application-fee')).to.equal('$1.00 Pending');
    const stream = FakeEventSource.open(url);
    // The event's object is the new transfer, whose id the widget cannot know yet.
    stream.push({ type: 'transfer.created', id: 'tr_9', object: 'transfer' });
    await until(() => partText(el, 'transfer') === 'tr_9', 'the transfer');
    expect(partText(el, 'fee')).to.equal('$0.59');
    expect(partText(el, 'application-fee')).to.equal('$1.00 Pending');
    expect(seen).to.have.length(0);
    await expect(el).to.be.accessible();
    stream.push({ type: 'application_fee.created', id: 'fee_9', object: 'application_fee' });
    await until(() => partText(el, 'application-fee') === '$1.00 (fee_9)', 'the application fee');
    expect(calls).to.have.length(3);
    expect(seen).to.have.length(1);
    expect(seen[0]!.charge).to.deep.include({ transfer: 'tr_9', application_fee: 'fee_9' });
    expect(shadowText(el)).not.to.include(text.pending);
    // Nothing pending any more: a stranger's transfer.created is not ours.
    stream.push({ type: 'transfer.created', id: 'tr_other', object: 'transfer' });
    stream.push({ type: 'charge.updated', id: 'ch_1', object: 'charge' });
    await until(() => calls.length >= 4, 'the refetch for ch_1');
    expect(calls, 'one refetch, for ch_1 only').to.have.length(4);
  });

  it('refetches on payment_intent events for its own id', async () => {
    const url = freshStream();
    const { el, calls } = await mountCapture(
      (_call, n) => ({ json: n === 0 ? paymentIntent({ status: 'requires_capture', latest_charge: charge({ captured: false }) }) : settled() }),
      { eventsUrl: url },
    );
    await ready(el);
    expect(partText(el, 'status')).to.equal('Authorized');
    FakeEventSource.open(url).push({ type: 'payment_intent.succeeded', id: 'pi_other', object: 'payment_intent' });
    FakeEventSource.open(url).push({ type: 'payment_intent.succeeded', id: 'pi_1', object: 'payment_intent' });
    await until(() => partText(el, 'status') === 'Succeeded', 'the capture');
    expect(calls, 'one refetch, for pi_1 only').to.have.length(2);
  });
});

describe('payment-capture-status poll schedule (nextPollMs)', () => {
  const at = (polls: number, intervalSeconds = 0.04, deadlineMs?: number) => nextPollMs({ intervalSeconds, polls, nowMs: 1_000, deadlineMs });

  it('doubles the interval per poll without news', () => {
    expect([0, 1, 2, 3, 4].map((polls) => at(polls))).to.deep.equal([40, 80, 160, 320, 640]);
  });

  it('waits at most a minute, or the site\'s own longer interval', () => {
    expect(at(20)).to.equal(60_000);
    expect(at(3, 120)).to.equal(120_000);
  });

  it('never waits past the SLA deadline, and stops once it passed', () => {
    expect(at(3, 0.04, 1_100)).to.equal(100);
    expect(at(0, 0.04, 1_000)).to.equal(null);
  });

  it('does not poll without an interval', () => {
    expect(at(0, 0)).to.equal(null);
    expect(at(0, Number.NaN)).to.equal(null);
  });
});
