import { EventSource as FetchEventSource } from 'eventsource';

type FetchLike = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/**
 * An `EventSource` class whose streams are requests to `fetch` (the in-page simulator): the backend's real
 * `GET /events` route answers them, so widgets hear exactly what a server would send (its `retry`, ids,
 * `swk-refetch`, `Last-Event-ID` replay on reconnect). The WHATWG client is the `eventsource` package's;
 * relative URLs resolve against `baseUrl`.
 */
export function fetchEventSource(fetch: FetchLike, baseUrl: string): typeof EventSource {
  class SimulatorEventSource extends FetchEventSource {
    constructor(url: string | URL, init?: EventSourceInit) {
      super(new URL(String(url), baseUrl), { ...init, fetch: (input, requestInit) => fetch(input, requestInit) });
    }
  }
  return SimulatorEventSource as unknown as typeof EventSource;
}

/**
 * An `EventSource` class for `globalThis` that opens `owns(url)` streams with `Simulated` and every other
 * URL with `Native` (the browser's), so the page's own streams are left alone.
 */
export function routedEventSource(Simulated: typeof EventSource, Native: typeof EventSource | undefined, owns: (url: URL) => boolean, baseUrl: () => string): typeof EventSource {
  function RoutedEventSource(url: string | URL, init?: EventSourceInit): EventSource {
    if (owns(new URL(String(url), baseUrl()))) return new Simulated(url, init);
    if (!Native) throw new TypeError('EventSource is not available here');
    return new Native(url, init);
  }
  return Object.assign(RoutedEventSource, { CONNECTING: 0, OPEN: 1, CLOSED: 2 }) as unknown as typeof EventSource;
}
