import { expect } from '@open-wc/testing';
import { FakeClock } from '../../src/testing/fake-clock.js';
import { until } from '../helpers.js';
import { FakeEventSource, useFakeEventSource } from '../fake-event-source.js';
import { grantedToken, liveText, mountToken, partText, T0, T0_SECONDS, untilText } from './fixtures.js';

const used = grantedToken({ deactivated_at: T0_SECONDS + 5, deactivated_reason: 'consumed' });

describe('<spt-token-status> live updates', () => {
  useFakeEventSource();

  it('refetches on this token\'s used/deactivated events only', async () => {
    let answer: object = grantedToken();
    const { el, calls } = await mountToken(() => ({ json: answer }), { eventsUrl: '/api/events' });
    await untilText(el, 'Active');
    const source = FakeEventSource.open('/api/events');
    expect(source.url).to.equal('/api/events');

    source.push({ type: 'shared_payment.granted_token.used', id: 'spt_other', object: 'shared_payment.granted_token' });
    source.push({ type: 'charge.updated', id: 'spt_123', object: 'charge' });
    // A refetch would have called the backend synchronously, as the matching event below does.
    expect(calls).to.have.length(1);

    answer = used;
    source.push({ type: 'shared_payment.granted_token.used', id: 'spt_123', object: 'shared_payment.granted_token' });
    await untilText(el, 'Used up (limit reached)');
    expect(calls).to.have.length(2);
    expect(partText(el, 'status')).to.equal('Deactivated');
    expect(liveText(el)).to.equal('Token deactivated: Used up (limit reached).');
    await expect(el).to.be.accessible();

    el.remove();
    expect(source.readyState, 'closed once the last widget left').to.equal(2);
  });

  it('refetches on a deactivated event and shows the revocation', async () => {
    let answer: object = grantedToken();
    const { el } = await mountToken(() => ({ json: answer }), { eventsUrl: '/api/events', lang: 'ja' });
    await untilText(el, '有効');
    answer = grantedToken({ deactivated_at: T0_SECONDS, deactivated_reason: 'revoked' });
    FakeEventSource.open('/api/events').push({ type: 'shared_payment.granted_token.deactivated', id: 'spt_123', object: 'shared_payment.granted_token' });
    await untilText(el, 'エージェントが取り消しました');
    expect(partText(el, 'status')).to.equal('無効');
    await expect(el).to.be.accessible();
  });

  it('fires swk-token-expired once when the backend confirms an expiry the widget already showed', async () => {
    const clock = new FakeClock(T0);
    const limits = { currency: 'usd', max_amount: 900, expires_at: T0_SECONDS + 30 };
    let answer: object = grantedToken({ usage_limits: limits });
    const { el } = await mountToken(() => ({ json: answer }), { eventsUrl: '/api/events', clock });
    const fired: string[] = [];
    el.addEventListener('swk-token-expired', (e) => fired.push(e.detail.token.id));
    await untilText(el, 'Active');
    clock.tick(30_000);
    await untilText(el, 'Expired');
    answer = grantedToken({ usage_limits: limits, deactivated_at: T0_SECONDS + 31, deactivated_reason: 'expired' });
    FakeEventSource.open('/api/events').push({ type: 'shared_payment.granted_token.deactivated', id: 'spt_123', object: 'shared_payment.granted_token' });
    await untilText(el, 'Reason');
    expect(partText(el, 'reason')).to.equal('Expired');
    expect(fired).to.deep.equal(['spt_123']);
    // Not only at the first change: another confirmation, its refetch rendered, and time passing
    // (more renders of the same expired token) fire nothing more.
    let loads = 0;
    el.addEventListener('swk-load', () => (loads += 1));
    FakeEventSource.open('/api/events').push({ type: 'shared_payment.granted_token.deactivated', id: 'spt_123', object: 'shared_payment.granted_token' });
    await until(() => loads === 1, 'the second refetch to render');
    clock.tick(3_600_000);
    el.requestUpdate();
    await el.updateComplete;
    expect(fired).to.deep.equal(['spt_123']);
  });

  it('after a 502 polls at the backoff pace on its clock, then reopens the stream and refetches the change', async () => {
    let answer: object = grantedToken();
    const { el, calls, clock } = await mountToken(() => ({ json: answer }), { eventsUrl: '/api/events' });
    await untilText(el, 'Active');
    const dead = FakeEventSource.open('/api/events');
    dead.fail();
    answer = used;
    clock.tick(1000);
    expect(calls, 'one poll while the stream is down').to.have.length(2);
    await untilText(el, 'Used up (limit reached)');
    const reopened = FakeEventSource.open('/api/events');
    expect(reopened, 'a new stream, not the dead one').not.to.equal(dead);
    reopened.connect();
    expect(calls, 'one refetch for the reopen').to.have.length(3);
    clock.tick(600_000);
    expect(calls, 'no polling once the stream is open').to.have.length(3);
  });

  it('polls with refresh-interval on its clock and keeps the token on screen while refreshing', async () => {
    let answer: object = grantedToken();
    const { el, calls, clock } = await mountToken(() => ({ json: answer, delayMs: 20 }), { refreshInterval: 60 });
    await untilText(el, 'Active');
    clock.tick(59_999);
    expect(calls, 'no poll before the interval').to.have.length(1);
    answer = used;
    clock.tick(1);
    expect(calls, 'a poll at the interval').to.have.length(2);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="loading"]'), 'no loading flash on refresh').to.equal(null);
    expect(partText(el, 'status')).to.equal('Active');
    await untilText(el, 'Deactivated');
    el.remove();
    clock.tick(600_000);
    expect(calls, 'no polling once removed').to.have.length(2);
  });
});
