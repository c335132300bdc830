import assert from 'node:assert/strict';
import { after, before, describe, it, mock } from 'node:test';
import { widgetRoutes } from '../routes/index.js';
import { call, startFakeStripeApi, type FakeReply } from '../test-support/fake-stripe-api.js';

/** What Stripe answers, as it words them (the key fragment is Stripe's own redaction). */
const STRIPE_SAYS: Record<string, FakeReply> = {
  revoked: { status: 401, body: { error: { type: 'invalid_request_error', message: 'Invalid API Key provided: sk_test_***************************oked' } } },
  restricted: {
    status: 403,
    body: {
      error: {
        type: 'invalid_request_error',
        message: "The provided key 'rk_test_*********************3xYz' does not have the required permissions for this endpoint on account 'acct_1'.",
      },
    },
  },
  limited: {
    status: 429,
    headers: { 'Stripe-Should-Retry': 'false' },
    body: { error: { type: 'invalid_request_error', code: 'rate_limit', message: 'Too many requests hit the API too quickly. Please retry in a few seconds.' } },
  },
};

const LEAKS = /sk_test|rk_test|\*\*\*|3xYz|Invalid API Key|permissions|Too many requests hit|acct_1/;

async function logged(body: () => Promise<void>): Promise<string> {
  const lines: string[] = [];
  const spies = (['error', 'warn', 'log'] as const).map((name) => mock.method(console, name, (...args: unknown[]) => void lines.push(args.map(String).join(' '))));
  try {
    await body();
  } finally {
    for (const spy of spies) spy.mock.restore();
  }
  return lines.join('\n');
}

// Today Stripe's 401 reaches every visitor as `Invalid API Key provided: sk_test_***…oked`, and its 403
// and 429 messages likewise.
describe("attack: Stripe's 401, 403 and 429 reaching the browser", () => {
  let fake: Awaited<ReturnType<typeof startFakeStripeApi>>;
  let reply: FakeReply;
  before(async () => {
    fake = await startFakeStripeApi([() => reply]);
  });
  after(() => fake.close());
  const site = () => fake.backend({ authorize: () => true, resolveStripeAccount: () => 'acct_1', resolveCustomer: () => 'cus_1' }, widgetRoutes);

  it('a revoked key (401): a generic 502 for the visitor; the log says the key was refused, without any of it', async () => {
    reply = STRIPE_SAYS.revoked!;
    let response: Response | undefined;
    const log = await logged(async () => {
      response = await call(site(), '/climate/orders/climorder_1');
    });
    assert.equal(response!.status, 502);
    const body = await response!.text();
    assert.deepEqual(JSON.parse(body), { error: { message: 'Stripe is not available' } });
    assert.equal(response!.headers.get('request-id'), null);
    assert.match(log, /401/);
    assert.match(log, /secret key/i);
    assert.doesNotMatch(log, LEAKS);
  });

  it('a key without the permission (403): the same generic 502, logged without the key', async () => {
    reply = STRIPE_SAYS.restricted!;
    let response: Response | undefined;
    const log = await logged(async () => {
      response = await call(site(), '/payment_intents/pi_1');
    });
    assert.equal(response!.status, 502);
    assert.deepEqual(await response!.json(), { error: { message: 'Stripe is not available' } });
    assert.match(log, /403/);
    assert.doesNotMatch(log, LEAKS);
  });

  it("Stripe's rate limit (429): a generic 503 with Retry-After, none of Stripe's words", async () => {
    reply = STRIPE_SAYS.limited!;
    let response: Response | undefined;
    const log = await logged(async () => {
      response = await call(site(), '/shared_payment/granted_tokens/spt_1');
    });
    assert.equal(response!.status, 503);
    assert.equal(response!.headers.get('retry-after'), '1');
    const body = await response!.text();
    assert.doesNotMatch(body, LEAKS);
    assert.deepEqual(JSON.parse(body), { error: { message: 'Busy, retry shortly' } });
    assert.match(log, /429/);
  });

  it('every route maps them the same way', async () => {
    const post = { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'swk_e' }, body: JSON.stringify({ permissions: ['balances'] }) };
    for (const [path, init] of [
      ['/climate/orders/climorder_1'],
      ['/climate/orders/climorder_1/cancel', post],
      ['/capital/financing_offers/financingoffer_1'],
      ['/capital/financing_offers'],
      ['/shared_payment/granted_tokens/spt_1'],
      ['/payment_intents/pi_1'],
      ['/financial_connections/sessions', post],
    ] as const) {
      for (const [what, expected] of [['revoked', 502], ['restricted', 502], ['limited', 503]] as const) {
        reply = STRIPE_SAYS[what]!;
        let response: Response | undefined;
        await logged(async () => {
          response = await call(site(), path, init);
        });
        assert.equal(response!.status, expected, `${what} on ${path}`);
        assert.doesNotMatch(await response!.text(), LEAKS, `${what} on ${path}`);
      }
    }
  });
});
