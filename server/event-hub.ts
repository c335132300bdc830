/** What `GET /events` sends for each verified webhook: ids and types only, never whole objects. */
export interface PublishedEvent {
  type: string;
  id: string;
  object: string;
}

type Subscriber = (event: PublishedEvent) => void;

/** Fans verified webhook events out to every open `GET /events` stream. */
export class EventHub {
  private readonly subscribers = new Set<Subscriber>();

  get size(): number {
    return this.subscribers.size;
  }

  publish(event: PublishedEvent): void {
    for (const subscriber of [...this.subscribers]) subscriber(event);
  }

  subscribe(subscriber: Subscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  /** A `text/event-stream` response that lives until the client goes away. */
  streamResponse(request: Request, heartbeatMs = 15_000): Response {
    const encoder = new TextEncoder();
    let cleanup = () => {};
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        const send = (text: string) => {
          try {
            controller.enqueue(encoder.encode(text));
          } catch {
            cleanup();
          }
        };
        send(': connected\n\n');
        const unsubscribe = this.subscribe((event) => send(`data: ${JSON.stringify(event)}\n\n`));
        const heartbeat = setInterval(() => send(': ping\n\n'), heartbeatMs);
        heartbeat.unref?.();
        cleanup = () => {
          clearInterval(heartbeat);
          unsubscribe();
          try {
            controller.close();
          } catch {
            // already closed
          }
        };
        request.signal.addEventListener('abort', () => cleanup(), { once: true });
      },
      cancel: () => cleanup(),
    });
    return new Response(body, {
      headers: {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      },
    });
  }
}
