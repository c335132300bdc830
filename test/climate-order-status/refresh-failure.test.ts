import { expect } from '@open-wc/testing';
import type { SwkErrorDetail } from '../../src/core/events.js';
import { part, shadowText, stripeError, until } from '../helpers.js';
import { climateOrder, mountOrder, untilText } from './fixtures.js';

describe('climate-order-status when a poll fails', () => {
  it('keeps the order on screen, says it could not update, and Retry refreshes it', async () => {
    let answers = 0;
    let failing = false;
    const { el, calls } = await mountOrder(
      () => {
        answers++;
        return failing ? stripeError(404, 'Gone for now') : { json: climateOrder({ status: answers > 2 ? 'delivered' : 'confirmed' }) };
      },
      { refreshInterval: 0.05, lang: 'ja' },
    );
    await untilText(el, '確定済み');
    const errors: SwkErrorDetail[] = [];
    el.addEventListener('swk-error', (e) => errors.push(e.detail));
    failing = true;
    await until(() => errors.length > 0, 'swk-error from the failed poll');
    el.refreshInterval = 0;
    await el.updateComplete;
    const notice = part(el, '[part="refresh-error"]');
    expect(notice.getAttribute('role')).to.equal('alert');
    expect(notice.textContent).to.include('更新できませんでした');
    expect(shadowText(el), 'the last known order stays').to.include('確定済み');
    expect(errors[0]!.error.kind).to.equal('stripe');
    await expect(el).to.be.accessible();
    failing = false;
    const before = calls.length;
    notice.querySelector<HTMLButtonElement>('button')!.click();
    await until(() => calls.length > before && !el.shadowRoot!.querySelector('[part="refresh-error"]'), 'the notice to go after Retry');
    await untilText(el, '達成済み');
  });
});
