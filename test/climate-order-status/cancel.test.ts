import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { OrderCanceledDetail } from '../../src/climate-order-status/define.js';
import { FakeClock } from '../../src/testing/fake-clock.js';
import { expectNoBrokenText, part, shadowText, stripeError, until, type FakeAnswer, type RecordedCall } from '../helpers.js';
import { CANCEL_URL, climateOrder, DAY, hasPart, liveText, mountOrder, mountShowing, partText, T0, T0_SECONDS, untilLoaded } from './fixtures.js';
import { climateOrderMessages } from '../../src/climate-order-status/climate-order-status.messages.js';
import japanese from '../../src/climate-order-status/climate-order-status.messages.ja.js';

/** The catalogs' own words: a negative check follows them when the wording changes. */
const text = climateOrderMessages.en;

const canceledOrder = () => climateOrder({ status: 'canceled', canceled_at: T0_SECONDS, cancellation_reason: 'requested' });

/**
 * An order in `status`, created at `created` (seconds), with the timestamps Stripe sets on the way to
 * that status: confirmed a minute after creation, delivered or canceled half an hour after.
 */
function orderIn(status: string, created: number, fields: Record<string, unknown> = {}) {
  const confirmedAt = status === 'confirmed' || status === 'delivered' ? created + 60 : null;
  const ended =
    status === 'delivered' ? { delivered_at: created + 1800 } : status === 'canceled' ? { canceled_at: created + 1800, cancellation_reason: 'requested' } : {};
  return climateOrder({ status, created, confirmed_at: confirmedAt, ...ended, ...fields });
}

/** An open order placed an hour ago: inside Stripe's 24 hours, so it can be canceled (fees kept). */
const freshOpenOrder = () => orderIn('open', T0_SECONDS - 3600);

/** A backend whose GET answers an open order and whose cancel POSTs answer `cancelAnswers` in turn. */
function backendWithCancel(cancelAnswers: (FakeAnswer | (() => FakeAnswer | Promise<FakeAnswer>))[], order = freshOpenOrder()) {
  let next = 0;
  return (call: RecordedCall): FakeAnswer | Promise<FakeAnswer> => {
    if (call.method === 'GET') return { json: order };
    const answer = cancelAnswers[Math.min(next++, cancelAnswers.length - 1)]!;
    return typeof answer === 'function' ? answer() : answer;
  };
}

const posts = (calls: RecordedCall[]) => calls.filter((c) => c.method === 'POST');
const dialogOf = (el: Element) => part<HTMLDialogElement>(el, 'dialog');
const focused = (el: Element) => el.shadowRoot!.activeElement;

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function recordCancels(el: EventTarget): OrderCanceledDetail[] {
  const seen: OrderCanceledDetail[] = [];
  el.addEventListener('swk-order-canceled', (e) => seen.push((e as CustomEvent<OrderCanceledDetail>).detail));
  return seen;
}

