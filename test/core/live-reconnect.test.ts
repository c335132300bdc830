import { expect, fixture, html } from '@open-wc/testing';
import '../../src/climate-order-status/define.js';
import type { ClimateOrderStatus } from '../../src/climate-order-status/define.js';
import { climateOrder, partText } from '../climate-order-status/fixtures.js';
import { until } from '../helpers.js';

/**
 * Live updates with the browser's REAL EventSource against the test runner's SSE fixture
 * (scripts/wtr-live-fixture.mjs). Each test ends with the widget showing a change the stream never
 * delivered (or delivered only after it came back), within the reconnect backoff.
 */

/** The first reconnect waits at most 1 s; the browser's own reconnect, the fixture's `retry: 1000`. */
const WITHIN_BACKOFF_MS = 4000;

let channelCount = 0;
function freshChannel() {
  const name = `ch-${Date.now()}-${(channelCount += 1)}`;
  const base = `/__live/${name}`;
  return {
    eventsUrl: `${base}/events`,
    endpoint: `${base}/objects`,
    async control(command: { object?: unknown; fail?: number; publish?: unknown; cut?: boolean }): Promise<void> {
      const response = await fetch(`${base}/control`, { method: 'POST', body: JSON.stringify(command) });
      expect(response.status, 'the fixture took the command').to.equal(200);
    },
    async stats(): Promise<{ requests: number; open: number }> {
      return (await fetch(`${base}/stats`)).json() as Promise<{ requests: number; open: number }>;
    },
  };
}

/** Waits until `predicate` holds, within the reconnect backoff. */
const eventually = (predicate: () => boolean | Promise<boolean>, message: string) => until(predicate, message, WITHIN_BACKOFF_MS);

const CANCELED = climateOrder({ status: 'canceled', canceled_at: Date.UTC(2026, 1, 2, 12) / 1000, cancellation_reason: 'requested_by_customer' });
const CANCEL_EVENT = { type: 'climate.order.canceled', id: 'climorder_123', object: 'climate.order' };

function mountOrder(channel: ReturnType<typeof freshChannel>): Promise<ClimateOrderStatus> {
  return fixture<ClimateOrderStatus>(html`<climate-order-status
    lang="en"
    endpoint=${channel.endpoint}
    order-id="climorder_123"
    events-url=${channel.eventsUrl}
  ></climate-order-status>`);
}

const status = (el: Element) => partText(el, 'status');

describe('live updates with a real EventSource', function () {
  this.timeout(15_000);

  it('reopens a stream the browser gave up on after a 502, and shows the change made meanwhile', async () => {
    const channel = freshChannel();
    await channel.control({ object: climateOrder(), fail: 1 });
    const el = await mountOrder(channel);
    await eventually(() => status(el) === 'Confirmed', 'the confirmed order');
    await eventually(async () => (await channel.stats()).requests >= 1, 'the 502 answer');
    await channel.control({ object: CANCELED });
    await eventually(() => status(el) === 'Canceled', 'the canceled order after the reopen');
    await eventually(async () => (await channel.stats()).open === 1, 'the reopened stream');
  });

  it('refetches after the stream is cut while the order changes', async () => {
    const channel = freshChannel();
    await channel.control({ object: climateOrder() });
    const el = await mountOrder(channel);
    await eventually(() => status(el) === 'Confirmed', 'the confirmed order');
    await eventually(async () => (await channel.stats()).open === 1, 'the open stream');
    await channel.control({ object: CANCELED, cut: true });
    await eventually(() => status(el) === 'Canceled', 'the canceled order after the reconnect');
    await eventually(async () => (await channel.stats()).open === 1, 'the reconnected stream');
  });

  it('gives a widget added after the stream died the reopened stream, whose events reach both', async () => {
    const channel = freshChannel();
    await channel.control({ object: climateOrder(), fail: 1 });
    const first = await mountOrder(channel);
    await eventually(async () => (await channel.stats()).requests >= 1, 'the 502 answer');
    const late = await mountOrder(channel);
    await eventually(() => status(first) === 'Confirmed' && status(late) === 'Confirmed', 'both confirmed');
    await eventually(async () => (await channel.stats()).open === 1, 'one reopened stream for both');
    const { requests } = await channel.stats();
    expect(requests, 'one 502, one reopen: the late widget opened no stream of its own').to.equal(2);
    await channel.control({ object: CANCELED, publish: CANCEL_EVENT });
    await eventually(() => status(first) === 'Canceled' && status(late) === 'Canceled', 'both canceled after the event');
  });
});
