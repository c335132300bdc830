import '../../src/capital-offer-card/define.js';
import type { CapitalOfferCard } from '../../src/capital-offer-card/define.js';
import { demoControl, el, type DemoSection } from '../shell.js';

const ENDPOINT = '/api/capital/financing_offers';
const EVENTS = '/api/events';

function card(attributes: Record<string, string | boolean>): CapitalOfferCard {
  const node = document.createElement('capital-offer-card');
  node.setAttribute('endpoint', ENDPOINT);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) node.setAttribute(name, '');
    else if (value !== false) node.setAttribute(name, value);
  }
  return node;
}

/** The Capital section: a live offer the visitor can replace, the seed's story, every status, JPY. */
export const capitalOfferCardSection: DemoSection = {
  id: 'capital-offer-card',
  title: 'Capital financing offer',
  render(container, context) {
    const log = (line: string) => context.log('capital-offer-card', line);
    container.addEventListener('swk-offer-replaced', (e) => log(`swk-offer-replaced ${e.detail.previousOfferId} → ${e.detail.offerId}`));
    container.addEventListener('swk-offer-action', (e) => log(`swk-offer-action ${e.detail.offer.id}`));
    container.addEventListener('swk-offer-delivered', (e) => log(`swk-offer-delivered ${e.detail.offer.id}`));
    container.addEventListener('swk-load', (e) => {
      const id = (e.detail.object as { id?: string } | null)?.id;
      if ((e.target as Element).localName === 'capital-offer-card') log(`swk-load ${id ?? '(no offer)'}`);
    });
    container.addEventListener('swk-error', (e) => {
      if ((e.target as Element).localName === 'capital-offer-card') log(`swk-error ${e.detail.error.kind}: ${e.detail.error.message}`);
    });

    if (context.mode !== 'simulator') {
      container.append(
        el('p', {}, 'The current offer of the connected account (Stripe mode):'),
        card({ 'events-url': EVENTS }),
      );
      return;
    }

    // The id a platform would store: it moves to each replacement, as Stripe's docs ask.
    let activeOfferId = 'financingoffer_live_demo';
    const live = card({ 'offer-id': activeOfferId, 'events-url': EVENTS });
    live.addEventListener('swk-offer-replaced', (e) => {
      activeOfferId = e.detail.offerId;
    });
    const replace = demoControl(
      'Replace this offer (sends capital.financing_offer.replacement_created)',
      async () => {
        const result = (await context.control('capital/replace', { offerId: activeOfferId })) as { replacement: { id: string } };
        log(`simulator: ${activeOfferId} replaced by ${result.replacement.id}; signed webhook sent`);
      },
      (cause) => log(`simulator: ${cause instanceof Error ? cause.message : String(cause)}`),
    );

    const statuses = el('details');
    statuses.append(el('summary', {}, 'Every status'));
    for (const status of ['undelivered', 'delivered', 'accepted', 'accepted_other_offer', 'canceled', 'completed', 'expired', 'fully_repaid', 'paid_out', 'rejected', 'revoked']) {
      // no-mark-delivered: the gallery keeps showing an undelivered ("New") offer as it is.
      statuses.append(card({ 'offer-id': `financingoffer_status_${status}`, 'no-mark-delivered': true }));
    }

    // A new offer arrives undelivered; the card marks it delivered once it is on screen.
    const freshSlot = el('div');
    const sendOffer = demoControl(
      'Send a new offer (undelivered; the card marks it delivered once you see it)',
      async () => {
        const created = (await context.control('capital/financing_offers', { advanceAmount: 450_000 })) as { id: string };
        log(`simulator: ${created.id} created (capital.financing_offer.created sent)`);
        freshSlot.replaceChildren(card({ 'offer-id': created.id, 'events-url': EVENTS }));
      },
      (cause) => log(`simulator: ${cause instanceof Error ? cause.message : String(cause)}`),
    );

    container.append(
      el('h3', {}, 'Live offer'),
      el('p', {}, 'Replace the offer: the simulator sends the signed webhook, and the card follows the replacement.'),
      replace,
      live,
      el('h3', {}, "The seed's story: $5,000 replaced by $10,000"),
      card({ 'offer-id': 'financingoffer_abc123' }),
      el('h3', {}, 'The same replaced offer with no-follow'),
      card({ 'offer-id': 'financingoffer_abc123', 'no-follow': true }),
      el('h3', {}, 'A JPY offer'),
      card({ 'offer-id': 'financingoffer_jpy' }),
      el('h3', {}, "The account's current offer (no offer-id)"),
      card({}),
      statuses,
      el('h3', {}, 'A new offer, marked delivered when seen'),
      sendOffer,
      freshSlot,
    );
  },
};
