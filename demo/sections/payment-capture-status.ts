import '../../src/payment-capture-status/define.js';
import type { PaymentCaptureStatus } from '../../src/payment-capture-status/define.js';
import { demoControl, el, type DemoSection } from '../shell.js';

const ENDPOINT = '/api/payment_intents';
const EVENTS = '/api/events';
const SECTION = 'payment-capture-status';

function widget(paymentIntentId: string, live = false): PaymentCaptureStatus {
  const node = document.createElement('payment-capture-status');
  node.setAttribute('endpoint', ENDPOINT);
  node.setAttribute('payment-intent-id', paymentIntentId);
  if (live) {
    node.setAttribute('events-url', EVENTS);
    node.setAttribute('refresh-interval', '5');
  }
  return node;
}

function button(label: string, onClick: () => Promise<void>): HTMLButtonElement {
  return demoControl(label, onClick);
}

/** Asynchronous capture: a live payment whose fee, transfer and application fee arrive, and every other outcome. */
export const paymentCaptureStatusSection: DemoSection = {
  id: SECTION,
  title: 'Payment capture status (asynchronous capture)',
  render(container, context) {
    const log = (line: string) => context.log(SECTION, line);
    const ours = (event: Event) => (event.target as Element).localName === SECTION;
    container.addEventListener('swk-capture-settled', (e) => log(`swk-capture-settled ${e.detail.charge.id}`));
    container.addEventListener('swk-load', (e) => {
      if (ours(e)) log(`swk-load ${(e.detail.object as { id?: string; status?: string }).id} ${(e.detail.object as { status?: string }).status}`);
    });
    container.addEventListener('swk-error', (e) => {
      if (ours(e)) log(`swk-error ${e.detail.error.kind}: ${e.detail.error.message}`);
    });

    if (context.mode !== 'simulator') {
      const input = document.createElement('input');
      input.placeholder = 'pi_…';
      const label = document.createElement('label');
      label.append('PaymentIntent id ', input);
      const intro = document.createElement('p');
      intro.textContent = 'A PaymentIntent of your test account (Stripe mode):';
      const shown = document.createElement('div');
      const show = button('Show', async () => {
        shown.replaceChildren(widget(input.value.trim(), true));
      });
      container.append(intro, label, show, shown);
      return;
    }

    let current = 'pi_sim_capture_pending_connect';
    const live = widget(current, true);
    const control = async (path: string, body?: unknown) => {
      try {
        return (await context.control(path, body)) as Record<string, unknown>;
      } catch (cause) {
        log(`simulator: ${cause instanceof Error ? cause.message : String(cause)}`);
        return undefined;
      }
    };
    const start = (connect: boolean) => async () => {
      const result = await control('payment_intents/async_capture', { connect });
      if (typeof result?.id !== 'string') return;
      current = result.id;
      live.setAttribute('payment-intent-id', current);
      log(`simulator: ${current} captured; its parts arrive in about 4, 8 and 12 s as signed webhooks`);
    };
    const settle = button('Settle now (sends charge.updated, transfer.created, application_fee.created)', async () => {
      const result = await control(`payment_intents/${encodeURIComponent(current)}/settle`);
      if (result) log(`simulator: ${current} settled; sent ${(result.delivered as string[]).join(', ') || 'nothing (already settled)'}`);
    });

    const outcomes = el('details');
    outcomes.append(el('summary', {}, 'Every other outcome'));
    for (const id of ['pi_sim_capture_settled', 'pi_sim_capture_settled_jpy', 'pi_sim_capture_overdue', 'pi_sim_processing', 'pi_sim_requires_capture', 'pi_sim_canceled', 'pi_sim_failed']) {
      outcomes.append(el('h4', {}, id), widget(id));
    }

    container.append(
      el('p', {}, 'A payment captured asynchronously: the fee, transfer and application fee show as pending until Stripe sends them.'),
      button('Start a Connect payment', start(true)),
      button('Start a payment without Connect', start(false)),
      settle,
      live,
      outcomes,
    );
  },
};
