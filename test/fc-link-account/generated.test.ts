import { expect, html } from '@open-wc/testing';
import '../../src/fc-link-account/define.js';
import type { FcLinkAccount } from '../../src/fc-link-account/define.js';
import { financialConnectionsSession } from '../../src/testing/arbitraries/index.js';
import { PROPERTY_RUNS } from '../arbitraries/settings.js';
import { fakeBackend, mount } from '../helpers.js';
import { expectEveryObjectRenders } from '../property.js';
import { fakeStripe, secretAnswer } from './fake-stripe.js';

describe('fc-link-account with generated sessions', () => {
  it(`lists the accounts of each of ${PROPERTY_RUNS} generated sessions (none, many, odd names and enum values)`, async function () {
    this.timeout(300_000);
    let current: unknown;
    const backend = fakeBackend(() => secretAnswer);
    const fake = fakeStripe(async () => ({ financialConnectionsSession: current }) as never);
    const el = await mount<FcLinkAccount>(html`<fc-link-account endpoint="/api/financial_connections/sessions" .fetcher=${backend.fetcher} .stripe=${fake.stripe}></fc-link-account>`);
    const { runs, seconds } = await expectEveryObjectRenders(el, financialConnectionsSession, (session) => {
      current = session;
      // The link button, or after a result "Link another account" / "Try again": each starts a new flow.
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"], [part="link-another-button"], [part="try-again-button"]')!.click();
    });
    console.log(`fc-link-account: ${runs} generated sessions rendered in ${seconds} s`);
    expect(runs).to.be.at.least(PROPERTY_RUNS);
  });
});
