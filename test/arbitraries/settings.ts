import type fc from 'fast-check';

/** Generated objects per widget (and per server check). */
export const PROPERTY_RUNS = 500;

/**
 * To replay a failure, paste the `seed` and `path` it printed here (browser tests), or set
 * `SWK_PROPERTY_SEED` and `SWK_PROPERTY_PATH` (server tests).
 */
const REPLAY: { seed: number; path: string } | undefined = undefined;

function replay(): { seed: number; path: string } | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const seed = env?.SWK_PROPERTY_SEED;
  if (seed !== undefined && seed !== '') return { seed: Number(seed), path: env?.SWK_PROPERTY_PATH ?? '' };
  return REPLAY;
}

/** fast-check's run parameters: {@link PROPERTY_RUNS} runs, or one replayed run. */
export function propertyParameters(): fc.Parameters<unknown> {
  const replayed = replay();
  return replayed ? { seed: replayed.seed, ...(replayed.path && { path: replayed.path }), numRuns: PROPERTY_RUNS } : { numRuns: PROPERTY_RUNS };
}

/** One line that says how to replay a failed run, then what failed (the counterexample cut to 2 kB). */
export function describeFailure(details: fc.RunDetails<unknown>): string {
  const example = JSON.stringify(details.counterexample) ?? '';
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  return [
    `Property failed. Replay with seed ${details.seed}, path "${details.counterexamplePath}" (test/arbitraries/settings.ts).`,
    `Error: ${cause.slice(0, 2000)}`,
    `Counterexample: ${example.length > 2000 ? `${example.slice(0, 2000)}…` : example}`,
  ].join('\n');
}
