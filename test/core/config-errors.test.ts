import { expect, fixture } from '@open-wc/testing';
import { html, unsafeStatic } from 'lit/static-html.js';
import '../../src/capital-offer-card/define.js';
import '../../src/climate-order-form/define.js';
import '../../src/climate-order-status/define.js';
import '../../src/payment-capture-status/define.js';
import '../../src/spt-token-status/define.js';
import type { SwkErrorDetail } from '../../src/core/events.js';
import { shadowText, until } from '../helpers.js';

const WIDGETS = ['capital-offer-card', 'climate-order-form', 'climate-order-status', 'payment-capture-status', 'spt-token-status'];

describe('a widget without an endpoint', () => {
  for (const tag of WIDGETS) {
    it(`<${tag}> says it is not set up, fires swk-error, and offers no pointless Retry`, async () => {
      const errors: SwkErrorDetail[] = [];
      const listener = (e: Event) => errors.push((e as CustomEvent<SwkErrorDetail>).detail);
      document.addEventListener('swk-error', listener);
      try {
        const el = await fixture(html`<${unsafeStatic(tag)} lang="ja"></${unsafeStatic(tag)}>`);
        await until(() => errors.length > 0, 'swk-error');
        await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
        expect(errors[0]!.error.kind).to.equal('config');
        expect(el.shadowRoot!.querySelector('[role="alert"]'), shadowText(el)).not.to.equal(null);
        expect(shadowText(el)).to.include('このウィジェットの設定が正しくありません');
        expect(el.shadowRoot!.querySelector('[part="retry-button"]')).to.equal(null);
        await expect(el).to.be.accessible();
      } finally {
        document.removeEventListener('swk-error', listener);
      }
    });
  }
});
