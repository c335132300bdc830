import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it, mock } from 'node:test';
import { createBackend, type Backend } from './app.js';
import type { AuthorizeObject, BackendOptions, StripeObject } from './context.js';
import type { PublishedEvent } from './event-hub.js';
import { widgetRoutes } from './routes/index.js';
import { STORY_OFFER_ID, STORY_REPLACEMENT_ID } from './simulator/capital.js';
import { CLIMATE_ORDER_IDS } from './simulator/climate.js';
import { SEEDED_PAYMENTS } from './simulator/payment-intents.js';
import { SEED_TOKEN_IDS } from './simulator/shared-payment.js';
import { call, startFakeStripeApi, type FakeRoute } from './test-support/fake-stripe-api.js';

type Json = Record<string, unknown> & { error?: { code?: string; message?: string; type?: string } };

/** The site's session header names the user; in these tests `owner_of_<id>` owns each object. */
const ownerOf = (id: string) => `owner_of_${id}`;
const ownerCheck: AuthorizeObject = async (request, object) => request.headers.get('x-user') === ownerOf(object.id);
const asUser = (user: string) => ({ headers: { 'x-user': user } });
const cancelAs = (user: string) => ({ method: 'POST', headers: { 'x-user': user, 'Idempotency-Key': 'swk_k1', 'Content-Type': 'application/json' }, body: '{}' });

/** Every route that answers with an object the browser named (or the account's current offer). */
interface Read {
  name: string;
  path: string;
  id: string;
  object: string;
}

async function denied(response: Response): Promise<void> {
  assert.equal(response.status, 404);
  const body = (await response.json()) as Json;
  assert.deepEqual(Object.keys(body), ['error']);
  assert.equal(body.error?.type, 'invalid_request_error');
  assert.equal(body.error?.code, 'resource_missing');
}

async function internalError(response: Response): Promise<void> {
  assert.equal(response.status, 500);
  // The backend's own error shape: no `type`, nothing of the hook's error.
  assert.deepEqual(await response.json(), { error: { message: 'Internal error' } });
}

/** Runs `body` with console silenced and returns what would have been printed. */
async function quietly(body: () => Promise<void>): Promise<string> {
  const printed: unknown[] = [];
  const mocks = (['log', 'info', 'warn', 'error', 'debug'] as const).map((name) =>
    mock.method(console, name, (...args: unknown[]) => printed.push(...args)),
  );
  try {
    await body();
  } finally {
    for (const m of mocks) m.mock.restore();
  }
  return printed.map(String).join('\n');
}

function describeReads(mode: string, reads: Read[], backend: (options: BackendOptions) => Backend) {
  describe(`authorize, ${mode} mode`, () => {
    for (const read of reads) {
      it(`${read.name}: answers the object the hook allows, and gives the hook that object`, async () => {
        const seen: StripeObject[] = [];
        const response = await call(
          backend({ authorize: (request, object) => (seen.push(object), ownerCheck(request, object)) }),
          read.path,
          asUser(ownerOf(read.id)),
        );
        assert.equal(response.status, 200);
        assert.equal(((await response.json()) as Json).id, read.id);
        // The current offer is chosen among the offers the hook allows, so it is asked about each of them.
        assert.ok(seen.some((o) => o.id === read.id));
        for (const object of seen) {
          assert.equal(object.object, read.object);
          assert.equal('lastResponse' in object, false);
          assert.equal('client_secret' in object, false);
        }
      });

      it(`${read.name}: answers 404 resource_missing when the hook says no (or anything but true), logging nothing`, async () => {
        const printed = await quietly(async () => {
          await denied(await call(backend({ authorize: ownerCheck }), read.path, asUser('mallory')));
          const forgetful = (() => Promise.resolve(undefined)) as unknown as AuthorizeObject;
          await denied(await call(backend({ authorize: forgetful }), read.path));
        });
        assert.equal(printed, '');
      });

      it(`${read.name}: answers the backend's 500 when the hook throws, without its message`, async () => {
        const throwing: AuthorizeObject = () => {
          throw new Error('session store down');
        };
        await quietly(async () => internalError(await call(backend({ authorize: throwing }), read.path)));
      });
    }
  });
}

const owned = (id: string, object: string, fields: Record<string, unknown> = {}) => ({ id, object, ...fields });

const stripeReads: Read[] = [
  { name: 'financing offer', path: '/capital/financing_offers/financingoffer_1', id: 'financingoffer_1', object: 'capital.financing_offer' },
  { name: 'current financing offer', path: '/capital/financing_offers', id: 'financingoffer_2', object: 'capital.financing_offer' },
  { name: 'climate order', path: '/climate/orders/climorder_1', id: 'climorder_1', object: 'climate.order' },
  { name: 'granted token', path: '/shared_payment/granted_tokens/spt_1', id: 'spt_1', object: 'shared_payment.granted_token' },
  { name: 'PaymentIntent', path: '/payment_intents/pi_1', id: 'pi_1', object: 'payment_intent' },
];

const fakeApi: FakeRoute = (r) => {
  const offer = (id: string) => owned(id, 'capital.financing_offer', { account: 'acct_1', status: 'delivered', created: 1_700_000_000 });
  const order = (status: string) => owned('climorder_1', 'climate.order', { status, product: { id: 'climsku_1', object: 'climate.product', name: 'Frontier' } });
  if (r.method === 'GET' && r.path === '/v1/capital/financing_offers/financingoffer_1') return { body: offer('financingoffer_1') };
  if (r.method === 'GET' && r.path === '/v1/capital/financing_offers') return { body: { object: 'list', data: [offer('financingoffer_2')], has_more: false } };
  if (r.method === 'GET' && r.path === '/v1/climate/orders/climorder_1') return { body: order('open') };
  if (r.method === 'POST' && r.path === '/v1/climate/orders/climorder_1/cancel') return { body: order('canceled') };
  if (r.method === 'GET' && r.path === '/v1/shared_payment/granted_tokens/spt_1') return { body: owned('spt_1', 'shared_payment.granted_token') };
  if (r.method === 'GET' && r.path === '/v1/payment_intents/pi_1') return { body: owned('pi_1', 'payment_intent', { client_secret: 'pi_1_secret_x', status: 'succeeded', amount: 2000, currency: 'usd' }) };
  return undefined;
};

