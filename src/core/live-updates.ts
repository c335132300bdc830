import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { systemClock, type Clock } from './clock.js';
import type { LiveEvent } from './event-streams.js';
import { subscribeEvents } from './event-streams-loader.js';

export type { LiveEvent } from './event-streams.js';

/** Why a widget is asked to refetch: a matching event, its own poll, or a stream that was down. */
export type UpdateCause = LiveEvent | 'poll' | 'resync';

type Host = ReactiveControllerHost & HTMLElement;

export interface LiveUpdateOptions {
  /** The `events-url` to listen to, or empty for none. Read on every update. */
  eventsUrl: () => string | undefined | null;
  /** Milliseconds until the next poll, or null for no polling. Read after each poll. */
  pollDelay: () => number | null;
  /** Whether a stream event concerns this widget (usually: its id is one of the ids shown). */
  matches: (event: LiveEvent) => boolean;
  /**
   * Refetch: for a matching event, for each poll, and (`resync`) after the stream reopened, when the
   * server asks, and at the backoff's pace while the stream is down and the widget does not poll.
   */
  onUpdate: (cause: UpdateCause) => void;
  /** Time and timers (default: the system clock). Read on every update. */
  clock?: () => Clock;
}

/**
 * Live updates for one widget: a server-sent-events subscription (`events-url`, shared per URL, see
 * `event-streams.ts`, loaded on demand by `event-streams-loader.ts`) and/or polling (`refresh-interval`), paused while the page is hidden and stopped
 * when the element leaves.
 */
export class LiveUpdateController implements ReactiveController {
  readonly #options: LiveUpdateOptions;
  #subscribed: { url: string; clock: Clock } | undefined;
  #unsubscribe: (() => void) | undefined;
  #timer: { handle: unknown; clock: Clock } | undefined;
  /** A refetch held back while the page is hidden, made when it is shown again. */
  #due: 'poll' | 'resync' | undefined;
  #connected = false;

  constructor(host: Host, options: LiveUpdateOptions) {
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    document.addEventListener('visibilitychange', this.#onVisibility);
    this.#sync();
    this.#schedule();
  }

  hostUpdated(): void {
    this.#sync();
    if (this.#timer && (this.#timer.clock !== this.#clock() || this.#pollDelay() === null)) this.#stopPolling();
    if (!this.#due) this.#schedule();
  }

  hostDisconnected(): void {
    this.#connected = false;
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#subscribed = undefined;
    this.#stopPolling();
  }

  /** Restarts the polling clock, e.g. after the widget refetched for another reason. */
  reschedule(): void {
    this.#stopPolling();
    this.#schedule();
  }

  /** The widget's own polling delay, or null when it does not poll. */
  #pollDelay(): number | null {
    const delay = this.#options.pollDelay();
    return delay !== null && delay > 0 ? delay : null;
  }

  #clock(): Clock {
    return this.#options.clock?.() ?? systemClock;
  }

  #stopPolling(): void {
    if (this.#timer) this.#timer.clock.clearTimeout(this.#timer.handle);
    this.#timer = undefined;
    this.#due = undefined;
  }

  #sync(): void {
    const url = this.#options.eventsUrl() || '';
    const clock = this.#clock();
    if (this.#subscribed ? url === this.#subscribed.url && clock === this.#subscribed.clock : !url) return;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#subscribed = undefined;
    if (!url || typeof EventSource === 'undefined') return;
    const subscribed = { url, clock };
    this.#subscribed = subscribed;
    const subscriber = {
      event: (event: LiveEvent) => {
        if (this.#options.matches(event)) this.#options.onUpdate(event);
      },
      resync: () => this.#options.onUpdate('resync'),
      down: () => {
        if (this.#pollDelay() === null) this.#pollWhenVisible('resync');
      },
    };
    // The stream code could not be loaded: the next update asks again.
    const failed = () => void (this.#subscribed === subscribed && (this.#subscribed = undefined));
    this.#unsubscribe = subscribeEvents(url, clock, subscriber, failed);
  }

  #schedule(): void {
    const delay = this.#pollDelay();
    if (!this.#connected || this.#timer || delay === null) return;
    const clock = this.#clock();
    const timer = { handle: undefined as unknown, clock };
    this.#timer = timer;
    timer.handle = clock.setTimeout(() => {
      if (this.#timer !== timer) return;
      this.#timer = undefined;
      this.#pollWhenVisible('poll');
      if (!this.#due) this.#schedule();
    }, delay);
  }

  #pollWhenVisible(cause: 'poll' | 'resync'): void {
    if (document.visibilityState === 'hidden') this.#due ??= cause;
    else this.#options.onUpdate(cause);
  }

  readonly #onVisibility = (): void => {
    const due = this.#due;
    if (document.visibilityState === 'hidden' || !due) return;
    this.#due = undefined;
    this.#options.onUpdate(due);
    this.#schedule();
  };
}

/** What a widget's live updates read from the element: `SwkElement`'s attributes and clock. */
export interface LiveHost extends Host {
  eventsUrl: string;
  refreshInterval: number;
  clock: Clock;
}

export interface FollowOptions {
  /** Whether a stream event concerns the widget. */
  matches: (event: LiveEvent) => boolean;
  /** Milliseconds until the next poll, or null for none (default: from `refresh-interval`). */
  pollDelay?: () => number | null;
  /** Called before each refetch of the widget's own polling (not for events or resyncs). */
  onPoll?: () => void;
}

/**
 * The one way a widget follows its object: `events-url`, `refresh-interval` and the element's `clock`
 * wired into a LiveUpdateController whose every trigger refreshes `resource` (keeping the value on
 * screen) and restarts the polling clock. When the object changes the widget runs the resource and
 * calls `reschedule()`.
 */
export function followResource(host: LiveHost, resource: { refresh(): Promise<void> }, options: FollowOptions): LiveUpdateController {
  const live: LiveUpdateController = new LiveUpdateController(host, {
    eventsUrl: () => host.eventsUrl,
    pollDelay: options.pollDelay ?? (() => (host.refreshInterval > 0 ? host.refreshInterval * 1000 : null)),
    matches: options.matches,
    clock: () => host.clock,
    onUpdate: (cause) => {
      if (cause === 'poll') options.onPoll?.();
      void resource.refresh();
      live.reschedule();
    },
  });
  return live;
}
