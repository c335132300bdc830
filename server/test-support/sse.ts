import type { Backend } from '../app.js';

/** One server-sent event block as EventSource would parse it (comments kept apart). */
export interface SseFrame {
  id?: string;
  event?: string;
  data?: string;
  retry?: string;
  comment?: string;
}

/** Reads a `text/event-stream` body block by block; `next()` waits for the block a test expects. */
export class SseReader {
  readonly frames: SseFrame[] = [];
  ended = false;
  private waiters: (() => void)[] = [];

  constructor(response: Response) {
    void this.read(response.body!);
  }

  /** Frames carrying an event (data), in order. */
  get events(): SseFrame[] {
    return this.frames.filter((frame) => frame.data !== undefined);
  }

  /** Resolves with the first frame from `from` on that matches, failing after `timeoutMs`. */
  async next(match: (frame: SseFrame) => boolean, { from = 0, timeoutMs = 5_000 } = {}): Promise<SseFrame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.slice(from).find(match);
      if (found) return found;
      if (this.ended) throw new Error(`stream ended without the expected frame; got ${JSON.stringify(this.frames)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for a frame; got ${JSON.stringify(this.frames.slice(-5))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => (clearTimeout(timer), resolve()));
      });
    }
  }

  /** Waits until the server ends the stream (or errors it). */
  async end(timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.ended) {
      if (Date.now() > deadline) throw new Error('stream still open');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deadline - Date.now());
        this.waiters.push(() => (clearTimeout(timer), resolve()));
      });
    }
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let text = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
        let end;
        while ((end = text.indexOf('\n\n')) !== -1) {
          this.frames.push(parseBlock(text.slice(0, end)));
          text = text.slice(end + 2);
        }
        this.wake();
      }
    } catch {
      // errored by the server (a dropped client) or aborted by the test
    }
    this.ended = true;
    this.wake();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

function parseBlock(block: string): SseFrame {
  const frame: SseFrame = {};
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) {
      frame.comment = line.slice(1).trim();
      continue;
    }
    const colon = line.indexOf(':');
    const field = line.slice(0, colon);
    const value = line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id' || field === 'event' || field === 'retry') frame[field] = value;
    if (field === 'data') frame.data = frame.data === undefined ? value : `${frame.data}\n${value}`;
  }
  return frame;
}

/** Opens `GET /api/events` on a backend in-process; `close()` is the browser going away. */
export async function openStream(backend: Backend, init: { headers?: Record<string, string>; query?: string } = {}) {
  const controller = new AbortController();
  const response = await backend.handle(
    new Request(`http://test.local/api/events${init.query ?? ''}`, { headers: init.headers ?? {}, signal: controller.signal }),
  );
  return { response, stream: response.ok ? new SseReader(response) : undefined, close: () => controller.abort() };
}

/** The wire `data` of an event frame. */
export const dataOf = (frame: SseFrame) => JSON.parse(frame.data ?? 'null') as { type: string; id: string; object: string };