describe('authorize, against the fake Stripe API', () => {
  let fake: Awaited<ReturnType<typeof startFakeStripeApi>>;
  before(async () => {
    fake = await startFakeStripeApi([fakeApi]);
  });
  after(() => fake.close());
  beforeEach(() => {
    fake.requests.length = 0;
  });
  // Capital's current offer is read per connected account, so the site names one.
  const backend = (options: BackendOptions) => fake.backend({ resolveStripeAccount: () => 'acct_1', ...options }, widgetRoutes);
  const cancels = () => fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/cancel')).length;

  describeReads('stripe', stripeReads, backend);

  it('climate cancel: retrieves, authorizes, then cancels with the Idempotency-Key', async () => {
    const response = await call(backend({ authorize: ownerCheck }), '/climate/orders/climorder_1/cancel', cancelAs(ownerOf('climorder_1')));
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as Json).status, 'canceled');
    assert.deepEqual(
      fake.requests.map((r) => [r.method, r.path]),
      [
        ['GET', '/v1/climate/orders/climorder_1'],
        ['POST', '/v1/climate/orders/climorder_1/cancel'],
      ],
    );
    assert.match(String(fake.requests[1]?.headers['idempotency-key']), /^climcancel:[0-9a-f]{32}:swk_k1$/);
  });

  it('climate cancel: a denied order answers 404 and no cancel reaches Stripe', async () => {
    await denied(await call(backend({ authorize: ownerCheck }), '/climate/orders/climorder_1/cancel', cancelAs('mallory')));
    assert.equal(cancels(), 0);
  });

  it('climate cancel: a throwing hook answers 500 and no cancel reaches Stripe', async () => {
    await quietly(async () => {
      const throwing: AuthorizeObject = () => Promise.reject(new Error('session store down'));
      await internalError(await call(backend({ authorize: throwing }), '/climate/orders/climorder_1/cancel', cancelAs('x')));
    });
    assert.equal(cancels(), 0);
  });

  it("never asks the hook about Stripe's own errors: a Stripe 404 is the route's own 404", async () => {
    let asked = 0;
    const response = await call(backend({ authorize: () => (asked++, true) }), '/payment_intents/pi_missing');
    assert.equal(response.headers.get('request-id'), null);
    await denied(response);
    assert.equal(asked, 0);
  });
});

const simulatorReads: Read[] = [
  { name: 'financing offer', path: `/capital/financing_offers/${STORY_OFFER_ID}`, id: STORY_OFFER_ID, object: 'capital.financing_offer' },
  { name: 'current financing offer', path: '/capital/financing_offers', id: STORY_REPLACEMENT_ID, object: 'capital.financing_offer' },
  { name: 'climate order', path: `/climate/orders/${CLIMATE_ORDER_IDS.open}`, id: CLIMATE_ORDER_IDS.open, object: 'climate.order' },
  { name: 'granted token', path: `/shared_payment/granted_tokens/${SEED_TOKEN_IDS.active}`, id: SEED_TOKEN_IDS.active, object: 'shared_payment.granted_token' },
  { name: 'PaymentIntent', path: `/payment_intents/${SEEDED_PAYMENTS.settled}`, id: SEEDED_PAYMENTS.settled, object: 'payment_intent' },
];

describeReads('simulator', simulatorReads, (options) => createBackend(options));

describe('authorize, simulator mode, climate cancel', () => {
  const setup = (authorize: AuthorizeObject) => {
    const backend = createBackend({ authorize });
    const published: PublishedEvent[] = [];
    backend.hub.subscribe((event) => published.push(event));
    const status = async () => ((await (await call(backend, `/climate/orders/${CLIMATE_ORDER_IDS.open}`, asUser(ownerOf(CLIMATE_ORDER_IDS.open)))).json()) as Json).status;
    return { backend, published, status };
  };
  const path = `/climate/orders/${CLIMATE_ORDER_IDS.open}/cancel`;

  it('cancels an order the hook allows', async () => {
    const { backend, published, status } = setup(ownerCheck);
    assert.equal((await call(backend, path, cancelAs(ownerOf(CLIMATE_ORDER_IDS.open)))).status, 200);
    assert.equal(await status(), 'canceled');
    assert.deepEqual(published.map((e) => e.type), ['climate.order.canceled']);
  });

  it('leaves a denied order alone: 404, still open, no webhook', async () => {
    const { backend, published, status } = setup(ownerCheck);
    await denied(await call(backend, path, cancelAs('mallory')));
    assert.equal(await status(), 'open');
    assert.equal(published.length, 0);
  });

  it('leaves the order alone when the hook throws: 500, still open, no webhook', async () => {
    let calls = 0;
    const { backend, published, status } = setup((request, object) => {
      if (calls++ === 0) throw new Error('session store down');
      return ownerCheck(request, object);
    });
    await quietly(async () => internalError(await call(backend, path, cancelAs(ownerOf(CLIMATE_ORDER_IDS.open)))));
    assert.equal(await status(), 'open');
    assert.equal(published.length, 0);
  });
});
