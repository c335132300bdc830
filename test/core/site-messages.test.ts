import { expect, fixture, html } from '@open-wc/testing';
import '../../src/spt-token-status/define.js';
import type { SptTokenStatus } from '../../src/spt-token-status/define.js';
import { configure } from '../../src/core/config.js';
import { en, type SwkMessages } from '../../src/messages.js';
import { recordKitWarnings } from '../dev-warnings.js';
import { FakeClock } from '../../src/testing/fake-clock.js';
import { fakeBackend, shadowText, until } from '../helpers.js';
import { grantedToken, ENDPOINT, T0 } from '../spt-token-status/fixtures.js';

/** French for the texts these tests read; the rest stays English, as a site that starts from `en` would have it. */
function french(): SwkMessages {
  return {
    ...en,
    core: { ...en.core, loading: 'Chargement…', retry: 'Réessayer' },
    'spt-token-status': {
      ...en['spt-token-status'],
      title: 'Jeton de paiement partagé',
      states: { active: 'Actif', expired: 'Expiré', deactivated: 'Désactivé' },
      limitLabel: 'Plafond de dépenses',
      expiresLabel: 'Expire le',
      card: (brand: string, last4: string) => `${brand} se terminant par ${last4}`,
    },
  };
}

/** Stripe's token, $25.00 limit, expiring 2025-07-03 02:59 UTC. */
async function mountToken(lang: string, messages?: Record<string, SwkMessages>): Promise<SptTokenStatus> {
  const { fetcher } = fakeBackend(() => ({ json: grantedToken({ usage_limits: { currency: 'usd', max_amount: 2500, expires_at: T0 / 1000 + 3 * 3600 - 60 } }) }));
  const el = await fixture<SptTokenStatus>(html`<spt-token-status
    lang=${lang}
    endpoint=${ENDPOINT}
    token-id="spt_123"
    .messages=${messages}
    .fetcher=${fetcher}
    .clock=${new FakeClock(T0)}
  ></spt-token-status>`);
  await until(() => Boolean(el.shadowRoot!.querySelector('[part="limit"]')), 'the token');
  return el;
}

const partText = (el: Element, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`)?.textContent?.replace(/\s+/g, ' ').trim();

describe("the site's own languages", () => {
  afterEach(() => configure({ messages: undefined }));

  it('lang="fr" renders a configured French catalog, with money and dates from Intl in French', async () => {
    configure({ messages: { fr: french() } });
    const el = await mountToken('fr');
    expect(el.locale).to.equal('fr');
    expect(partText(el, 'title')).to.equal('Jeton de paiement partagé');
    expect(partText(el, 'status')).to.equal('Actif');
    expect(partText(el, 'limit')).to.match(/^25,00\s\$US$/u);
    expect(partText(el, 'expiry')).to.match(/^3 juil\. 2025/);
    expect(partText(el, 'payment-method')).to.equal('Visa se terminant par 4242');
    await expect(el).to.be.accessible();
  });

  it('a regional tag falls back to the language (fr-CA → fr); an unknown one stays English', async () => {
    configure({ messages: { fr: french() } });
    const canadian = await mountToken('fr-CA');
    expect(partText(canadian, 'title')).to.equal('Jeton de paiement partagé');
    const german = await mountToken('de');
    expect(german.locale).to.equal('en');
    expect(partText(german, 'title')).to.equal('Shared payment token');
  });

  it('a catalog with a missing key: English for that key, one dev-mode warning for any number of renders', async () => {
    const { title: _missing, ...rest } = french()['spt-token-status'];
    const catalog = { ...french(), 'spt-token-status': rest } as unknown as SwkMessages;
    const kit = recordKitWarnings();
    try {
      configure({ messages: { 'fr-BE': catalog } });
      const first = await mountToken('fr-BE');
      const second = await mountToken('fr-BE');
      second.requestUpdate();
      await second.updateComplete;
      expect(partText(first, 'title')).to.equal('Shared payment token');
      expect(partText(first, 'status')).to.equal('Actif');
      expect(partText(second, 'title')).to.equal('Shared payment token');
    } finally {
      kit.stop();
    }
    expect(kit.warnings).to.deep.equal(['stripe-widget-kit: messages["fr-BE"]["spt-token-status"] lacks title; the built-in texts are shown for them']);
  });

  it("an element's own messages win over configure's, for that element only", async () => {
    configure({ messages: { fr: french() } });
    const own = french();
    const mine = { ...own, 'spt-token-status': { ...own['spt-token-status'], title: 'Mon jeton' } };
    const withOwn = await mountToken('fr', { fr: mine });
    const plain = await mountToken('fr');
    expect(partText(withOwn, 'title')).to.equal('Mon jeton');
    expect(partText(plain, 'title')).to.equal('Jeton de paiement partagé');
    expect(withOwn.locale).to.equal('fr');
  });

  it('a site text function that throws or returns no string shows the built-in text, never an error', async () => {
    const broken = french();
    const catalog = {
      ...broken,
      'spt-token-status': {
        ...broken['spt-token-status'],
        card: () => {
          throw new Error('typo in the translation');
        },
        used: () => undefined as unknown as string,
      },
    };
    const el = await mountToken('fr', { fr: catalog });
    expect(partText(el, 'payment-method')).to.equal('Visa ending in 4242');
    expect(shadowText(el)).not.to.include('typo');
    expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
  });

  it('configure({ messages }) after the first render re-renders the widgets on the page', async () => {
    const el = await mountToken('fr');
    expect(partText(el, 'title')).to.equal('Shared payment token');
    configure({ messages: { fr: french() } });
    await until(() => partText(el, 'title') === 'Jeton de paiement partagé', 'the French title');
    el.lang = 'en';
    await until(() => partText(el, 'title') === 'Shared payment token', 'English again');
  });
});
