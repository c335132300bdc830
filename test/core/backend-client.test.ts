import { expect } from '@open-wc/testing';
import * as z from 'zod/mini';
import { createIdempotencyKey, endpointUrl, requestJson } from '../../src/core/backend-client.js';
import { configure } from '../../src/core/config.js';
import { WidgetRequestError, type WidgetError } from '../../src/core/errors.js';
import { fakeBackend, stripeError, type FakeAnswer } from '../helpers.js';

const schema = z.object({ id: z.string() });

async function failure(promise: Promise<unknown>): Promise<WidgetError> {
  try {
    await promise;
  } catch (cause) {
    if (cause instanceof WidgetRequestError) return cause.error;
    throw cause;
  }
  throw new Error('expected the request to fail');
}

function sequence(...answers: FakeAnswer[]) {
  let i = 0;
  return fakeBackend(() => answers[Math.min(i++, answers.length - 1)]!);
}

describe('requestJson', () => {
  it('returns validated JSON and sends same-origin credentials and Accept', async () => {
    let seen: RequestInit | undefined;
    const value = await requestJson({
      url: '/api/x',
      schema,
      fetcher: async (_url, init) => {
        seen = init;
        return new Response(JSON.stringify({ id: 'obj_1', extra: true }));
      },
    });
    expect(value).to.deep.equal({ id: 'obj_1' });
    expect(seen?.credentials).to.equal('same-origin');
    expect(new Headers(seen?.headers).get('accept')).to.equal('application/json');
  });

  it('times out with kind "timeout" when the backend does not answer', async () => {
    const { fetcher, calls } = fakeBackend(() => 'hang');
    const error = await failure(requestJson({ url: '/api/x', schema, fetcher, timeoutMs: 50, retries: 0 }));
    expect(error.kind).to.equal('timeout');
    expect(calls[0]!.signal!.aborted).to.equal(true);
  });

  it('rejects with the abort reason, not a widget error, when the caller aborts', async () => {
    const { fetcher, calls } = fakeBackend(() => 'hang');
    const controller = new AbortController();
    const pending = requestJson({ url: '/api/x', schema, fetcher, signal: controller.signal });
    await new Promise((r) => setTimeout(r, 10));
    controller.abort();
    let caught: unknown;
    try {
      await pending;
    } catch (cause) {
      caught = cause;
    }
    expect(caught).not.to.be.instanceOf(WidgetRequestError);
    expect((caught as Error).name).to.equal('AbortError');
    expect(calls[0]!.signal!.aborted).to.equal(true);
  });

  it('retries a GET twice with growing backoff on network errors, 429 and 5xx, then succeeds', async () => {
    const { fetcher, calls } = sequence('network-error', { status: 503, json: {} }, { json: { id: 'ok' } });
    // The waits it schedules, not the wall clock: the request timeout's own timer is the long one.
    const waits: number[] = [];
    const realSetTimeout = window.setTimeout;
    window.setTimeout = ((handler: TimerHandler, ms?: number, ...rest: unknown[]) => {
      waits.push(ms ?? 0);
      return realSetTimeout(handler, ms, ...rest);
    }) as typeof window.setTimeout;
    let value: { id: string };
    try {
      value = await requestJson({ url: '/api/x', schema, fetcher, retryDelayMs: 20, timeoutMs: 5000 });
    } finally {
      window.setTimeout = realSetTimeout;
    }
    expect(value.id).to.equal('ok');
    expect(calls).to.have.length(3);
    expect(waits.filter((ms) => ms !== 5000), 'a 20 ms wait, then a 40 ms one').to.deep.equal([20, 40]);
  });

  it('retries a GET answered with any 5xx, exactly 500 included (and 599), but not 499', async () => {
    for (const status of [500, 502, 504, 599]) {
      const { fetcher, calls } = sequence({ status, json: {} }, { json: { id: 'ok' } });
      const value = await requestJson({ url: '/api/x', schema, fetcher, retryDelayMs: 1 });
      expect(value.id, `after a ${status}`).to.equal('ok');
      expect(calls, `after a ${status}`).to.have.length(2);
    }
    const { fetcher, calls } = sequence({ status: 499, json: {} }, { json: { id: 'ok' } });
    expect(await failure(requestJson({ url: '/api/x', schema, fetcher, retryDelayMs: 1 }))).to.include({ kind: 'http', status: 499 });
    expect(calls).to.have.length(1);
  });

  it('gives up after two retries and reports the last failure', async () => {
    const { fetcher, calls } = sequence({ status: 429, json: {} });
    const error = await failure(requestJson({ url: '/api/x', schema, fetcher, retryDelayMs: 1 }));
    expect(calls).to.have.length(3);
    expect(error).to.include({ kind: 'http', status: 429 });
  });

  it('does not retry a 4xx other than 429', async () => {
    const { fetcher, calls } = sequence(stripeError(404));
    await failure(requestJson({ url: '/api/x', schema, fetcher, retryDelayMs: 1 }));
    expect(calls).to.have.length(1);
  });

  it('reads Stripe\'s error body: type, code, message and the request id', async () => {
    const { fetcher } = sequence(stripeError(500, 'An unknown error occurred', 'api_error_code', 'api_error'));
    const error = await failure(requestJson({ url: '/api/x', schema, fetcher, retries: 0 }));
    expect(error).to.deep.equal({
      kind: 'stripe',
      status: 500,
      message: 'An unknown error occurred',
      code: 'api_error_code',
      type: 'api_error',
      requestId: 'req_test_123',
    });
  });

  it("does not blame Stripe for the backend's own error body (no type)", async () => {
    const { fetcher } = sequence({ status: 404, json: { error: { message: 'No route for /x' } } });
    const error = await failure(requestJson({ url: '/api/x', schema, fetcher, retries: 0 }));
    expect(error).to.deep.equal({ kind: 'http', status: 404, message: 'No route for /x' });
  });

  it('reports an HTML error page as an http error with its status', async () => {
    const { fetcher } = sequence({ status: 502, text: '<html><body>Bad gateway</body></html>' });
    const error = await failure(requestJson({ url: '/api/x', schema, fetcher, retries: 0 }));
    expect(error).to.include({ kind: 'http', status: 502 });
  });

  it('reports a 200 with a body that is not JSON as invalid_response', async () => {
    const { fetcher } = sequence({ status: 200, text: '<html>oops</html>' });
    const error = await failure(requestJson({ url: '/api/x', schema, fetcher }));
    expect(error.kind).to.equal('invalid_response');
  });

  it('reports JSON that fails the schema as invalid_response, naming the field', async () => {
    const { fetcher } = sequence({ json: { id: 42 } });
    const error = await failure(requestJson({ url: '/api/x', schema, fetcher }));
    expect(error.kind).to.equal('invalid_response');
    expect(error.message).to.include('id');
  });

  it('lists every failing field with its path, not only the first', async () => {
    const nested = z.object({ id: z.string(), charge: z.object({ amount: z.number(), currency: z.string() }) });
    const { fetcher } = sequence({ json: { id: 7, charge: { amount: 'ten', currency: null } } });
    const error = await failure(requestJson({ url: '/api/x', schema: nested, fetcher }));
    expect(error.kind).to.equal('invalid_response');
    expect(error.issues?.map((issue) => issue.path)).to.deep.equal(['id', 'charge.amount', 'charge.currency']);
    expect(error.message).to.include('charge.amount').and.include('charge.currency');
  });

  it('sends one Idempotency-Key on a POST and the same key when the action is retried', async () => {
    const { fetcher, calls } = sequence('network-error', { json: { id: 'done' } });
    const key = createIdempotencyKey();
    const first = await failure(requestJson({ url: '/api/x', method: 'POST', body: { a: 1 }, schema, fetcher, idempotencyKey: key }));
    expect(first.kind).to.equal('network');
    expect(calls).to.have.length(1);
    await requestJson({ url: '/api/x', method: 'POST', body: { a: 1 }, schema, fetcher, idempotencyKey: key });
    expect(calls.map((c) => c.headers.get('idempotency-key'))).to.deep.equal([key, key]);
    expect(calls[1]!.body).to.deep.equal({ a: 1 });
    expect(calls[1]!.headers.get('content-type')).to.equal('application/json');
  });

  it('refuses a POST without an idempotency key', async () => {
    let thrown: unknown;
    try {
      await requestJson({ url: '/api/x', method: 'POST', schema, fetcher: fakeBackend(() => ({ json: {} })).fetcher });
    } catch (cause) {
      thrown = cause;
    }
    expect(thrown).to.be.instanceOf(TypeError);
  });

  it('uses the fetch set with configure() when no fetcher is given', async () => {
    const { fetcher, calls } = sequence({ json: { id: 'configured' } });
    configure({ fetch: fetcher });
    try {
      expect((await requestJson({ url: '/api/configured', schema })).id).to.equal('configured');
      expect(calls[0]!.url).to.equal('/api/configured');
    } finally {
      configure({ fetch: undefined });
    }
  });

  it('makes distinct idempotency keys per action', () => {
    expect(createIdempotencyKey()).not.to.equal(createIdempotencyKey());
  });
});

describe('endpointUrl', () => {
  it('tolerates a trailing slash and encodes ids', () => {
    expect(endpointUrl('/api/orders/', 'a/b c')).to.equal('/api/orders/a%2Fb%20c');
    expect(endpointUrl('/api/orders', 'id', 'cancel')).to.equal('/api/orders/id/cancel');
  });
});
