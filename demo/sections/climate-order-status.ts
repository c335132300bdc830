import '../../src/climate-order-status/define.js';
import type { ClimateOrderStatus } from '../../src/climate-order-status/define.js';
import { demoControl, el, type DemoSection } from '../shell.js';

const ENDPOINT = '/api/climate/orders';
const EVENTS = '/api/events';

/** The simulator's seeded orders (server/simulator/climate.ts). */
const ORDERS: [id: string, label: string][] = [
  ['climorder_sim_open', 'Open'],
  ['climorder_sim_awaiting_funds', 'Awaiting funds'],
  ['climorder_sim_confirmed', 'Confirmed'],
  ['climorder_sim_delayed', 'Delayed (inside the 30-day window)'],
  ['climorder_sim_substituted', 'Product substituted (inside the 30-day window)'],
  ['climorder_sim_delivered', 'Delivered'],
  ['climorder_sim_canceled', 'Canceled by Frontier'],
  ['climorder_sim_jpy', 'Confirmed, in JPY'],
];

const CONTROLS: [action: string, label: string][] = [
  ['deliver', 'Deliver (climate.order.delivered)'],
  ['delay', 'Delay one year (climate.order.delayed)'],
  ['substitute', 'Substitute product (climate.order.product_substituted)'],
  ['cancel', 'Frontier cancels (climate.order.canceled)'],
];

function widget(orderId: string): ClimateOrderStatus {
  const node = document.createElement('climate-order-status');
  node.setAttribute('endpoint', ENDPOINT);
  node.setAttribute('order-id', orderId);
  node.setAttribute('events-url', EVENTS);
  return node;
}

function label(forId: string, text: string): HTMLLabelElement {
  const node = document.createElement('label');
  node.htmlFor = forId;
  node.textContent = text;
  return node;
}

/** The Climate section: one widget the visitor drives with the simulator's controls, or an id in Stripe mode. */
export const climateOrderStatusSection: DemoSection = {
  id: 'climate-order-status',
  title: 'Climate order',
  render(container, context) {
    const log = (line: string) => context.log('climate-order-status', line);
    const ours = (e: Event) => (e.target as Element).localName === 'climate-order-status';
    container.addEventListener('swk-order-canceled', (e) => log(`swk-order-canceled ${e.detail.order.id}`));
    container.addEventListener('swk-load', (e) => {
      if (ours(e)) log(`swk-load ${(e.detail.object as { id?: string; status?: string }).id} (${(e.detail.object as { status?: string }).status})`);
    });
    container.addEventListener('swk-error', (e) => {
      if (ours(e)) log(`swk-error ${e.detail.error.kind}: ${e.detail.error.message}`);
    });

    const picker = document.createElement('select');
    picker.id = 'climate-order-picker';
    let shown: ClimateOrderStatus;

    if (context.mode !== 'simulator') {
      const input = document.createElement('input');
      input.id = 'climate-order-id';
      input.value = 'climorder_';
      const show = el('button', { type: 'button', className: 'demo-control' }, 'Show');
      shown = widget('');
      show.addEventListener('click', () => shown.setAttribute('order-id', input.value.trim()));
      container.append(label('climate-order-id', 'Climate order id (Stripe test mode) '), input, show, shown);
      return;
    }

    for (const [id, text] of ORDERS) picker.append(new Option(text, id));
    shown = widget(ORDERS[0]![0]);
    picker.addEventListener('change', () => shown.setAttribute('order-id', picker.value));

    const controls = el('div', { className: 'demo-controls' });
    for (const [action, text] of CONTROLS) {
      const button = demoControl(
        text,
        async () => {
          await context.control(`climate/orders/${encodeURIComponent(picker.value)}/${action}`);
          log(`simulator: ${action} ${picker.value}; signed webhook sent`);
        },
        (cause) => log(`simulator: ${cause instanceof Error ? cause.message : String(cause)}`),
      );
      controls.append(button);
    }

    const readonly = widget('climorder_sim_delayed');
    readonly.setAttribute('readonly', '');
    container.append(
      el('p', {}, 'Pick an order, then play what Frontier does; each control sends the signed webhook and the widget refetches.'),
      label('climate-order-picker', 'Order '),
      picker,
      controls,
      shown,
      el('h3', {}, 'The delayed order, read-only'),
      readonly,
    );
  },
};
