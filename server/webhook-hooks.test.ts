// The site's webhook hooks (`onWebhookEvent`, `webhookHandlers`): once per verified, deduplicated event,
// after validation, with the whole object; a failing hook answers 5xx so that Stripe retries. With two
// instances on one real Redis (scripts/node-tests.mjs starts redis-server), exactly one runs it.
import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { createBackend, type Backend } from './app.js';
import type { BackendOptions } from './context.js';
import type { PublishedEvent } from './event-hub.js';
import { RedisEventStore } from './redis-event-store.js';
import { useTestRedis } from './test-support/redis.js';
import { climateOrderObject, postWebhook, stripeEvent, WEBHOOK_SECRET } from './test-support/webhook.js';
import type { VerifiedWebhookEvent } from './webhook-hooks.js';
import { capitalFinancingOffer, capitalFinancingTerms } from '../src/testing/builders/capital.js';

/** The seed's replacement_created event: the new offer, naming the one it replaced. */
function replacementCreated(eventId: string, offerId = 'financingoffer_xyz456') {
  return stripeEvent(
    eventId,
    capitalFinancingOffer({
      id: offerId,
      offered_terms: capitalFinancingTerms({ advance_amount: 100000, fee_amount: 10000 }),
      replacement_for: 'financingoffer_abc123',
    }),
    'capital.financing_offer.replacement_created',
  );
}

