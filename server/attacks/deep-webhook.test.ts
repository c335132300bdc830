import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { createBackend } from '../app.js';
import { postWebhook, stripeEvent, WEBHOOK_SECRET } from '../test-support/webhook.js';

const DEPTH = 200_000;
const event = JSON.stringify(stripeEvent('evt_deep', { id: 'climorder_deep', object: 'climate.order', status: 'open', metadata: {} }));
const nested = (where: 'metadata' | 'object') =>
  where === 'metadata'
    ? event.replace('"metadata":{}', `"metadata":{"x":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}`)
    : // Objects take more bytes per level: 100,000 of them stay under the 1 MB webhook cap.
      event.replace('"metadata":{}', `"metadata":{},"deep":${'{"a":'.repeat(DEPTH / 2)}1${'}'.repeat(DEPTH / 2)}`);

// Today a signed webhook nested 200,000 levels deep is a 500, with a stack overflow in the log.
describe('attack: a validly signed webhook nested 200,000 levels deep', () => {
  for (const where of ['metadata', 'object'] as const) {
    it(`${where === 'metadata' ? 'arrays nested in metadata' : 'objects nested in a field of data.object'}: 400, nothing published, no stack overflow`, async () => {
      const backend = createBackend({ webhookSecret: WEBHOOK_SECRET }, []);
      const published: unknown[] = [];
      backend.hub.subscribe((e) => published.push(e));
      const errors = mock.method(console, 'error', () => {});
      let response: Response;
      try {
        response = await postWebhook(backend, nested(where));
      } finally {
        errors.mock.restore();
      }
      assert.equal(response.status, 400);
      assert.match(((await response.json()) as { error: { message: string } }).error.message, /nested too deeply/);
      assert.equal(published.length, 0);
      assert.equal(errors.mock.callCount(), 0, 'nothing went wrong inside');
      // The same event, not nested, is still taken.
      assert.equal((await postWebhook(backend, event)).status, 200);
      assert.equal(published.length, 1);
    });
  }
});
