/**
 * Resolves once `done()` holds, checked every 10 ms; rejects after `timeoutMs` with `what` in the
 * message. For waiting on a state the server reaches by itself (a slot freed, a socket closed), never
 * for proving that nothing happened.
 */
export async function until(done: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await done()) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