/** A deferred promise: the hook waits on it, so a test decides when a run ends. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

function memoryBackend(options: BackendOptions) {
  const backend = createBackend({ webhookSecret: WEBHOOK_SECRET, ...options }, []);
  const published: PublishedEvent[] = [];
  backend.hub.subscribe((e) => published.push(e));
  return { backend, published };
}

describe('webhook hooks, one instance', () => {
  it("runs the event type's handler with the whole typed object once, and a retry of the event never again", async () => {
    const seen: VerifiedWebhookEvent<string, unknown>[] = [];
    // The seed: a platform that stores the active offer id switches it to the replacement.
    const activeOffer = new Map([['acct_efg678', 'financingoffer_abc123']]);
    const { backend, published } = memoryBackend({
      webhookHandlers: {
        'capital.financing_offer.replacement_created': (event) => {
          seen.push(event);
          const offer = event.data.object;
          if (offer.account && activeOffer.get(offer.account) === offer.replacement_for) activeOffer.set(offer.account, offer.id);
        },
      },
    });
    const event = replacementCreated('evt_hook_1');
    assert.deepEqual(await (await postWebhook(backend, event)).json(), { received: true });
    assert.deepEqual(await (await postWebhook(backend, event)).json(), { received: true, duplicate: true });
    assert.equal(seen.length, 1);
    assert.equal(activeOffer.get('acct_efg678'), 'financingoffer_xyz456');
    assert.equal(seen[0]!.id, 'evt_hook_1');
    assert.equal(seen[0]!.type, 'capital.financing_offer.replacement_created');
    assert.deepEqual(seen[0]!.data.object, (event.data as { object: unknown }).object, 'the whole object, fields the widgets do not read included');
    assert.deepEqual(published, [{ type: 'capital.financing_offer.replacement_created', id: 'financingoffer_xyz456', object: 'capital.financing_offer' }]);
  });

  it('calls onWebhookEvent for every event, after the type handler, and only that handler for its type', async () => {
    const calls: string[] = [];
    const { backend } = memoryBackend({
      webhookHandlers: { 'climate.order.delivered': (event) => void calls.push(`handler ${event.data.object.id}`) },
      onWebhookEvent: (event) => void calls.push(`onWebhookEvent ${event.type}`),
    });
    await postWebhook(backend, stripeEvent('evt_a', climateOrderObject('climorder_a', 'delivered'), 'climate.order.delivered'));
    await postWebhook(backend, stripeEvent('evt_b', { id: 'cus_1', object: 'customer' }, 'customer.updated'));
    assert.deepEqual(calls, ['handler climorder_a', 'onWebhookEvent climate.order.delivered', 'onWebhookEvent customer.updated']);
  });

  it('never calls the hooks for an object that failed validation, nor for a bad signature', async () => {
    const onWebhookEvent = mock.fn();
    const { backend } = memoryBackend({ onWebhookEvent });
    const logged = mock.method(console, 'error', () => {});
    try {
      const broken = stripeEvent('evt_broken', climateOrderObject('climorder_broken', 'delivered', { status: 42 }), 'climate.order.delivered');
      assert.equal((await postWebhook(backend, broken)).status, 200);
      assert.equal((await postWebhook(backend, replacementCreated('evt_forged'), { secret: 'whsec_other' })).status, 400);
    } finally {
      logged.mock.restore();
    }
    assert.equal(onWebhookEvent.mock.callCount(), 0);
  });

  it("gives the hooks a PaymentIntent without its client_secret", async () => {
    const objects: Record<string, unknown>[] = [];
    const { backend } = memoryBackend({ onWebhookEvent: (event) => void objects.push(event.data.object) });
    const intent = { id: 'pi_1', object: 'payment_intent', status: 'succeeded', amount: 1000, currency: 'usd', client_secret: 'pi_1_secret_x', metadata: { order: '7' } };
    await postWebhook(backend, stripeEvent('evt_pi', intent, 'payment_intent.succeeded'));
    assert.equal('client_secret' in objects[0]!, false);
    assert.deepEqual(objects[0]!.metadata, { order: '7' });
  });

  it('a failing hook answers 500 and publishes nothing; the retry runs it again, then publishes once', async () => {
    let failures = 1;
    const runs: string[] = [];
    const { backend, published } = memoryBackend({
      onWebhookEvent: async (event) => {
        runs.push(event.id);
        if (failures-- > 0) throw new Error('database down');
      },
    });
    const logged = mock.method(console, 'error', () => {});
    const event = replacementCreated('evt_fails_once');
    try {
      const first = await postWebhook(backend, event);
      assert.equal(first.status, 500);
      assert.deepEqual(await first.json(), { error: { message: 'Webhook hook failed' } });
      assert.equal(published.length, 0);
      assert.match(String(logged.mock.calls[0]?.arguments.join(' ')), /evt_fails_once: database down/);
    } finally {
      logged.mock.restore();
    }
    assert.deepEqual(await (await postWebhook(backend, event)).json(), { received: true });
    assert.deepEqual(await (await postWebhook(backend, event)).json(), { received: true, duplicate: true });
    assert.deepEqual(runs, ['evt_fails_once', 'evt_fails_once']);
    assert.equal(published.length, 1);
  });

  it('a delivery that arrives while the hook runs gets 409 (Stripe retries it); the retry after the run is a duplicate', async () => {
    const { opened, open } = gate();
    let runs = 0;
    const { backend, published } = memoryBackend({
      onWebhookEvent: async () => {
        runs += 1;
        await opened;
      },
    });
    const event = replacementCreated('evt_slow');
    const first = postWebhook(backend, event);
    const second = await postWebhook(backend, event);
    assert.equal(second.status, 409);
    open();
    assert.equal((await first).status, 200);
    assert.deepEqual(await (await postWebhook(backend, event)).json(), { received: true, duplicate: true });
    assert.equal(runs, 1);
    assert.equal(published.length, 1);
  });

  it('without hooks the webhook answers as before', async () => {
    const { backend, published } = memoryBackend({});
    assert.deepEqual(await (await postWebhook(backend, replacementCreated('evt_plain'))).json(), { received: true });
    assert.equal(published.length, 1);
  });
});

describe('webhook hooks, two instances on one Redis', () => {
  const redis = useTestRedis();
  let prefixes = 0;

  /** Instances A and B: nothing shared but Redis (their own key prefix per test) and the hook's counter. */
  async function twoInstances(onWebhookEvent: BackendOptions['onWebhookEvent']): Promise<[Backend, Backend]> {
    const keyPrefix = `swk_hooks_${process.pid}_${prefixes++}`;
    const pair = [0, 1].map(() => createBackend({ webhookSecret: WEBHOOK_SECRET, eventStore: new RedisEventStore({ url: redis.url(), keyPrefix }), onWebhookEvent }, []));
    redis.backends.push(...pair);
    await Promise.all(pair.map((backend) => (backend.eventStore as RedisEventStore).ready));
    return [pair[0]!, pair[1]!];
  }

  /** Delivers `event` to `backend` as Stripe does: again after any non-2xx answer, until one is 2xx. */
  async function deliverUntilAccepted(backend: Backend, event: unknown, statuses: number[] = []): Promise<number[]> {
    for (let attempt = 0; attempt < 10_000; attempt++) {
      const status = (await postWebhook(backend, event)).status;
      statuses.push(status);
      if (status < 300) return statuses;
      await new Promise((resolve) => setImmediate(resolve));
    }
    throw new Error(`never accepted: ${statuses.join(', ')}`);
  }

  it('the same event delivered to A and B at once runs the hook exactly once', async () => {
    const runs: string[] = [];
    const { opened, open } = gate();
    const [a, b] = await twoInstances(async (event) => {
      runs.push(event.id);
      await opened;
    });
    const event = replacementCreated('evt_both');
    const statusesA: number[] = [];
    const statusesB: number[] = [];
    const onA = deliverUntilAccepted(a, event, statusesA);
    const onB = deliverUntilAccepted(b, event, statusesB);
    // The hook runs (held by the gate) on one instance while the other is answered 409 and retries. The
    // 409 can come before the winner has called the hook (it has the claim, not yet the call): wait for both.
    const refused = () => [...statusesA, ...statusesB].includes(409);
    for (let i = 0; i < 10_000 && !(refused() && runs.length > 0); i++) await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(runs, ['evt_both']);
    open();
    await Promise.all([onA, onB]);
    assert.deepEqual(runs, ['evt_both']);
    assert.ok([...statusesA, ...statusesB].includes(409), 'one instance was refused while the other ran the hook');
    assert.ok([...statusesA, ...statusesB].every((status) => status === 200 || status === 409), `${statusesA} / ${statusesB}`);
  });

  it('a hook that fails on A runs again when Stripe retries on B, and only the successful run counts', async () => {
    const runs: string[] = [];
    let failNext = true;
    const logged = mock.method(console, 'error', () => {});
    try {
      const [a, b] = await twoInstances(async (event) => {
        runs.push(event.id);
        if (failNext) {
          failNext = false;
          throw new Error('database down');
        }
      });
      const event = replacementCreated('evt_retry_on_b');
      assert.equal((await postWebhook(a, event)).status, 500);
      assert.deepEqual(await (await postWebhook(b, event)).json(), { received: true });
      assert.deepEqual(await (await postWebhook(a, event)).json(), { received: true, duplicate: true });
      assert.deepEqual(runs, ['evt_retry_on_b', 'evt_retry_on_b']);
    } finally {
      logged.mock.restore();
    }
  });

  it('ten deliveries spread over both instances, retried until accepted: one run', async () => {
    let runs = 0;
    const [a, b] = await twoInstances(async () => {
      runs += 1;
      await new Promise((resolve) => setImmediate(resolve));
    });
    const event = replacementCreated('evt_storm');
    await Promise.all(Array.from({ length: 10 }, (_, i) => deliverUntilAccepted(i % 2 ? a : b, event)));
    assert.equal(runs, 1);
  });
});
