import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { part } from '../helpers.js';
import { climateOrder, DAY, mountShowing, T0_SECONDS, untilLoaded } from './fixtures.js';

describe('<climate-order-status> on a narrow screen', () => {
  before(() => setViewport({ width: 320, height: 640 }));
  after(() => setViewport({ width: 800, height: 600 }));

  for (const lang of ['en', 'ja']) {
    it(`fits 320 px without horizontal scrolling (${lang})`, async () => {
      const order = climateOrder({
        status: 'confirmed',
        delayed_at: T0_SECONDS - 2 * DAY,
        beneficiary: { public_name: 'A-very-long-beneficiary-name-without-any-spaces-at-all-for-wrapping' },
      });
      const { el } = await mountShowing(order, { lang });
      await untilLoaded(el);
      const base = part(el, '[part~="base"]');
      expect(base.scrollWidth, 'content wider than the box').to.be.at.most(base.clientWidth);
      expect(el.getBoundingClientRect().right).to.be.at.most(320);
      part<HTMLButtonElement>(el, '[part~="cancel-button"]').click();
      const dialog = part(el, 'dialog').getBoundingClientRect();
      expect(dialog.left).to.be.at.least(0);
      expect(dialog.right).to.be.at.most(320);
      await expect(el).to.be.accessible();
      part<HTMLDialogElement>(el, 'dialog').close();
    });
  }
});
