import '../../src/fc-link-account/define.js';
import type { FcLinkAccount } from '../../src/fc-link-account/define.js';
import { demoControl, el, type DemoSection } from '../shell.js';
import { createSimulatedStripe } from '../simulated-stripe.js';

const ENDPOINT = '/api/financial_connections/sessions';
const ACCOUNTS = '/api/financial_connections/accounts';

function widget(endpoint: string): FcLinkAccount {
  const node = document.createElement('fc-link-account');
  node.setAttribute('endpoint', endpoint);
  node.setAttribute('accounts-endpoint', ACCOUNTS);
  node.setAttribute('events-url', '/api/events');
  node.setAttribute('permissions', 'balances ownership');
  node.setAttribute('prefetch', 'balances ownership');
  return node;
}

/**
 * Financial Connections: with Stripe keys the real Stripe.js bank flow; offline a simulated Stripe
 * whose dialog links accounts, links none or fails, and a widget whose endpoint fails.
 */
export const fcLinkAccountSection: DemoSection = {
  id: 'fc-link-account',
  title: 'Financial Connections: link a bank account',
  render(container, context) {
    const log = (line: string) => context.log('fc-link-account', line);
    container.addEventListener('swk-linked', (e) => log(`swk-linked ${e.detail.sessionId}: ${e.detail.accounts.map((a) => a.id).join(', ')}`));
    container.addEventListener('swk-empty', (e) => log(`swk-empty ${e.detail.sessionId}`));
    container.addEventListener('swk-error', (e) => {
      if ((e.target as Element).localName === 'fc-link-account') log(`swk-error ${e.detail.error.kind}: ${e.detail.error.message}`);
    });

    if (context.mode === 'stripe') {
      container.append(
        el('p', {}, 'Stripe mode: the click loads Stripe.js and opens Stripe\'s own bank flow (needs STRIPE_PUBLISHABLE_KEY and STRIPE_CUSTOMER on the backend).'),
        widget(ENDPOINT),
      );
      return;
    }

    const simulated = widget(ENDPOINT);
    simulated.stripe = createSimulatedStripe(context);
    const failing = widget('/api/financial_connections/unavailable');
    // The accounts the last flow linked: the refresh controls act on them.
    let linkedIds: string[] = [];
    container.addEventListener('swk-linked', (e) => (linkedIds = e.detail.accounts.map((a) => a.id)));
    const finish = (feature: 'balance' | 'ownership', outcome: 'succeeded' | 'failed', label: string) =>
      demoControl(
        label,
        async () => {
          for (const id of linkedIds) await context.control(`financial_connections/accounts/${encodeURIComponent(id)}/refresh/${feature}`, { outcome }).catch(() => undefined);
          log(`simulator: ${feature} refresh ${outcome} for ${linkedIds.length} account(s); signed webhooks sent`);
        },
        (cause) => log(`simulator: ${cause instanceof Error ? cause.message : String(cause)}`),
      );
    const controls = el('div', { className: 'demo-controls' });
    controls.append(
      finish('balance', 'succeeded', 'Balance refresh succeeds now (refreshed_balance)'),
      finish('balance', 'failed', 'Balance refresh fails'),
      finish('ownership', 'succeeded', 'Ownership arrives now (refreshed_ownership)'),
    );
    container.append(
      el('h3', {}, 'Simulated Stripe (offline demo)'),
      el('p', {}, 'No Stripe keys: the button opens a simulated bank window, not Stripe\'s. Link some accounts, none, close it, or make it fail.'),
      el('p', {}, 'After linking, the balances and owners the session prefetched arrive by themselves after a few seconds, or at once with these controls.'),
      controls,
      simulated,
      el('h3', {}, 'A backend that fails'),
      el('p', {}, 'This widget\'s endpoint answers 404, to show the error state and Retry.'),
      failing,
    );
  },
};
