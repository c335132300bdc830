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

    const grantFresh = control('Grant a new token expiring in 2 minutes', async () => {
      const token = (await context.control('shared_payment/granted_tokens', { currency: 'jpy', max_amount: 5000, expires_in: 120 })) as { id: string };
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
    );
  },
};
