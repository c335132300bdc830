import { expect, fixture, html } from '@open-wc/testing';
import { describeEnum, renderBadge, toneOf, type Tone } from '../../src/core/templates.js';

const TONES: Record<string, Tone> = { succeeded: 'success', failed: 'danger' };

describe('status badges', () => {
  it('looks the tone up, and a value Stripe adds later is neutral', () => {
    expect(toneOf(TONES, 'succeeded')).to.equal('success');
    expect(toneOf(TONES, 'brand_new_status')).to.equal('neutral');
    expect(toneOf(TONES, null)).to.equal('neutral');
  });

  it('does not take a tone from Object.prototype for a hostile status', async () => {
    expect(toneOf(TONES, 'constructor')).to.equal('neutral');
    const host = await fixture(html`<div>${renderBadge(describeEnum({}, 'constructor', 'en'), toneOf(TONES, 'constructor'))}</div>`);
    const badge = host.querySelector('[part="status"]')!;
    expect(badge.getAttribute('data-tone')).to.equal('neutral');
    expect(badge.textContent).to.equal('Unknown (constructor)');
  });

  it('can carry a part other than status', async () => {
    const host = await fixture(html`<div>${renderBadge('Pending', 'warning', 'pending')}</div>`);
    expect(host.querySelector('[part="pending"]')?.getAttribute('data-tone')).to.equal('warning');
  });
});
