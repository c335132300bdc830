import { fixture, html } from '@open-wc/testing';
import '../../src/climate-order-status/define.js';
import type { ClimateOrderStatus } from '../../src/climate-order-status/define.js';
import type { Clock } from '../../src/core/clock.js';
import type { ClimateOrder } from '../../src/schemas/climate-order.js';
import { climateOrder as orderBuilder } from '../../src/testing/builders/climate.js';
import { clockAt } from '../../src/testing/fake-clock.js';
import { fakeBackend, shadowText, until, type FakeAnswer, type RecordedCall } from '../helpers.js';

/** 2026-03-01 12:00 UTC, in ms: noon keeps every date the same in any test time zone. */
export const T0 = Date.UTC(2026, 2, 1, 12);
export const T0_SECONDS = T0 / 1000;
export const DAY = 24 * 3600;
export const ENDPOINT = '/api/climate/orders';
export const ORDER_URL = `${ENDPOINT}/climorder_123`;
export const CANCEL_URL = `${ORDER_URL}/cancel`;

/** A `climate.order` as Stripe publishes it, confirmed, product expanded: the test kit's builder, taking odd values too. */
export const climateOrder = (overrides: Record<string, unknown> = {}) => orderBuilder(overrides as Partial<ClimateOrder>);

export interface MountOptions {
  lang?: string;
  readonly?: boolean;
  /** The widget's clock, ms. Default T0. */
  now?: number;
  /** A clock whose timers the test drives (overrides `now`). */
  clock?: Clock;
  refreshInterval?: number;
  timeout?: number;
}

/** Mounts `<climate-order-status>` for climorder_123 against a fake backend. */
export async function mountOrder(answer: (call: RecordedCall) => FakeAnswer | Promise<FakeAnswer>, options: MountOptions = {}) {
  const backend = fakeBackend(answer);
  const now = options.now ?? T0;
  const el = await fixture<ClimateOrderStatus>(html`<climate-order-status
    lang=${options.lang ?? 'en'}
    endpoint=${ENDPOINT}
    order-id="climorder_123"
    timeout=${options.timeout ?? 15}
    refresh-interval=${options.refreshInterval ?? 0}
    ?readonly=${options.readonly ?? false}
    .fetcher=${backend.fetcher}
    .clock=${options.clock ?? clockAt(() => now)}
  ></climate-order-status>`);
  return { el, calls: backend.calls };
}

/** Mounts with a backend that always answers `order` to the GET. */
export function mountShowing(order: unknown, options: MountOptions = {}) {
  return mountOrder(() => ({ json: order }), options);
}

export async function untilText(el: Element, text: string): Promise<void> {
  await until(() => shadowText(el).includes(text), `"${text}" in ${el.localName}: ${shadowText(el)}`);
}

export { liveText } from '../helpers.js';

/** Text of the first element with `part~=name`, whitespace collapsed. */
export function partText(el: Element, name: string): string {
  return (el.shadowRoot?.querySelector(`[part~="${name}"]`)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function hasPart(el: Element, name: string): boolean {
  return Boolean(el.shadowRoot?.querySelector(`[part~="${name}"]`));
}

/** The definition list's value for `term`. */
export function termValue(root: ParentNode, term: string): string {
  const dt = [...root.querySelectorAll('dt')].find((d) => d.textContent?.trim() === term);
  return (dt?.nextElementSibling?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits until the order itself is on screen. */
export async function untilLoaded(el: Element): Promise<void> {
  await until(() => hasPart(el, 'details'), `the order in ${el.localName}: ${shadowText(el)}`);
}