describe('<climate-order-status> cancel dialog', () => {
  it('asks for confirmation in an accessible modal dialog; Escape closes it and focus returns to the button', async () => {
    const { el, calls } = await mountOrder(backendWithCancel([{ json: canceledOrder() }]));
    await untilLoaded(el);
    const opener = part<HTMLButtonElement>(el, '[part~="cancel-button"]');
    expect(opener.textContent!.trim()).to.equal('Cancel order');
    expect(opener.getAttribute('aria-haspopup')).to.equal('dialog');
    opener.focus();
    opener.click();
    const dialog = dialogOf(el);
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(partText(el, 'dialog')).to.include('Cancel this order?');
    expect(partText(el, 'dialog')).to.include("The order will be canceled. This can't be undone.");
    expect(partText(el, 'dialog')).to.include("You get the carbon removal cost back. Frontier's fees are not refunded.");
    expect(partText(el, 'dialog')).not.to.include(text.confirmRefund);
    expect(dialog.contains(focused(el))).to.equal(true);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog.open, 'the dialog to close');
    await until(() => focused(el) === opener, 'focus back on the cancel button');
    expect(posts(calls)).to.have.length(0);
  });

  it('keeps the order with "Keep order", restoring focus', async () => {
    const { el, calls } = await mountOrder(backendWithCancel([{ json: canceledOrder() }]));
    await untilLoaded(el);
    const opener = part<HTMLButtonElement>(el, '[part~="cancel-button"]');
    opener.click();
    part<HTMLButtonElement>(el, '[part~="keep-button"]').click();
    await until(() => !dialogOf(el).open && focused(el) === opener, 'closed with focus restored');
    expect(posts(calls)).to.have.length(0);
    expect(partText(el, 'status')).to.equal('Open');
  });

  it('cancels: one POST with an Idempotency-Key, busy while in flight, then shows the canceled order and fires swk-order-canceled', async () => {
    const gate = deferred<FakeAnswer>();
    const { el, calls } = await mountOrder(backendWithCancel([() => gate.promise]));
    const canceled = recordCancels(el);
    await untilLoaded(el);
    part<HTMLButtonElement>(el, '[part~="cancel-button"]').click();
    const confirm = part<HTMLButtonElement>(el, '[part~="confirm-button"]');
    confirm.click();
    confirm.click();
    await el.updateComplete;
    confirm.click();
    expect(confirm.getAttribute('aria-busy')).to.equal('true');
    expect(confirm.getAttribute('aria-disabled')).to.equal('true');
    expect(confirm.textContent!.trim()).to.equal('Canceling…');
    expect(part(el, '[part~="cancel-button"]').getAttribute('aria-busy')).to.equal('true');
    expect(liveText(el)).to.equal('Canceling…');
    await expect(el).to.be.accessible();
    gate.resolve({ json: canceledOrder() });
    await until(() => partText(el, 'status') === 'Canceled', 'the canceled order');
    const [post] = posts(calls);
    expect(posts(calls), 'double click sends one POST').to.have.length(1);
    expect(post!.url).to.equal(CANCEL_URL);
    expect(post!.headers.get('Idempotency-Key')).to.match(/^swk_[0-9a-f-]{36}$/);
    expect(post!.body).to.deep.equal({});
    expect(canceled).to.have.length(1);
    expect(canceled[0]!.order.id).to.equal('climorder_123');
    expect(canceled[0]!.order.status).to.equal('canceled');
    expect(hasPart(el, 'dialog'), 'no dialog left open').to.equal(false);
    expect(hasPart(el, 'cancel-button')).to.equal(false);
    expect(partText(el, 'cancellation-reason')).to.equal('Canceled at your request.');
    expect(liveText(el)).to.equal('The order was canceled.');
    await until(() => focused(el) === part(el, '[part~="title"]'), 'focus on the heading once the button is gone');
    expectNoBrokenText(el);
    await expect(el).to.be.accessible();
  });

  it('shows a failed cancel with Stripe\'s message, and Retry sends the same Idempotency-Key', async () => {
    const { el, calls } = await mountOrder(
      backendWithCancel([stripeError(400, 'This order can no longer be canceled.', 'order_not_cancelable'), { json: canceledOrder() }]),
    );
    const errors: string[] = [];
    el.addEventListener('swk-error', (e) => errors.push((e as CustomEvent).detail.error.code));
    const canceled = recordCancels(el);
    await untilLoaded(el);
    part<HTMLButtonElement>(el, '[part~="cancel-button"]').click();
    part<HTMLButtonElement>(el, '[part~="confirm-button"]').click();
    await until(() => hasPart(el, 'error'), 'the cancel error');
    const dialogText = partText(el, 'dialog');
    expect(dialogText).to.include("The order couldn't be canceled.");
    expect(dialogText).to.include('Details: This order can no longer be canceled.');
    expect(errors).to.deep.equal(['order_not_cancelable']);
    expect(liveText(el)).to.equal("The order couldn't be canceled.");
    expect(dialogOf(el).open).to.equal(true);
    expect(partText(el, 'status'), 'the order stays on screen').to.equal('Open');
    const retry = part<HTMLButtonElement>(el, '[part~="confirm-button"]');
    expect(retry.textContent!.trim()).to.equal('Try again');
    await expect(el).to.be.accessible();
    retry.click();
    await until(() => partText(el, 'status') === 'Canceled', 'the canceled order');
    const [first, second] = posts(calls);
    expect(posts(calls)).to.have.length(2);
    expect(second!.headers.get('Idempotency-Key')).to.equal(first!.headers.get('Idempotency-Key'));
    expect(canceled).to.have.length(1);
  });

  it('does not retry a failed cancel POST by itself, and keeps the key when the buyer closes and tries again', async () => {
    const { el, calls } = await mountOrder(backendWithCancel(['network-error', { json: canceledOrder() }]));
    await untilLoaded(el);
    part<HTMLButtonElement>(el, '[part~="cancel-button"]').click();
    part<HTMLButtonElement>(el, '[part~="confirm-button"]').click();
    await until(() => hasPart(el, 'error'), 'the cancel error');
    expect(partText(el, 'dialog')).to.include('We could not reach the server.');
    expect(posts(calls)).to.have.length(1);
    await sendKeys({ press: 'Escape' });
    await until(() => !dialogOf(el).open, 'the dialog to close');
    expect(hasPart(el, 'error')).to.equal(false);
    part<HTMLButtonElement>(el, '[part~="cancel-button"]').click();
    part<HTMLButtonElement>(el, '[part~="confirm-button"]').click();
    await until(() => partText(el, 'status') === 'Canceled', 'the canceled order');
    const [first, second] = posts(calls);
    expect(second!.headers.get('Idempotency-Key')).to.equal(first!.headers.get('Idempotency-Key'));
  });

  it('uses a new Idempotency-Key for a new cancel after the order changed', async () => {
    const { el, calls } = await mountOrder((call) => {
      if (call.method === 'GET') return { json: orderIn('open', T0_SECONDS - 3600, { id: call.url.split('/').pop() }) };
      return { json: { ...canceledOrder(), id: call.url.split('/').at(-2) } };
    });
    await untilLoaded(el);
    part<HTMLButtonElement>(el, '[part~="cancel-button"]').click();
    part<HTMLButtonElement>(el, '[part~="confirm-button"]').click();
    await until(() => partText(el, 'status') === 'Canceled', 'the first cancel');
    el.orderId = 'climorder_456';
    await until(() => hasPart(el, 'cancel-button'), 'the second order');
    part<HTMLButtonElement>(el, '[part~="cancel-button"]').click();
    part<HTMLButtonElement>(el, '[part~="confirm-button"]').click();
    await until(() => posts(calls).length === 2 && partText(el, 'status') === 'Canceled', 'the second cancel');
    const [first, second] = posts(calls);
    expect(second!.url).to.equal('/api/climate/orders/climorder_456/cancel');
    expect(second!.headers.get('Idempotency-Key')).not.to.equal(first!.headers.get('Idempotency-Key'));
  });

  it('promises a full refund inside the delay window, in Japanese too, and is accessible with the dialog open', async () => {
    const order = climateOrder({ delayed_at: T0_SECONDS - 3 * DAY, expected_delivery_year: 2029 });
    const { el } = await mountShowing(order, { lang: 'ja' });
    await untilLoaded(el);
    part<HTMLButtonElement>(el, '[part~="cancel-button"]').click();
    const text = partText(el, 'dialog');
    expect(text).to.include('この注文をキャンセルしますか?');
    expect(text).to.include('全額が返金されます。');
    expect(partText(el, 'keep-button')).to.equal('注文を継続');
    expect(partText(el, 'confirm-button')).to.equal('注文をキャンセル');
    await expect(el).to.be.accessible();
    dialogOf(el).close();
  });

  it('offers cancel within 24 hours of creation in every cancelable status, saying the fees are kept (en and ja)', async () => {
    for (const status of ['open', 'awaiting_funds', 'confirmed']) {
      const { el } = await mountShowing(orderIn(status, T0_SECONDS - 23 * 3600));
      await untilLoaded(el);
      expect(hasPart(el, 'cancel-button'), status).to.equal(true);
    }
    const { el } = await mountShowing(orderIn('confirmed', T0_SECONDS - 3600), { lang: 'ja' });
    await untilLoaded(el);
    part<HTMLButtonElement>(el, '[part~="cancel-button"]').click();
    expect(partText(el, 'dialog')).to.include('カーボン除去の費用は返金されますが、Frontier の手数料は返金されません。');
    expect(partText(el, 'dialog')).not.to.include(japanese.confirmRefund);
    dialogOf(el).close();
  });

  it('offers no cancel after 24 hours without a notice, whatever the status', async () => {
    for (const status of ['open', 'awaiting_funds', 'confirmed']) {
      const { el } = await mountShowing(orderIn(status, T0_SECONDS - 25 * 3600));
      await untilLoaded(el);
      expect(hasPart(el, 'cancel-button'), status).to.equal(false);
    }
  });

  it('takes the action away when the 24 hours or a 30-day window end while the order is on screen, without a refetch', async () => {
    const cases = [
      { name: '24 hours', order: orderIn('confirmed', T0_SECONDS - 24 * 3600 + 60) },
      { name: '30 days after a delay', order: orderIn('confirmed', T0_SECONDS - 40 * DAY, { delayed_at: T0_SECONDS - 30 * DAY + 60, expected_delivery_year: 2030 }) },
    ];
    for (const { name, order } of cases) {
      const clock = new FakeClock(T0);
      const { el, calls } = await mountShowing(order, { clock });
      await untilLoaded(el);
      expect(hasPart(el, 'cancel-button'), name).to.equal(true);
      clock.tick(59_000);
      await el.updateComplete;
      expect(hasPart(el, 'cancel-button'), `${name}, a second before`).to.equal(true);
      clock.tick(1_000);
      await el.updateComplete;
      expect(hasPart(el, 'cancel-button'), `${name}, at the end`).to.equal(false);
      expect(calls, name).to.have.length(1);
    }
  });

  it('offers no cancel for delivered or canceled orders, even inside a window', async () => {
    for (const status of ['delivered', 'canceled']) {
      const { el } = await mountShowing(orderIn(status, T0_SECONDS - 3600, { delayed_at: T0_SECONDS - 3600 }));
      await untilLoaded(el);
      expect(hasPart(el, 'cancel-button'), status).to.equal(false);
    }
  });

  it('promises the full refund when a fresh order is also inside a delay window', async () => {
    const { el } = await mountShowing(orderIn('confirmed', T0_SECONDS - 3600, { delayed_at: T0_SECONDS - 60 }));
    await untilLoaded(el);
    part<HTMLButtonElement>(el, '[part~="cancel-button"]').click();
    expect(partText(el, 'dialog')).to.include('You receive a full refund.');
    expect(partText(el, 'dialog')).not.to.include(text.confirmRefundFeesKept);
    dialogOf(el).close();
  });

  it('hides the action with readonly, still stating the deadline', async () => {
    const { el } = await mountShowing(climateOrder({ delayed_at: T0_SECONDS - 3 * DAY }), { readonly: true });
    await untilLoaded(el);
    expect(hasPart(el, 'cancel-button')).to.equal(false);
    expect(hasPart(el, 'dialog')).to.equal(false);
    expect(partText(el, 'cancel-deadline')).to.include('until Mar 28, 2026');
    expect(shadowText(el)).not.to.include(text.cancelOrder);
    await expect(el).to.be.accessible();
  });
});
