import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { baseStyles } from '../../src/core/styles.js';
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

  it('colours a badge by its tone from the theme tokens, and exposes it under the part it was given', async () => {
    class BadgeProbe extends LitElement {
      static override styles = [baseStyles];
      override render() {
        return html`${renderBadge('Paid', 'success')} ${renderBadge('Pending', 'warning', 'pending')} ${renderBadge('Odd', toneOf(TONES, 'odd'))}`;
      }
    }
    if (!customElements.get('swk-badge-probe')) customElements.define('swk-badge-probe', BadgeProbe);
    const host = await fixture(html`<div>
      <style>
        swk-badge-probe {
          --swk-color-success: rgb(0, 128, 1);
          --swk-color-warning: rgb(200, 100, 2);
          --swk-color-muted: rgb(90, 90, 3);
        }
        swk-badge-probe::part(pending) {
          outline: 1px solid rgb(4, 5, 6);
        }
      </style>
      <swk-badge-probe></swk-badge-probe>
    </div>`);
    const probe = host.querySelector<BadgeProbe>('swk-badge-probe')!;
    await probe.updateComplete;
    const [paid, pending, odd] = [...probe.shadowRoot!.querySelectorAll('.badge')].map((badge) => getComputedStyle(badge));
    expect(paid!.color).to.equal('rgb(0, 128, 1)');
    expect(pending!.color).to.equal('rgb(200, 100, 2)');
    expect(odd!.color).to.equal('rgb(90, 90, 3)');
    // The page styles the pending badge through ::part(pending), not ::part(status).
    expect(pending!.outlineColor).to.equal('rgb(4, 5, 6)');
    expect(paid!.outlineColor).not.to.equal('rgb(4, 5, 6)');
  });
});
