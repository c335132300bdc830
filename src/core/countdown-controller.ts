import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Clock } from './clock.js';

const MINUTE_MS = 60_000;
const SECOND_MS = 1_000;

/**
 * Milliseconds until `formatDuration(secondsLeft(…))` (token-state.ts) shows another value: each second in the last
 * minute; above it, when the rounded-up seconds drop below a whole minute.
 */
export function msUntilDisplayChanges(remainingMs: number): number {
  if (remainingMs <= MINUTE_MS) return remainingMs % SECOND_MS || SECOND_MS;
  return (remainingMs - (MINUTE_MS - SECOND_MS)) % MINUTE_MS || MINUTE_MS;
}

export interface CountdownOptions {
  clock: () => Clock;
  /** The moment (ms since the epoch) to count down to, or undefined for no countdown. */
  deadline: () => number | undefined;
  /**
   * Milliseconds from now to the next re-render, given the time left (default `msUntilDisplayChanges`,
   * for a shown countdown). A widget that only needs to re-render at the deadline passes its own.
   */
  nextRender?: (remainingMs: number) => number;
}

/** Longer waits are re-checked: `setTimeout` fires at once for delays past 2^31 − 1 ms (about 24.8 days). */
const MAX_TIMER_MS = 24 * 60 * 60 * 1000;

/**
 * Re-renders the host when the shown countdown changes (see `msUntilDisplayChanges`, or `nextRender`)
 * and once at the deadline. Runs only while the host is connected.
 */
export class CountdownController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: CountdownOptions;
  #handle: unknown;
  #scheduledFor: { deadline: number; clock: Clock } | undefined;
  #connected = false;

  constructor(host: ReactiveControllerHost, options: CountdownOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    // Time passed while away: show the current value, not the one from before.
    this.#host.requestUpdate();
    this.#schedule();
  }

  hostUpdated(): void {
    const deadline = this.#options.deadline();
    const clock = this.#options.clock();
    if (deadline !== this.#scheduledFor?.deadline || clock !== this.#scheduledFor?.clock) this.#schedule();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#stop();
  }

  #stop(): void {
    if (this.#scheduledFor) this.#scheduledFor.clock.clearTimeout(this.#handle);
    this.#handle = undefined;
    this.#scheduledFor = undefined;
  }

  #schedule(): void {
    this.#stop();
    const deadline = this.#options.deadline();
    if (!this.#connected || deadline === undefined) return;
    const clock = this.#options.clock();
    const remaining = deadline - clock.now();
    if (remaining <= 0) return;
    const delay = Math.min((this.#options.nextRender ?? msUntilDisplayChanges)(remaining), MAX_TIMER_MS);
    this.#scheduledFor = { deadline, clock };
    this.#handle = clock.setTimeout(() => {
      this.#scheduledFor = undefined;
      this.#host.requestUpdate();
      this.#schedule();
    }, delay);
  }
}
