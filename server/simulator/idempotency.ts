import type { BackendOptions } from '../context.js';
import { errorResponse } from '../http.js';
import { accountOf, scopedIdempotencyKey } from '../stripe-objects.js';

/** A JSON answer as remembered for a replay. */
interface Remembered {
  status: number;
  text: string;
}

/** Keys the simulator remembers (Stripe keeps them 24 hours); past it the oldest is forgotten. */
export const MAX_SIMULATED_IDEMPOTENCY_KEYS = 1_000;

const REUSED =
  'Keys for idempotent requests can only be used with the same parameters they were first used with. ' +
  'Try using a key other than the one used in the original request if you meant to execute a different request.';

/**
 * Who is calling, as far as the simulator can tell: the signed-in user (`userOf`, or `eventStream.userOf`)
 * and the connected account. Stripe scopes keys per account; the simulator has one account, so it
 * scopes them per caller, and one caller's answer never reaches another.
 */
export async function simulatedCaller(options: BackendOptions, request: Request): Promise<(string | undefined)[]> {
  const userOf = options.userOf ?? options.eventStream?.userOf;
  return [(await userOf?.(request)) || undefined, await accountOf(options, request)];
}

/**
 * Stripe's idempotency, as the simulator plays it: the first answer for a key (per caller) is given
 * again for a retry with the same parameters (with `Idempotent-Replayed: true`), a reuse with other
 * parameters is Stripe's 400 `idempotency_error`, and at most `maxKeys` keys are remembered.
 */
export class SimulatedIdempotency {
  private readonly answers = new Map<string, { params: string; answer: Promise<Remembered> }>();

  constructor(private readonly maxKeys = MAX_SIMULATED_IDEMPOTENCY_KEYS) {}

  async run(key: string, caller: readonly (string | undefined)[], params: unknown, compute: () => Promise<Response> | Response): Promise<Response> {
    const scoped = scopedIdempotencyKey('sim', caller, key);
    const fingerprint = JSON.stringify(params);
    const seen = this.answers.get(scoped);
    if (seen && seen.params !== fingerprint) return errorResponse(400, REUSED, 'idempotency_error');
    if (seen) return answer(await seen.answer, { 'Idempotent-Replayed': 'true' });
    const remembered = Promise.resolve()
      .then(compute)
      .then(async (response) => ({ status: response.status, text: await response.text() }));
    this.answers.set(scoped, { params: fingerprint, answer: remembered });
    while (this.answers.size > this.maxKeys) this.answers.delete(this.answers.keys().next().value!);
    try {
      return answer(await remembered);
    } catch (cause) {
      this.answers.delete(scoped);
      throw cause;
    }
  }
}

function answer({ status, text }: Remembered, headers: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers } });
}
