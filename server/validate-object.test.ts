import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import fc from 'fast-check';
import Stripe from 'stripe';
import { capitalFinancingOffer, climateOrder, climateProduct, financialConnectionsAccount, paymentIntent, sharedPaymentGrantedToken } from '../src/testing/arbitraries/index.js';
import { describeFailure, propertyParameters } from '../test/arbitraries/settings.js';
import { createBackend } from './app.js';
import { ifAuthorized } from './authorize.js';
import type { PublishedEvent } from './event-hub.js';
import { errorResponse } from './http.js';
import { objectIssues } from './validate-object.js';

type Json = Record<string, unknown>;

/** Each object a route answers with: its generator, and fields broken the way a widget could not render. */
const OBJECTS: { object: string; arbitrary: fc.Arbitrary<Json>; breaks: [field: string, value: unknown][] }[] = [
  { object: 'capital.financing_offer', arbitrary: capitalFinancingOffer, breaks: [['id', 42], ['status', null], ['created', '1767225600'], ['offered_terms', 'terms']] },
  { object: 'climate.order', arbitrary: climateOrder, breaks: [['status', 7], ['amount_total', '15000'], ['delivery_details', {}], ['expected_delivery_year', '2027']] },
  { object: 'shared_payment.granted_token', arbitrary: sharedPaymentGrantedToken, breaks: [['id', null], ['created', null], ['usage_limits', []]] },
  { object: 'payment_intent', arbitrary: paymentIntent, breaks: [['amount', '1000'], ['currency', null], ['latest_charge', 42]] },
  { object: 'climate.product', arbitrary: climateProduct, breaks: [['id', null], ['current_prices_per_metric_ton', 'usd'], ['metric_tons_available', true], ['suppliers', {}], ['delivery_year', '2027']] },
  {
    object: 'financial_connections.account',
    arbitrary: financialConnectionsAccount,
    breaks: [['balance', 'cash'], ['balance_refresh', 42], ['last4', 4242], ['permissions', 'balances']],
  },
];

/** A value of an object that must never reach the log. */
const SENTINEL = 'sk_live_sentinel_value';

async function check<T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => Promise<void> | void): Promise<void> {
  const details = await fc.check(fc.asyncProperty(arbitrary, async (value) => predicate(value)), propertyParameters());
  if (details.failed) assert.fail(describeFailure(details));
}

/** Runs `body` with console.error captured. */
async function capturingErrors<T>(body: () => Promise<T>): Promise<{ result: T; logged: string }> {
  const lines: string[] = [];
  const spy = mock.method(console, 'error', (...args: unknown[]) => lines.push(args.map(String).join(' ')));
  try {
    return { result: await body(), logged: lines.join('\n') };
  } finally {
    spy.mock.restore();
  }
}

const notFound = () => errorResponse(404, 'No such object', 'invalid_request_error', 'resource_missing');
const request = () => new Request('http://test.local/api/x');

describe('the backend checks Stripe objects against the widgets\' schemas (generated objects)', () => {
  for (const { object, arbitrary, breaks } of OBJECTS) {
    it(`${object}: every object the widgets accept is answered as is, with a 200`, async () => {
      await check(arbitrary, async (value) => {
        assert.deepEqual(objectIssues(value), []);
        const response = await ifAuthorized({}, request(), value, notFound);
        assert.equal(response.status, 200);
        assert.deepEqual(await response.json(), JSON.parse(JSON.stringify(value)));
      });
    });

    it(`${object}: a field the widgets could not render answers 502 and logs its path, not its values`, async () => {
      await check(fc.tuple(arbitrary, fc.constantFrom(...breaks)), async ([value, [field, wrong]]) => {
        const broken = { ...value, [field]: wrong, note: SENTINEL };
        const { result: response, logged } = await capturingErrors(() => ifAuthorized({}, request(), broken, notFound));
        assert.equal(response.status, 502);
        const body = (await response.json()) as { error: Json };
        assert.deepEqual(Object.keys(body.error), ['message']);
        assert.match(logged, new RegExp(`\\b${field}: `));
        assert.match(logged, new RegExp(object.replace('.', '\\.')));
        assert.doesNotMatch(logged, new RegExp(SENTINEL));
      });
    });
  }

  it('leaves objects of types no widget reads alone', () => {
    assert.deepEqual(objectIssues({ id: 'cus_1', object: 'customer', amount: 'not checked' }), []);
    assert.deepEqual(objectIssues({ id: 'x', object: 'constructor' }), []);
    assert.deepEqual(objectIssues(null), []);
  });
});

describe('webhook data.objects are checked before they are published', () => {
  const secret = 'whsec_test_validate';
  const signer = new Stripe('sk_test_unused');
  let eventNumber = 0;

  const backend = createBackend({ webhookSecret: secret }, []);
  let published: PublishedEvent[] = [];
  backend.hub.subscribe((e) => published.push(e));

  async function deliver(dataObject: Json): Promise<{ published: PublishedEvent[]; status: number; logged: string }> {
    published = [];
    eventNumber += 1;
    const payload = JSON.stringify({
      id: `evt_validate_${eventNumber}`,
      object: 'event',
      type: `${String(dataObject.object)}.updated`,
      created: 1,
      livemode: false,
      api_version: '2025-10-29.clover',
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: { object: dataObject },
    });
    const { result, logged } = await capturingErrors(() =>
      backend.handle(
        new Request('http://test.local/api/webhooks', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signer.webhooks.generateTestHeaderString({ payload, secret }) },
          body: payload,
        }),
      ),
    );
    return { published, status: result.status, logged };
  }

  for (const { object, arbitrary, breaks } of OBJECTS) {
    it(`${object}: a renderable object is published; a broken one is not, and its path is logged`, async () => {
      // An event whose object has no string id is never published anyway; break the other fields.
      const fieldBreaks = breaks.filter(([field]) => field !== 'id');
      await check(fc.tuple(arbitrary, fc.constantFrom(...fieldBreaks)), async ([value, [field, wrong]]) => {
        const good = await deliver(value);
        assert.equal(good.status, 200);
        assert.deepEqual(good.published, [{ type: `${object}.updated`, id: value.id, object }]);
        assert.equal(good.logged, '');
        const bad = await deliver({ ...value, [field]: wrong });
        assert.equal(bad.status, 200);
        assert.deepEqual(bad.published, []);
        assert.match(bad.logged, new RegExp(`\\b${field}: `));
      });
    });
  }
});
