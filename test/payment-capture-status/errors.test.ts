import { expect, html } from '@open-wc/testing';
import '../../src/payment-capture-status/define.js';
import type { PaymentCaptureStatus } from '../../src/payment-capture-status/define.js';
import type { SwkErrorDetail } from '../../src/core/events.js';
import { afterMicrotasks, expectNoBrokenText, heldAnswer, mount, shadowText, stripeError, until } from '../helpers.js';
import { ENDPOINT, mountCapture, paymentIntent, settledCharge } from './fixtures.js';

const errorShown = (el: Element) => until(() => el.shadowRoot!.querySelector('[part="error"]') !== null, 'the error state', 5000);
const retryButton = (el: Element) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]')!;

function collectErrors(): SwkErrorDetail[] {
  const errors: SwkErrorDetail[] = [];
  const listener = (event: GlobalEventHandlersEventMap['swk-error']) => errors.push(event.detail);
  beforeEach(() => {
    errors.splice(0);
    document.addEventListener('swk-error', listener);
  });
  afterEach(() => document.removeEventListener('swk-error', listener));
  return errors;
}

describe('<payment-capture-status> errors', () => {
  const errors = collectErrors();

  it("shows Stripe's error with the request id, and Retry loads the payment", async () => {
    const { el, calls } = await mountCapture((_call, n) => (n === 0 ? stripeError(404, "No such payment_intent: 'pi_1'") : { json: paymentIntent({ latest_charge: settledCharge() }) }));
    await errorShown(el);
    const text = shadowText(el);
    expect(text).to.include('The payment could not be loaded');
    expect(text).to.include('Stripe returned an error.');
    expect(text).to.include("Details: No such payment_intent: 'pi_1'");
    expect(text).to.include('Request ID: req_test_123');
    expect(errors.map((e) => [e.error.kind, e.error.status, e.error.code])).to.deep.equal([['stripe', 404, 'resource_missing']]);
    await expect(el).to.be.accessible();
    const retry = retryButton(el);
    retry.focus();
    expect(el.shadowRoot!.activeElement).to.equal(retry);
    retry.click();
    await until(() => el.shadowRoot!.querySelector('[part~="fee"]') !== null, 'the payment after Retry');
    expect(calls.map((c) => c.url)).to.deep.equal([`${ENDPOINT}/pi_1`, `${ENDPOINT}/pi_1`]);
    expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
  });

  it('explains an answer that is not JSON (ja)', async () => {
    const { el } = await mountCapture(() => ({ text: '<html>502 Bad Gateway</html>' }), { lang: 'ja' });
    await errorShown(el);
    expect(shadowText(el)).to.include('支払いを読み込めませんでした').and.include('サーバーの応答を読み取れませんでした。').and.include('再試行');
    expect(errors[0]?.error.kind).to.equal('invalid_response');
    expectNoBrokenText(el);
    await expect(el).to.be.accessible();
  });

  it('treats an object that is not a PaymentIntent as an invalid response', async () => {
    const { el } = await mountCapture(() => ({ json: { id: 'pi_1', status: 'succeeded', amount: '10.00', currency: 'usd' } }));
    await errorShown(el);
    expect(shadowText(el)).to.include('The server sent an answer we could not read.');
    expect(errors[0]?.error.message).to.include('amount');
  });

  it('times out when the backend does not answer', async () => {
    const { el } = await mountCapture(() => 'hang', { timeout: 0.05 });
    await errorShown(el);
    expect(shadowText(el)).to.include('The server took too long to answer.');
    expect(errors[0]?.error.kind).to.equal('timeout');
  });

  it('reports a network failure after the automatic retries', async () => {
    const { el, calls } = await mountCapture(() => 'network-error');
    await errorShown(el);
    expect(shadowText(el)).to.include('We could not reach the server.');
    expect(calls.length).to.equal(3);
    expect(errors.map((e) => e.error.kind)).to.deep.equal(['network']);
    await expect(el).to.be.accessible();
  });

  it('shows an HTTP error without a Stripe body', async () => {
    const { el } = await mountCapture(() => ({ status: 403, json: { nope: true } }));
    await errorShown(el);
    expect(shadowText(el)).to.include('The server returned an error.');
    expect(errors[0]?.error).to.include({ kind: 'http', status: 403 });
  });

  it('says it is not set up when the payment id is missing, without a request', async () => {
    let requests = 0;
    const el = await mount<PaymentCaptureStatus>(html`<payment-capture-status
      endpoint=${ENDPOINT}
      .fetcher=${() => {
        requests += 1;
        return Promise.resolve(new Response('{}'));
      }}
    ></payment-capture-status>`);
    await errorShown(el);
    expect(shadowText(el)).to.include('This widget is not set up correctly.');
    expect(errors[0]?.error.kind).to.equal('config');
    expect(requests).to.equal(0);
  });

  it('drops the answer for a previous payment id when the id changes', async () => {
    const stale = heldAnswer({ json: paymentIntent({ id: 'pi_old', amount: 111 }) });
    const { el, calls } = await mountCapture((call) =>
      call.url.endsWith('/pi_old') ? stale.answer : { json: paymentIntent({ id: 'pi_new', amount: 2222, latest_charge: settledCharge() }) },
    { id: 'pi_old' });
    const loaded: string[] = [];
    el.addEventListener('swk-load', (e) => loaded.push(e.detail.object.id));
    el.paymentIntentId = 'pi_new';
    await until(() => el.shadowRoot!.querySelector('[part~="amount"]')?.textContent === '$22.22', 'the new payment');
    expect(calls[0]!.signal?.aborted).to.equal(true);
    stale.release();
    await calls[0]!.delivered;
    await afterMicrotasks();
    el.requestUpdate();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="amount"]')?.textContent).to.equal('$22.22');
    expect(loaded).to.deep.equal(['pi_new']);
  });
});
