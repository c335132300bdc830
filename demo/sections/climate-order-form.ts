import '../../src/climate-order-form/define.js';
import '../../src/climate-order-status/define.js';
import type { ClimateOrderForm } from '../../src/climate-order-form/define.js';
import { demoControl, el, type DemoSection } from '../shell.js';

const ENDPOINT = '/api/climate';
const EVENTS = '/api/events';

function widget(): ClimateOrderForm {
  const node = document.createElement('climate-order-form');
  node.setAttribute('endpoint', ENDPOINT);
  node.setAttribute('events-url', EVENTS);
  return node;
}

/**
 * The Climate order form: the simulator's three products (one sold out) and its controls, which play
 * what Frontier does to the inventory (a new price, a new product) and send the signed webhooks.
 */
export const climateOrderFormSection: DemoSection = {
  id: 'climate-order-form',
  title: 'Climate: buy carbon removal',
  render(container, context) {
    const log = (line: string) => context.log('climate-order-form', line);
    const ours = (e: Event) => (e.target as Element).localName === 'climate-order-form';
    container.addEventListener('swk-order-created', (e) => log(`swk-order-created ${e.detail.order.id} (${e.detail.order.metric_tons} t, ${e.detail.order.amount_total} ${e.detail.order.currency})`));
    container.addEventListener('swk-error', (e) => {
      if (ours(e)) log(`swk-error ${e.detail.error.kind}: ${e.detail.error.message}`);
    });

    const form = widget();
    if (context.mode !== 'simulator') {
      container.append(el('p', {}, 'Stripe mode: the products of your Stripe account; placing an order spends test-mode balance.'), form);
      return;
    }
    const controls = el('div', { className: 'demo-controls' });
    const control = (label: string, path: string, body: unknown, done: string) =>
      demoControl(
        label,
        async () => {
          await context.control(path, body);
          log(`simulator: ${done}; signed webhook sent`);
        },
        (cause) => log(`simulator: ${cause instanceof Error ? cause.message : String(cause)}`),
      );
    controls.append(
      control('Raise the direct air capture price 10% (climate.product.pricing_updated)', 'climate/products/climsku_sim_direct_air_capture_2028/price', { percent: 10 }, 'price raised'),
      control('Add a product (climate.product.created)', 'climate/products', {}, 'product added'),
    );
    container.append(
      el('p', {}, 'Choose a product and an amount; the estimate follows price changes before you can order. The placed order is shown with <climate-order-status>.'),
      controls,
      form,
    );
  },
};
