import type { LiveEvent } from '../../src/core/live-updates.js';

/**
 * Stands in for the browser's EventSource so a test can push `GET /events` messages; installed on
 * `globalThis` for the suite, restored after.
 */
export class FakeEventSource extends EventTarget {
  static readonly instances: FakeEventSource[] = [];
  readonly url: string;
  readonly withCredentials = false;
  readyState = 1;

  constructor(url: string | URL) {
    super();
    this.url = String(url);
    FakeEventSource.instances.push(this);
  }

  close(): void {
    this.readyState = 2;
  }

  /** Delivers one published event to every listener of this stream. */
  push(event: LiveEvent): void {
    this.dispatchEvent(new MessageEvent('message', { data: JSON.stringify(event) }));
  }

  static open(url: string): FakeEventSource {
    const source = [...FakeEventSource.instances].reverse().find((s) => s.url.endsWith(url) && s.readyState !== 2);
    if (!source) throw new Error(`No open event stream for ${url}`);
    return source;
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
