import { expect } from '@open-wc/testing';
import { FakeClock } from '../../src/testing/fake-clock.js';
import { recordSwkEvents } from '../swk-events.js';
import { grantedToken, mountToken, T0, T0_SECONDS, untilText } from './fixtures.js';

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
});
