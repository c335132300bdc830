import '../../src/spt-token-status/define.js';
import type { SptTokenStatus } from '../../src/spt-token-status/define.js';
import { demoControl, el, type DemoSection } from '../shell.js';

const SECTION = 'spt-token-status';
const ENDPOINT = '/api/shared_payment/granted_tokens';
const EVENTS = '/api/events';

function widget(tokenId: string): SptTokenStatus {
  const node = document.createElement('spt-token-status');
  node.setAttribute('endpoint', ENDPOINT);
  node.setAttribute('events-url', EVENTS);
  node.setAttribute('token-id', tokenId);
  return node;
}

/** The Shared Payment Token section: a live token the visitor can use or revoke, a fresh 2-minute one, the seeds. */
export const sptTokenStatusSection: DemoSection = {
  id: SECTION,
  title: 'Shared payment token',
  render(container, context) {
    const log = (line: string) => context.log(SECTION, line);
    const ours = (e: Event) => (e.target as Element).localName === SECTION;
    container.addEventListener('swk-token-expired', (e) => log(`swk-token-expired ${e.detail.token.id}`));
    container.addEventListener('swk-charged', (e) => log(`swk-charged ${e.detail.paymentIntent.id} ${e.detail.paymentIntent.status}`));
    container.addEventListener('swk-load', (e) => {
      if (ours(e)) log(`swk-load ${(e.detail.object as { id?: string }).id ?? ''}`);
    });
    container.addEventListener('swk-error', (e) => {
      if (ours(e)) log(`swk-error ${e.detail.error.kind}: ${e.detail.error.message}`);
    });

    if (context.mode !== 'simulator') {
      const live = widget('');
      const input = document.createElement('input');
      input.placeholder = 'spt_…';
      const label = el('label', {}, 'Granted token id ', input);
      input.addEventListener('change', () => {
        live.tokenId = input.value.trim();
      });
      container.append(el('p', {}, 'A token granted to your account (Stripe mode):'), label, live);
      return;
    }

    const live = widget('spt_sim_active');
    const control = (label: string, action: () => Promise<unknown>) =>
      demoControl(label, action, (cause) => log(`simulator: ${cause instanceof Error ? cause.message : String(cause)}`));

    // The simulator's test helper takes Stripe's own shape (POST /v1/test_helpers/shared_payment/granted_tokens).
    const grant = (paymentMethod: string, limits: Record<string, unknown>) =>
      context.control('shared_payment/granted_tokens', {
        payment_method: paymentMethod,
        usage_limits: limits,
        seller_details: { network_id: 'internal', external_id: 'demo_seller' },
      }) as Promise<{ id: string }>;
    const grantFresh = control('Grant a new token expiring in 2 minutes', async () => {
      const token = await grant('pm_card_jcb', { currency: 'jpy', max_amount: 5000, expires_at: Math.floor(Date.now() / 1000) + 120 });
      live.tokenId = token.id;
      log(`simulator: granted ${token.id}`);
    });
    const use = control('Use it (sends .used and .deactivated)', async () => {
      await context.control(`shared_payment/granted_tokens/${encodeURIComponent(live.tokenId)}/use`);
      log(`simulator: ${live.tokenId} used; signed webhooks sent`);
    });
    const revoke = control('Revoke it (sends .deactivated)', async () => {
      await context.control(`shared_payment/granted_tokens/${encodeURIComponent(live.tokenId)}/revoke`);
      log(`simulator: ${live.tokenId} revoked; signed webhook sent`);
    });
    const actions = el('div', { className: 'demo-controls' }, grantFresh, use, revoke);

    // Charging: a token granted for it, and a widget with charge-amount.
    const chargeSlot = el('div');
    const showCharging = (id: string) => {
      const node = widget(id);
      node.setAttribute('charge-amount', '2500');
      chargeSlot.replaceChildren(node);
      log(`simulator: granted ${id} to charge`);
    };
    const grantToCharge = control('New $100.00 token to charge', async () => {
      showCharging((await grant('pm_card_visa', { currency: 'usd', max_amount: 10000 })).id);
    });
    const grantDeclining = control('New token whose card Stripe declines', async () => {
      showCharging((await grant('pm_card_chargeDeclined', { currency: 'usd', max_amount: 10000 })).id);
    });

    const seeds = el('details');
    seeds.append(
      el('summary', {}, 'Seeded tokens: expiring in 2 minutes (JPY, from server start), revoked, used'),
      widget('spt_sim_expiring'),
      widget('spt_sim_revoked'),
      widget('spt_sim_used'),
    );
    container.append(
      el('p', {}, 'Use or revoke the token: the simulator sends the signed webhook and the widget refetches.'),
      actions,
      live,
      seeds,
      el('h3', {}, 'Charge a token (charge-amount="2500")'),
      el('p', {}, 'The widget creates the PaymentIntent through the backend, shows it, and refetches the token.'),
      el('div', { className: 'demo-controls' }, grantToCharge, grantDeclining),
      chargeSlot,
    );
  },
};
