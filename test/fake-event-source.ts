import type { LiveEvent } from '../src/core/live-updates.js';
import { until } from './helpers.js';

/**
 * Stands in for the browser's EventSource so a test can drive `GET /events`: push messages, open,
 * drop the connection (the browser then reconnects by itself) or fail it for good (CLOSED, as after
 * an HTTP 502). Installed on `globalThis` by `useFakeEventSource()`.
 */
export class FakeEventSource extends EventTarget {
  static readonly instances: FakeEventSource[] = [];
  readonly url: string;
  readonly withCredentials = false;
  /** 0 connecting, 1 open, 2 closed: the browser's values. */
  readyState = 0;

  constructor(url: string | URL) {
    super();
    this.url = String(url);
    FakeEventSource.instances.push(this);
  }

  close(): void {
    this.readyState = 2;
  }

  /** The connection is up (first open or a reconnect). */
  connect(): void {
    this.readyState = 1;
    this.dispatchEvent(new Event('open'));
  }

  /** The connection dropped; the browser will reconnect by itself. */
  drop(): void {
    this.readyState = 0;
    this.dispatchEvent(new Event('error'));
  }

  /** The browser gave up for good, as after a 502 or a wrong content type. */
  fail(): void {
    this.readyState = 2;
    this.dispatchEvent(new Event('error'));
  }

  /** Delivers one published event to every listener of this stream. */
  push(event: LiveEvent): void {
    this.dispatchEvent(new MessageEvent('message', { data: JSON.stringify(event) }));
  }

  /** The server's "refetch everything" signal. */
  refetch(): void {
    this.dispatchEvent(new MessageEvent('swk-refetch', { data: '{}' }));
  }

  /** The newest stream for `url` that is not closed. */
  static open(url: string): FakeEventSource {
    const source = [...FakeEventSource.instances].reverse().find((s) => s.url.endsWith(url) && s.readyState !== 2);
    if (!source) throw new Error(`No open event stream for ${url}`);
    return source;
  }

  /**
   * The newest stream for `url` once one is open: a widget's first subscription waits for the stream
   * code, which loads on demand (event-streams-loader.ts).
   */
  static async opened(url: string): Promise<FakeEventSource> {
    await until(() => FakeEventSource.instances.some((s) => s.url.endsWith(url) && s.readyState !== 2), `an event stream for ${url}`);
    return FakeEventSource.open(url);
  }

  /** The streams opened for `url`, oldest first. */
  static for(url: string): FakeEventSource[] {
    return FakeEventSource.instances.filter((s) => s.url === url);
  }
}

/** Installs the fake for the current `describe` block. */
export function useFakeEventSource(): void {
  let original: typeof EventSource | undefined;
  before(() => {
    original = globalThis.EventSource;
    globalThis.EventSource = FakeEventSource as unknown as typeof EventSource;
  });
  after(() => {
    if (original) globalThis.EventSource = original;
  });
}
