import { expect, html } from '@open-wc/testing';
import { fcMessages } from '../../src/fc-link-account/fc-link-account.messages.js';
import fcJa from '../../src/fc-link-account/fc-link-account.messages.ja.js';
import '../../src/fc-link-account/define.js';
import type { FcLinkAccount } from '../../src/fc-link-account/define.js';
import { financialConnectionsSession } from '../../src/testing/arbitraries/index.js';
import { PROPERTY_RUNS } from '../arbitraries/settings.js';
import { fakeBackend, mount } from '../helpers.js';
import { expectEveryObjectRenders } from '../property.js';
import { fakeStripe, secretAnswer } from './fake-stripe.js';

describe('fc-link-account with generated sessions', () => {
  it(`lists the accounts of each of ${PROPERTY_RUNS} generated sessions (none, many, odd names and enum values), each by its own bank, name and digits`, async function () {
    this.timeout(300_000);
    let current: unknown;
    const backend = fakeBackend(() => secretAnswer);
    const fake = fakeStripe(async () => ({ financialConnectionsSession: current }) as never);
    const el = await mount<FcLinkAccount>(html`<fc-link-account endpoint="/api/financial_connections/sessions" .fetcher=${backend.fetcher} .stripe=${fake.stripe}></fc-link-account>`);
    const { runs, seconds } = await expectEveryObjectRenders(el, financialConnectionsSession, (session) => {
      current = session;
      // The link button, or after a result "Link another account" / "Try again": each starts a new flow.
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"], [part="link-another-button"], [part="try-again-button"]')!.click();
    }, (session, lang) => {
      // Each linked account, in order: its bank (or the catalog's "unknown bank"), its name, its last four digits.
      const accounts = session.accounts as { institution_name?: string | null; display_name?: string | null; last4?: string | null }[];
      const shown = [...el.shadowRoot!.querySelectorAll('[part~="account"]')];
      expect(shown.length, 'accounts listed').to.equal(accounts.length);
      const text = (item: Element, part: string) => item.querySelector(`[part~="${part}"]`)?.textContent ?? null;
      accounts.forEach((account, i) => {
        const item = shown[i]!;
        expect(text(item, 'institution')).to.equal(account.institution_name || (lang === 'ja' ? fcJa : fcMessages.en).unknownInstitution);
        expect(text(item, 'account-name')).to.equal(account.display_name || null);
        if (account.last4) expect(text(item, 'last4')).to.include(account.last4);
        else expect(text(item, 'last4')).to.equal(null);
      });
    });
    console.log(`fc-link-account: ${runs} generated sessions rendered in ${seconds} s`);
    expect(runs).to.be.at.least(PROPERTY_RUNS);
  });
});
