// Checked by `tsc` only (never run): the typings of appearance, analytics events and site catalogs.
import '../../src/index.js';
import { track, type SwkEventDetail, type SwkEventName } from '../../src/core/analytics.js';
import { configure } from '../../src/core/config.js';
import { en, type SwkMessages } from '../../src/messages.js';

export function appearanceTypes(): void {
  configure({ appearance: { theme: 'night', variables: { colorPrimary: '#0a7cff', spacingUnit: '3px' }, rules: { '.Button:hover': { color: 'red' } } } });
  // @ts-expect-error Stripe's themes are stripe, night and flat
  configure({ appearance: { theme: 'dark' } });
  // @ts-expect-error variables are strings, as in Stripe.js
  configure({ appearance: { variables: { borderRadius: 4 } } });
  document.createElement('capital-offer-card').appearance = { theme: 'flat' };
}

export function analyticsTypes(): void {
  configure({
    onEvent: (event) => {
      const name: SwkEventName = event.name;
      const at: number = event.at;
      // @ts-expect-error no such event name
      if (event.name === 'link_canceld') return;
      // @ts-expect-error events carry no object, only its id and status
      void event.object;
      void [name, at, event.objectId?.length, event.status, event.errorKind];
    },
  });
  document.addEventListener('swk-event', (event) => {
    const detail: SwkEventDetail = event.detail;
    void detail.tag;
  });
  document.createElement('climate-order-status').addEventListener('swk-event', (event) => void event.detail.name);
  // The flows other branches add report through the same helper.
  const card = document.createElement('capital-offer-card');
  track(card, 'offer_delivered', { id: 'financingoffer_1', status: 'delivered' });
  track(card, 'token_charged', { id: 'pi_1', status: 'succeeded' });
  track(card, 'order_created', { id: 'climorder_1', status: 'open' });
  // @ts-expect-error not in the vocabulary
  track(card, 'offer_delivery');
}

export function messagesTypes(): void {
  const fr: SwkMessages = { ...en, core: { ...en.core, retry: 'Réessayer', errorDetail: (detail) => `Détails : ${detail}` } };
  configure({ messages: { fr } });
  document.createElement('spt-token-status').messages = { 'fr-CA': fr };
  // @ts-expect-error a missing key: every text of the English catalog is required
  configure({ messages: { fr: { ...en, core: { loading: 'Chargement…' } } } });
  // @ts-expect-error a misspelt key
  configure({ messages: { fr: { ...en, core: { ...en.core, retyr: 'Réessayer' } } } });
  // @ts-expect-error a text function where the English one is one, with the same parameters
  configure({ messages: { fr: { ...en, core: { ...en.core, errorDetail: 'Détails' } } } });
  // @ts-expect-error the catalogs are frozen
  en.core = { ...en.core };
}
