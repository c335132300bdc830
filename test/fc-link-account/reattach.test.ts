import { expect, html } from '@open-wc/testing';
import '../../src/fc-link-account/define.js';
import type { FcLinkAccount } from '../../src/fc-link-account/define.js';
import { fakeBackend, mount, part, shadowText, until } from '../helpers.js';
import { fakeStripe } from './fake-stripe.js';

describe('fc-link-account moved mid-flow', () => {
  it('returns to the button when re-added, without a second session or bank window', async () => {
    const backend = fakeBackend(() => 'hang');
    const fake = fakeStripe(() => new Promise(() => {}));
    const el = await mount<FcLinkAccount>(html`<fc-link-account
      endpoint="/api/financial_connections/sessions"
      permissions="balances"
      .fetcher=${backend.fetcher}
      .stripe=${fake.stripe}
    ></fc-link-account>`);
    part<HTMLButtonElement>(el, 'button[part="button"]').click();
    await until(() => backend.calls.length === 1, 'the session POST');
    const parent = el.parentElement!;
    el.remove();
    expect(backend.calls[0]!.signal!.aborted, 'the POST is aborted when the element leaves').to.equal(true);
    // A restart would begin as the element reconnects, and its POST reaches the fetcher synchronously:
    // once the render that follows reconnecting is done, a second session would have been requested.
    parent.append(el);
    await el.updateComplete;
    expect(backend.calls).to.have.length(1);
    expect(fake.calls).to.have.length(0);
    expect(shadowText(el)).to.equal('Link bank account');
    expect(part<HTMLButtonElement>(el, 'button[part="button"]').disabled).to.equal(false);
  });
});
