import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the backend's `GET /events` stream sends: never whole objects, never secrets. */
export interface LiveEvent {
  type: string;
  id: string;
  object: string;
}

type Listener = (event: LiveEvent) => void;

interface Stream {
  source: EventSource;
  listeners: Set<Listener>;
}

const streams = new Map<string, Stream>();

function parseLiveEvent(data: unknown): LiveEvent | undefined {
  if (typeof data !== 'string') return undefined;
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value !== 'object' || value === null) return undefined;
    const { type, id, object } = value as Record<string, unknown>;
    if (typeof type !== 'string' || typeof id !== 'string') return undefined;
    return { type, id, object: typeof object === 'string' ? object : '' };
  } catch {
    return undefined;
  }
}

/** One EventSource per URL, shared by every widget that listens to it. */
export function subscribeToEvents(url: string, listener: Listener): () => void {
  let stream = streams.get(url);
  if (!stream) {
    const source = new EventSource(url, { withCredentials: false });
    const created: Stream = { source, listeners: new Set() };
    source.addEventListener('message', (message) => {
      const event = parseLiveEvent(message.data);
      if (event) for (const l of [...created.listeners]) l(event);
    });
    streams.set(url, created);
    stream = created;
  }
  stream.listeners.add(listener);
  const owned = stream;
  return () => {
    owned.listeners.delete(listener);
    if (owned.listeners.size === 0) {
      owned.source.close();
      if (streams.get(url) === owned) streams.delete(url);
    }
  };
}

type Host = ReactiveControllerHost & HTMLElement;

export interface LiveUpdateOptions {
  /** The `events-url` to listen to, or empty for none. Read on every update. */
  eventsUrl: () => string | undefined | null;
  /** Milliseconds until the next poll, or null for no polling. Read after each poll. */
  pollDelay: () => number | null;
  /** Whether a stream event concerns this widget (usually: its id is one of the ids shown). */
  matches: (event: LiveEvent) => boolean;
  /** Refetch. Called for a matching event and for each poll. */
  onUpdate: (event?: LiveEvent) => void;
}

/**
 * Live updates for one widget: a server-sent-events subscription (`events-url`) and/or polling
 * (`refresh-interval`), paused while the page is hidden and stopped when the element leaves.
 */
export class LiveUpdateController implements ReactiveController {
  readonly #options: LiveUpdateOptions;
  #subscribedUrl: string | undefined;
  #unsubscribe: (() => void) | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pollDue = false;
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
    if (this.#timer === undefined && !this.#pollDue) this.#schedule();
  }

  hostDisconnected(): void {
    this.#connected = false;
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#subscribedUrl = undefined;
    this.#stopPolling();
  }

  /** Restarts the polling clock, e.g. after the widget refetched for another reason. */
  reschedule(): void {
    this.#stopPolling();
    this.#schedule();
  }

  #stopPolling(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pollDue = false;
  }

  #sync(): void {
    const url = this.#options.eventsUrl() || undefined;
    if (url === this.#subscribedUrl) return;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#subscribedUrl = url;
    if (url && typeof EventSource !== 'undefined') {
      this.#unsubscribe = subscribeToEvents(url, (event) => {
        if (this.#options.matches(event)) this.#options.onUpdate(event);
      });
    }
  }

  #schedule(): void {
    if (!this.#connected || this.#timer !== undefined) return;
    const delay = this.#options.pollDelay();
    if (delay === null || !(delay > 0)) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (document.visibilityState === 'hidden') {
        this.#pollDue = true;
        return;
      }
      this.#options.onUpdate();
      this.#schedule();
    }, delay);
  }

  readonly #onVisibility = (): void => {
    if (document.visibilityState !== 'hidden' && this.#pollDue) {
      this.#pollDue = false;
      this.#options.onUpdate();
      this.#schedule();
    }
  };
}
