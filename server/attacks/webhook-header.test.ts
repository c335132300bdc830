import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Stripe from 'stripe';
import { createBackend, type Backend } from '../app.js';
import { openRaw, startTestServer, stillServes, type TestServer } from '../test-support/raw-http.js';
import { postWebhook, stripeEvent, WEBHOOK_SECRET } from '../test-support/webhook.js';

const signer = new Stripe('sk_test_unused');
const now = () => Math.floor(Date.now() / 1000);
const HEX64 = '0'.repeat(64);
/** A webhook head declaring a body of 1 MB − 1 byte, of which the client sends 1 kB and then nothing. */
const slowWebhook = (signature: string | undefined) =>
  `POST /api/webhooks HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${1024 * 1024 - 1}\r\n` +
  `${signature === undefined ? '' : `Stripe-Signature: ${signature}\r\n`}\r\n${' '.repeat(1024)}`;

// Today the body cap reads the whole body before the route looks at Stripe-Signature: 1,000 such
// requests held 1 GB, one for 313 s. These answers never came (the client never finishes its body).
describe('attack: webhooks without a well-formed Stripe-Signature, whose bodies never finish', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer(createBackend({ webhookSecret: WEBHOOK_SECRET }, []));
  });
  after(() => server.close());

  const refused: [name: string, header: () => string | undefined][] = [
    ['no Stripe-Signature', () => undefined],
    ['no v1 signature', () => `t=${now()}`],
    ['no timestamp', () => `v1=${HEX64}`],
    ['a v1 that is not a signature', () => `t=${now()},v1=fake`],
    ['a timestamp 10 minutes old', () => `t=${now() - 600},v1=${HEX64}`],
    ['a timestamp 10 minutes ahead', () => `t=${now() + 600},v1=${HEX64}`],
    ['two timestamps', () => `t=${now()},t=${now() + 86_400},v1=${HEX64}`],
  ];
  it('each is a 400 from the headers alone (1 kB of the body sent), and its connection is closed within 3 s', async () => {
    // Side by side: each waits for the server to let its connection go.
    await Promise.all(
      refused.map(async ([name, header]) => {
        const connection = openRaw(server.port);
        connection.write(slowWebhook(header()));
        const answer = await connection.answer(2_000);
        assert.equal(answer.status, 400, name);
        assert.match(JSON.parse(answer.body).error.message, /Stripe-Signature/, name);
        // The rest of the body is never read: the server lets the connection go (LINGER_MS after the answer).
        assert.ok((await connection.closed(3_000)) <= 3_000, name);
      }),
    );
    assert.equal(await stillServes(server), 200);
  });

  it('200 at once: every one is answered 400 and closed by the server, which keeps serving', async () => {
    const connections = Array.from({ length: 200 }, () => openRaw(server.port));
    for (const connection of connections) connection.write(slowWebhook(undefined));
    const answers = await Promise.all(connections.map((c) => c.answer(5_000)));
    assert.deepEqual(new Set(answers.map((a) => a.status)), new Set([400]));
    const held = await Promise.all(connections.map((c) => c.closed(5_000)));
    assert.ok(Math.max(...held) <= 5_000, `longest held ${Math.max(...held)} ms`);
    assert.equal(await stillServes(server), 200);
  });
});

// Today `t=<now>,t=<now+1 day>,v1=<signature for the future time>` is a 200: the future check read the
// first `t=`, Stripe's verifier the last.
describe('attack: a Stripe-Signature with two timestamps', () => {
  let backend: Backend;
  before(() => {
    backend = createBackend({ webhookSecret: WEBHOOK_SECRET }, []);
  });

  it('is a 400 even when the signature is valid for the later one, and nothing is published', async () => {
    const published: unknown[] = [];
    backend.hub.subscribe((event) => published.push(event));
    const payload = JSON.stringify(stripeEvent('evt_future', { id: 'climorder_future', object: 'climate.order', status: 'open' }));
    const future = now() + 86_400;
    const valid = signer.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET, timestamp: future });
    const forged = `t=${now()},${valid}`;
    const response = await backend.handle(
      new Request('http://test.local/api/webhooks', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Stripe-Signature': forged }, body: payload }),
    );
    assert.equal(response.status, 400);
    assert.equal(published.length, 0);
    // The same event with one honest timestamp still goes through.
    assert.equal((await postWebhook(backend, payload)).status, 200);
    assert.equal(published.length, 1);
  });
});
