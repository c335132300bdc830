import { expect } from '@open-wc/testing';
import type { SptTokenExpiredDetail } from '../../src/spt-token-status/define.js';
import { expectNoBrokenText } from '../helpers.js';
import { systemClock } from '../../src/core/clock.js';
import { FakeClock } from '../../src/testing/fake-clock.js';
import { grantedToken, liveText, mountToken, partText, T0, T0_SECONDS, untilText } from './fixtures.js';

/** A token that expires `seconds` after T0. */
const expiringIn = (seconds: number, overrides: Record<string, unknown> = {}) =>
  grantedToken({ usage_limits: { currency: 'usd', max_amount: 2500, expires_at: T0_SECONDS + seconds }, ...overrides });

function recordExpiries(target: EventTarget): SptTokenExpiredDetail[] {
  const seen: SptTokenExpiredDetail[] = [];
  target.addEventListener('swk-token-expired', (e) => seen.push((e as CustomEvent<SptTokenExpiredDetail>).detail));
  return seen;
}

describe('<spt-token-status> countdown', () => {
  it('updates each minute, then each second in the last minute, announcing only at thresholds', async () => {
    const clock = new FakeClock(T0);
    const { el } = await mountToken(() => ({ json: expiringIn(11 * 60 + 30) }), { clock });
    await untilText(el, 'Time left');
    expect(partText(el, 'countdown')).to.equal('11 min');
    expect(liveText(el)).to.equal('Token active. Expires in 11 min.');

    clock.tick(30_999);
    await el.updateComplete;
    expect(partText(el, 'countdown'), 'rounded up: 10 min 59.001 s left').to.equal('11 min');
    clock.tick(1);
    await el.updateComplete;
    expect(partText(el, 'countdown')).to.equal('10 min');
    expect(liveText(el), 'announced when "10 min" first shows').to.equal('Token expires in 10 min.');

    clock.tick(60_000);
    await el.updateComplete;
    expect(partText(el, 'countdown')).to.equal('9 min');
    // No threshold crossed: nothing new is announced.
    expect(liveText(el)).to.equal('Token expires in 10 min.');

    clock.tick(8 * 60_000);
    await el.updateComplete;
    expect(partText(el, 'countdown')).to.equal('1 min');
    expect(liveText(el)).to.equal('Token expires in 1 min.');

    clock.tick(59_000);
    await el.updateComplete;
    expect(partText(el, 'countdown')).to.equal('1 min');
    clock.tick(1_000);
    await el.updateComplete;
    expect(partText(el, 'countdown')).to.equal('59 sec');
    clock.tick(1_000);
    await el.updateComplete;
    expect(partText(el, 'countdown')).to.equal('58 sec');
    expect(liveText(el), 'not announced every tick').to.equal('Token expires in 1 min.');

    clock.tick(48_000);
    await el.updateComplete;
    expect(partText(el, 'countdown')).to.equal('10 sec');
    expect(liveText(el)).to.equal('Token expires in 10 sec.');
    expectNoBrokenText(el);
    await expect(el).to.be.accessible();
  });

  it('rounds whole seconds up, as documented: 9.4 s left shows "10 sec", 0.4 s shows "1 sec", never "0 sec"', async () => {
    const clock = new FakeClock(T0);
    const { el } = await mountToken(() => ({ json: expiringIn(10) }), { clock });
    await untilText(el, 'Time left');
    expect(partText(el, 'countdown')).to.equal('10 sec');
    // Between the widget's own ticks: a render now shows the time as it is now.
    clock.tick(600);
    el.requestUpdate();
    await el.updateComplete;
    expect(partText(el, 'countdown'), '9.4 s left').to.equal('10 sec');
    clock.tick(9_000);
    el.requestUpdate();
    await el.updateComplete;
    expect(partText(el, 'countdown'), '0.4 s left').to.equal('1 sec');
    expect(partText(el, 'status')).to.equal('Active');
    clock.tick(400);
    await el.updateComplete;
    expect(partText(el, 'status')).to.equal('Expired');
  });

  it('turns expired by time, fires swk-token-expired once with the token, and stops its timer', async () => {
    const clock = new FakeClock(T0);
    const { el } = await mountToken(() => ({ json: expiringIn(120) }), { clock });
    const expiries = recordExpiries(el);
    await untilText(el, 'Time left');
    expect(partText(el, 'status')).to.equal('Active');
    expect(clock.pending).to.equal(1);

    clock.tick(119_000);
    await el.updateComplete;
    expect(partText(el, 'countdown')).to.equal('1 sec');
    expect(expiries).to.have.length(0);

    clock.tick(1_000);
    await el.updateComplete;
    expect(partText(el, 'status')).to.equal('Expired');
    expect(partText(el, 'notice')).to.equal('This token can no longer be used for payments.');
    expect(el.shadowRoot!.querySelector('[part="countdown"]')).to.equal(null);
    expect(liveText(el)).to.equal('Token expired.');
    expect(expiries.map((d) => d.token.id)).to.deep.equal(['spt_123']);
    expect(clock.pending).to.equal(0);

    clock.tick(3_600_000);
    el.requestUpdate();
    await el.updateComplete;
    expect(expiries).to.have.length(1);
    expectNoBrokenText(el);
    await expect(el).to.be.accessible();
  });

  it('shows the expiry in Japanese and announces it', async () => {
    const clock = new FakeClock(T0);
    const { el } = await mountToken(() => ({ json: expiringIn(5) }), { clock, lang: 'ja' });
    await untilText(el, '残り時間');
    expect(partText(el, 'countdown')).to.match(/^5\s?秒$/);
    clock.tick(5_000);
    await el.updateComplete;
    expect(partText(el, 'status')).to.equal('期限切れ');
    expect(liveText(el)).to.equal('トークンの有効期限が切れました。');
    expect(partText(el, 'notice')).to.equal('このトークンは決済に使用できなくなりました。');
    await expect(el).to.be.accessible();
  });

  it('shows a token already past expires_at as expired without firing swk-token-expired', async () => {
    const clock = new FakeClock(T0);
    const { el } = await mountToken(() => ({ json: expiringIn(-30) }), { clock });
    const expiries = recordExpiries(el);
    await untilText(el, 'Expired');
    expect(partText(el, 'status')).to.equal('Expired');
    expect(clock.pending).to.equal(0);
    clock.tick(60_000);
    el.requestUpdate();
    await el.updateComplete;
    expect(expiries).to.have.length(0);
  });

  it('stops its timer when removed and resumes when put back', async () => {
    const clock = new FakeClock(T0);
    const { el } = await mountToken(() => ({ json: expiringIn(3600) }), { clock });
    await untilText(el, 'Time left');
    expect(clock.pending).to.equal(1);
    const parent = el.parentElement!;
    el.remove();
    expect(clock.pending).to.equal(0);
    clock.tick(30 * 60_000);
    parent.append(el);
    await untilText(el, '30 min');
    expect(clock.pending).to.equal(1);
  });

  it('has no countdown or timer for a deactivated token even before expires_at', async () => {
    const clock = new FakeClock(T0);
    const { el } = await mountToken(() => ({ json: expiringIn(600, { deactivated_at: T0_SECONDS - 1, deactivated_reason: 'revoked' }) }), { clock });
    const expiries = recordExpiries(el);
    await untilText(el, 'Revoked by the agent');
    expect(clock.pending).to.equal(0);
    clock.tick(700_000);
    el.requestUpdate();
    await el.updateComplete;
    expect(partText(el, 'status')).to.equal('Deactivated');
    expect(expiries).to.have.length(0);
  });

  it('runs on the real clock by default', async () => {
    const { el } = await mountToken(() => ({ json: grantedToken({ usage_limits: { currency: 'usd', max_amount: 100, expires_at: Date.now() / 1000 + 1.2 } }) }));
    // mountToken starts on a fake clock; switch to the real one the element uses by default.
    const expired = new Promise<Event>((resolve) => el.addEventListener('swk-token-expired', resolve, { once: true }));
    el.clock = systemClock;
    await untilText(el, 'Time left');
    await expired;
    await untilText(el, 'Expired');
    expect(partText(el, 'status')).to.equal('Expired');
  });
});
