import { errorResponse, json } from '../http.js';

/** What one idempotent POST answered, and what it was asked (its object and parameters). */
interface RecordedAnswer {
  fingerprint: string;
  status: number;
  body: unknown;
}

/** The most answers kept: past it the oldest are forgotten (a retry days later is a new request). */
export const MAX_ANSWERS = 1_000;

/** A JSON response as `answer`'s `act` returns it, to be replayed. */
export async function recorded(response: Response): Promise<{ status: number; body: unknown }> {
  return { status: response.status, body: await response.json() };
}

/**
 * The simulator's memory of idempotent POSTs, by the (already caller-scoped) Idempotency-Key, as Stripe
 * keeps it: a retry gets the first answer again (`Idempotent-Replayed: true`), the key sent with other
 * parameters or for another object is an `idempotency_error`, and so is a second request while the
 * first runs (409). Bounded, oldest first.
 */
export class IdempotentReplays {
  readonly #answers = new Map<string, RecordedAnswer>();
  readonly #inFlight = new Set<string>();

  /**
   * Runs `act` once per key; `fingerprint` names what was asked (the object's id and the parameters).
   * A refusal `act` returns is replayed too, as Stripe replays an error it answered.
   */
  async answer(key: string, fingerprint: string, act: () => Promise<{ status: number; body: unknown }>): Promise<Response> {
    const replay = this.#answers.get(key);
    if (replay && replay.fingerprint !== fingerprint) {
      return errorResponse(400, 'Keys for idempotent requests can only be used with the same parameters they were first used with.', 'idempotency_error');
    }
    if (replay) return json(replay.body, replay.status, { 'Idempotent-Replayed': 'true' });
    if (this.#inFlight.has(key)) {
      return errorResponse(409, 'There is currently another in-progress request using this Idempotent Key.', 'idempotency_error');
    }
    this.#inFlight.add(key);
    try {
      const answered = await act();
      this.#answers.set(key, { fingerprint, ...answered });
      while (this.#answers.size > MAX_ANSWERS) this.#answers.delete(this.#answers.keys().next().value!);
      return json(answered.body, answered.status);
    } finally {
      this.#inFlight.delete(key);
    }
  }
}
