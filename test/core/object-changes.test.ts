import { expect, fixture, html } from '@open-wc/testing';
import '../../src/capital-offer-card/define.js';
import '../../src/climate-order-status/define.js';
import '../../src/payment-capture-status/define.js';
import '../../src/spt-token-status/define.js';
import type { SwkElement } from '../../src/core/swk-element.js';
import { fakeBackend, stripeError, until } from '../helpers.js';

/** Every widget that shows one backend object, with the property naming that object. */
const WIDGETS = [
  { tag: 'capital-offer-card', idProperty: 'offerId' },
  { tag: 'climate-order-status', idProperty: 'orderId' },
  { tag: 'spt-token-status', idProperty: 'tokenId' },
  { tag: 'payment-capture-status', idProperty: 'paymentIntentId' },
] as const;

describe('every widget loads anew on the same changes', () => {
  for (const { tag, idProperty } of WIDGETS) {
    it(`<${tag}> refetches when the endpoint, its id or the fetcher changes, with the current fetcher`, async () => {
      const first = fakeBackend(() => stripeError(404));
      const second = fakeBackend(() => stripeError(404));
      const wrapper = await fixture(html`<div lang="en"></div>`);
      const el = document.createElement(tag) as unknown as SwkElement & Record<string, unknown>;
      el.endpoint = '/api/one';
      el[idProperty] = 'obj_1';
      el.fetcher = first.fetcher;
      wrapper.append(el);
      await until(() => first.calls.length === 1, 'the first load');
      expect(first.calls[0]!.url).to.equal('/api/one/obj_1');

      el.fetcher = second.fetcher;
      await until(() => second.calls.length === 1, 'a load through the new fetcher');
      el[idProperty] = 'obj_2';
      await until(() => second.calls.length === 2, 'a load for the new id');
      el.endpoint = '/api/two';
      await until(() => second.calls.length === 3, 'a load from the new endpoint');
      expect(second.calls.map((call) => call.url)).to.deep.equal(['/api/one/obj_1', '/api/one/obj_2', '/api/two/obj_2']);
      expect(first.calls, 'the old fetcher is no longer used').to.have.length(1);
    });
  }
});
