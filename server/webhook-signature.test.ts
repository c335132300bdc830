import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Stripe from 'stripe';
import { signWebhookPayload, verifyWebhookSignature } from './webhook-signature.js';

// The WebCrypto signer and verifier must agree with Stripe's own library in both directions: what the
// SDK signs, ours accepts; what ours signs, the SDK accepts (and each rejects what the other refuses).
const sdk = new Stripe('sk_test_unused');
const secret = 'whsec_test_webcrypto';
const payload = JSON.stringify({ id: 'evt_1', object: 'event', type: 'climate.order.delivered', data: { object: { id: 'climorder_1', object: 'climate.order' } } });

describe('webhook signatures with WebCrypto (scheme v1)', () => {
  it('accepts what the stripe SDK signs', async () => {
    const header = sdk.webhooks.generateTestHeaderString({ payload, secret });
    assert.equal(await verifyWebhookSignature(payload, header, secret, 300), true);
  });

  it('signs what the stripe SDK accepts, with the timestamp it was given', async () => {
    const now = Math.floor(Date.now() / 1000);
    const header = await signWebhookPayload(payload, secret, now - 10);
    assert.match(header, new RegExp(`^t=${now - 10},v1=[0-9a-f]{64}$`));
    const event = await sdk.webhooks.constructEventAsync(payload, header, secret, 300);
    assert.equal(event.id, 'evt_1');
  });

  it('produces the SDK signature byte for byte for the same timestamp', async () => {
    const timestamp = 1_767_268_800;
    assert.equal(await signWebhookPayload(payload, secret, timestamp), sdk.webhooks.generateTestHeaderString({ payload, secret, timestamp }));
  });

  it('refuses a tampered body, another secret, a missing v1 and a malformed header', async () => {
    const header = sdk.webhooks.generateTestHeaderString({ payload, secret });
    assert.equal(await verifyWebhookSignature(payload.replace('delivered', 'canceled'), header, secret, 300), false);
    assert.equal(await verifyWebhookSignature(payload, header, 'whsec_other', 300), false);
    assert.equal(await verifyWebhookSignature(payload, header.replace(/,v1=.*/, ''), secret, 300), false);
    assert.equal(await verifyWebhookSignature(payload, header.replace('v1=', 'v0='), secret, 300), false);
    assert.equal(await verifyWebhookSignature(payload, 'garbage', secret, 300), false);
    assert.equal(await verifyWebhookSignature(payload, header.replace(/^t=\d+/, 't=abc'), secret, 300), false);
  });

  it('accepts the header when any of several v1 signatures matches (secret rotation)', async () => {
    const good = sdk.webhooks.generateTestHeaderString({ payload, secret });
    const timestamp = /^t=(\d+)/.exec(good)![1];
    const stale = sdk.webhooks.generateTestHeaderString({ payload, secret: 'whsec_old', timestamp: Number(timestamp) }).replace(/^t=\d+,/, '');
    assert.equal(await verifyWebhookSignature(payload, `${good},${stale}`, secret, 300), true);
    assert.equal(await verifyWebhookSignature(payload, `t=${timestamp},${stale}`, secret, 300), false);
  });

  it('refuses a timestamp older than the tolerance at the time received, as the SDK does', async () => {
    const signedAt = 1_767_268_800;
    const header = await signWebhookPayload(payload, secret, signedAt);
    assert.equal(await verifyWebhookSignature(payload, header, secret, 300, (signedAt + 300) * 1000), true);
    assert.equal(await verifyWebhookSignature(payload, header, secret, 300, (signedAt + 301) * 1000), false);
    await assert.rejects(sdk.webhooks.constructEventAsync(payload, header, secret, 300, undefined, (signedAt + 301) * 1000), /tolerance/);
  });
});
