import assert from 'node:assert/strict';
import { after, before, describe, it, mock } from 'node:test';
import { widgetRoutes } from '../routes/index.js';
import { call, jsonPost, startFakeStripeApi, type FakeReply } from '../test-support/fake-stripe-api.js';

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

/** Runs `request` with console captured: its answer (status, headers, body text) and what was logged. */
async function logged(request: () => Promise<Response>) {
  const lines: string[] = [];
  const spies = (['error', 'warn', 'log'] as const).map((name) => mock.method(console, name, (...args: unknown[]) => void lines.push(args.map(String).join(' '))));
  try {
    const response = await request();
    return { status: response.status, headers: response.headers, body: await response.text(), log: lines.join('\n') };
  } finally {
    for (const spy of spies) spy.mock.restore();
  }
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

  const answerTo = (what: keyof typeof STRIPE_SAYS, path: string, init?: RequestInit) => {
    reply = STRIPE_SAYS[what]!;
    return logged(() => call(site(), path, init));
  };

  it('a revoked key (401): a generic 502 for the visitor; the log says the key was refused, without any of it', async () => {
    const answer = await answerTo('revoked', '/climate/orders/climorder_1');
    assert.equal(answer.status, 502);
    assert.deepEqual(JSON.parse(answer.body), { error: { message: 'Stripe is not available' } });
    assert.equal(answer.headers.get('request-id'), null);
    assert.match(answer.log, /401/);
    assert.match(answer.log, /secret key/i);
    assert.doesNotMatch(answer.log, LEAKS);
  });

  it('a key without the permission (403): the same generic 502, logged without the key', async () => {
    const answer = await answerTo('restricted', '/payment_intents/pi_1');
    assert.equal(answer.status, 502);
    assert.deepEqual(JSON.parse(answer.body), { error: { message: 'Stripe is not available' } });
    assert.match(answer.log, /403/);
    assert.doesNotMatch(answer.log, LEAKS);
  });

  it("Stripe's rate limit (429): a generic 503 with Retry-After, none of Stripe's words", async () => {
    const answer = await answerTo('limited', '/shared_payment/granted_tokens/spt_1');
    assert.equal(answer.status, 503);
    assert.equal(answer.headers.get('retry-after'), '1');
    assert.doesNotMatch(answer.body, LEAKS);
    assert.deepEqual(JSON.parse(answer.body), { error: { message: 'Busy, retry shortly' } });
    assert.match(answer.log, /429/);
  });

  it('every route maps them the same way', async () => {
    const post = jsonPost({ permissions: ['balances'] }, 'swk_e');
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
        const answer = await answerTo(what, path, init);
        assert.equal(answer.status, expected, `${what} on ${path}`);
        assert.doesNotMatch(answer.body, LEAKS, `${what} on ${path}`);
      }
    }
  });
});
