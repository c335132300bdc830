import { expect, fixture, html } from '@open-wc/testing';
import type { SptTokenStatus } from '../../src/spt-token-status/define.js';
import { FakeClock } from '../../src/testing/fake-clock.js';
import { fakeBackend, part, stripeError, until } from '../helpers.js';
import { assertNoPrivateData, recordFlow, recordSwkEvents } from '../swk-events.js';
import { ENDPOINT, grantedToken, mountToken, T0, T0_SECONDS, untilText } from './fixtures.js';

describe('spt-token-status analytics events', () => {
  let events: ReturnType<typeof recordSwkEvents>;
  beforeEach(() => (events = recordSwkEvents()));
  afterEach(() => events.stop());

  it('loaded, then token_expired once when expires_at passes on screen, timed by the widget clock', async () => {
    const clock = new FakeClock(T0);
    const token = grantedToken({ usage_limits: { currency: 'usd', max_amount: 2500, expires_at: T0_SECONDS + 120 } });
    const { el } = await mountToken(() => ({ json: token }), { clock });
    await untilText(el, 'Time left');
    clock.tick(120_000);
    await el.updateComplete;
    el.requestUpdate();
    await el.updateComplete;
    expect(events.dom).to.deep.equal([
      { name: 'loaded', tag: 'spt-token-status', at: T0, objectId: 'spt_123' },
      { name: 'token_expired', tag: 'spt-token-status', at: T0 + 120_000, objectId: 'spt_123', status: 'expired' },
    ]);
  });

  it('token_charged once, right after swk-charged, with the PaymentIntent id and status only; a declined charge reports error, its Retry retried', async () => {
    const token = grantedToken({ usage_details: { amount_captured: { value: 0, currency: 'usd' } } });
    const intent = { id: 'pi_spt_1', object: 'payment_intent', status: 'succeeded', amount: 5000, currency: 'usd', created: T0_SECONDS, client_secret: 'pi_spt_1_secret_abc123', last_payment_error: null };
    let charges = 0;
    const { fetcher } = fakeBackend((call) => {
      if (call.method === 'GET') return { json: token };
      return charges++ === 0 ? stripeError(402, 'Your card was declined.', 'card_declined', 'card_error') : { json: intent };
    });
    const flow = recordFlow(['swk-load', 'swk-error', 'swk-charged']);
    try {
      const el = await fixture<SptTokenStatus>(html`<spt-token-status
        lang="en"
        endpoint=${ENDPOINT}
        token-id="spt_123"
        charge-amount="5000"
        .fetcher=${fetcher}
        .clock=${new FakeClock(T0)}
      ></spt-token-status>`);
      await until(() => !!el.shadowRoot?.querySelector('[part="charge-button"]'), 'the charge button');
      part<HTMLButtonElement>(el, '[part="charge-button"]').click();
      // The declined charge refetches the token (its usage may have moved): wait for that load too.
      await until(() => flow.log.filter((type) => type === 'swk-load').length === 2, 'the token refetched after the decline');
      await el.updateComplete;
      part<HTMLButtonElement>(el, '[part="charge-error"] [part="retry-button"]').click();
      await until(() => flow.log.filter((type) => type === 'swk-load').length === 3, 'the token refetched after the charge');

      expect(flow.log).to.deep.equal([
        'swk-load',
        'event:loaded',
        'swk-error',
        'event:error',
        'swk-load',
        'event:retried',
        'swk-charged',
        'event:token_charged',
        'swk-load',
      ]);
      expect(events.dom.filter((event) => event.name !== 'loaded')).to.deep.equal([
        { name: 'error', tag: 'spt-token-status', at: T0, errorKind: 'stripe' },
        { name: 'retried', tag: 'spt-token-status', at: T0 },
        { name: 'token_charged', tag: 'spt-token-status', at: T0, objectId: 'pi_spt_1', status: 'succeeded' },
      ]);
      expect(events.callback).to.deep.equal(events.dom);
      assertNoPrivateData(events.dom, [token, intent]);
      expect(JSON.stringify(events.dom)).not.to.include('secret');
    } finally {
      flow.stop();
    }
  });
});
