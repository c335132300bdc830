import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Stripe from 'stripe';
import { createBackend } from './app.js';
import type { PublishedEvent } from './event-hub.js';

const secret = 'whsec_test_secret';
const signer = new Stripe('sk_test_unused');

function eventPayload(id = 'evt_1', type = 'climate.order.delivered') {
  return JSON.stringify({
    id,
    object: 'event',
    type,
    created: 1,
    livemode: false,
    api_version: '2025-10-29.clover',
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object: { id: 'climorder_1', object: 'climate.order', status: 'delivered', secret_field: 'x' } },
  });
}

function post(backend: ReturnType<typeof createBackend>, payload: string, signature?: string) {
  return backend.handle(
    new Request('http://test.local/api/webhooks', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(signature && { 'Stripe-Signature': signature }) },
      body: payload,
    }),
  );
}

function setup() {
  const backend = createBackend({ webhookSecret: secret }, []);
  const published: PublishedEvent[] = [];
  backend.hub.subscribe((e) => published.push(e));
  return { backend, published };
}

describe('POST /webhooks', () => {
  it('accepts a validly signed event and publishes only type, id and object', async () => {
    const { backend, published } = setup();
    const payload = eventPayload();
    const response = await post(backend, payload, signer.webhooks.generateTestHeaderString({ payload, secret }));
    assert.equal(response.status, 200);
    assert.deepEqual(published, [{ type: 'climate.order.delivered', id: 'climorder_1', object: 'climate.order' }]);
  });

  it('rejects a tampered payload with 400 and publishes nothing', async () => {
    const { backend, published } = setup();
    const payload = eventPayload();
    const signature = signer.webhooks.generateTestHeaderString({ payload, secret });
    const response = await post(backend, payload.replace('delivered"', 'canceled"'), signature);
    assert.equal(response.status, 400);
    assert.equal(published.length, 0);
  });

  it('rejects a signature made with another secret', async () => {
    const { backend, published } = setup();
    const payload = eventPayload();
    const response = await post(backend, payload, signer.webhooks.generateTestHeaderString({ payload, secret: 'whsec_other' }));
    assert.equal(response.status, 400);
    assert.equal(published.length, 0);
  });

  it('rejects a missing signature with 400', async () => {
    const { backend, published } = setup();
    const response = await post(backend, eventPayload());
    assert.equal(response.status, 400);
    const body = (await response.json()) as { error: { message: string } };
    assert.match(body.error.message, /Stripe-Signature/);
    assert.equal(published.length, 0);
  });

  it('ignores a replayed event id', async () => {
    const { backend, published } = setup();
    const payload = eventPayload('evt_same');
    const signature = signer.webhooks.generateTestHeaderString({ payload, secret });
    assert.equal((await post(backend, payload, signature)).status, 200);
    const again = await post(backend, payload, signer.webhooks.generateTestHeaderString({ payload, secret }));
    assert.equal(again.status, 200);
    assert.deepEqual(await again.json(), { received: true, duplicate: true });
    assert.equal(published.length, 1);
  });

  it('rejects a signature older than the tolerance', async () => {
    const { backend } = setup();
    const payload = eventPayload('evt_old');
    const timestamp = Math.floor(Date.now() / 1000) - 3600;
    const signature = signer.webhooks.generateTestHeaderString({ payload, secret, timestamp });
    assert.equal((await post(backend, payload, signature)).status, 400);
  });
});

describe('GET /events', () => {
  it('streams published events as server-sent events and stops when the client leaves', async () => {
    const { backend } = setup();
    const controller = new AbortController();
    const response = await backend.handle(new Request('http://test.local/api/events', { signal: controller.signal }));
    assert.equal(response.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value);
    assert.equal(text, 'retry: 2000\n\n');
    const payload = eventPayload('evt_stream');
    await post(backend, payload, signer.webhooks.generateTestHeaderString({ payload, secret }));
    text = decoder.decode((await reader.read()).value);
    assert.match(text, /^id: \d+-\d+\ndata: /);
    assert.equal(text.replace(/^id: .*\n/, ''), `data: ${JSON.stringify({ type: 'climate.order.delivered', id: 'climorder_1', object: 'climate.order' })}\n\n`);
    assert.doesNotMatch(text, /secret_field/);
    const listening = backend.hub.size;
    controller.abort();
    // The stream ends once the hub has let the client go (a stream the hub kept would never end here).
    await reader.read().then(
      () => {},
      () => {},
    );
    assert.equal(backend.hub.size, listening - 1);
  });
});

describe('simulator webhooks', () => {
  it('signs its own events and delivers them through the verified path', async () => {
    const backend = createBackend({}, []);
    const published: PublishedEvent[] = [];
    backend.hub.subscribe((e) => published.push(e));
    const result = await backend.simulator.sendWebhook('capital.financing_offer.replacement_created', {
      id: 'financingoffer_1',
      object: 'capital.financing_offer',
      status: 'delivered',
    });
    assert.equal(result.status, 200);
    assert.deepEqual(published, [{ type: 'capital.financing_offer.replacement_created', id: 'financingoffer_1', object: 'capital.financing_offer' }]);
  });
});
