import { createBackend, type Backend } from '../app.js';
import type { PublishedEvent } from '../event-hub.js';
import { climateRoutes } from '../routes/climate.js';
import { call } from './fake-stripe-api.js';

/**
 * A simulator-mode backend with the climate routes on a clock the test sets (seconds; by default
 * 2026-05-28, when the seeded orders expect delivery in 2027), and the events it published.
 */
export function climateSimulator(now = 1_780_000_000) {
  let clock = now;
  const backend = createBackend({ now: () => clock }, [climateRoutes]);
  const published: PublishedEvent[] = [];
  backend.hub.subscribe((event) => published.push(event));
  return { backend, published, setNow: (seconds: number) => (clock = seconds) };
}

/** The order as the widget's GET route answers it. */
export const climateOrderOf = async (backend: Backend, id: string) => (await (await call(backend, `/climate/orders/${id}`)).json()) as Record<string, unknown>;

/** A simulator control, e.g. `climorder_…/deliver`. */
export const climateControl = (backend: Backend, path: string, body: unknown = {}) =>
  call(backend, `/simulator/climate/orders/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
