import { signWebhookPayload } from '../webhook-signature.js';

export type StripeObject = { id: string; object: string } & Record<string, unknown>;

/** Objects visitors' requests may add to the simulator's memory (past it the oldest are forgotten). */
export const MAX_SIMULATED_OBJECTS = 5_000;

export interface SimulatorOptions {
  /** The secret the simulator signs its webhooks with; the webhook route verifies with the same. */
  webhookSecret: string;
  /** Delivers a signed webhook request through the real `POST /webhooks` path. */
  deliver: (request: Request) => Promise<Response>;
  /** Seconds since the epoch; injectable for tests. */
  now?: () => number;
}

/**
 * The simulator's in-memory store of Stripe-shaped objects. Widget modules seed it and add their
 * transitions; every transition sends the webhook Stripe would send, signed, through the real path.
 */
export class SimulatorStore {
  private readonly objects = new Map<string, StripeObject>();
  private readonly options: SimulatorOptions;
  private eventCount = 0;
  /** Objects put while the backend is built (the routes' seeds): never evicted. */
  private readonly seeds = new Set<string>();
  private seeding = true;

  constructor(options: SimulatorOptions) {
    this.options = options;
    // The routes seed the store synchronously while createBackend runs; anything later is a visitor's.
    queueMicrotask(() => (this.seeding = false));
  }

  /** Objects held: the seeds plus at most `MAX_SIMULATED_OBJECTS` made by visitors. */
  get size(): number {
    return this.objects.size;
  }

  now(): number {
    return this.options.now ? this.options.now() : Math.floor(Date.now() / 1000);
  }

  get<T extends StripeObject = StripeObject>(id: string): T | undefined {
    const value = this.objects.get(id);
    return value ? (structuredClone(value) as T) : undefined;
  }

  put<T extends StripeObject>(object: T): T {
    if (this.seeding) this.seeds.add(object.id);
    this.objects.set(object.id, structuredClone(object));
    this.evictOldest();
    return object;
  }

  /** Every demo request can add objects (tokens, payments, sessions): past the bound the oldest non-seed goes. */
  private evictOldest(): void {
    while (this.objects.size - this.seeds.size > MAX_SIMULATED_OBJECTS) {
      for (const id of this.objects.keys()) {
        if (this.seeds.has(id)) continue;
        this.objects.delete(id);
        break;
      }
    }
  }

  /** Applies `changes` to a stored object and returns `[updated, previous_attributes]`. */
  update<T extends StripeObject>(id: string, changes: Partial<T>): [T, Partial<T>] {
    const current = this.objects.get(id);
    if (!current) throw new Error(`No simulated object ${id}`);
    const previous: Record<string, unknown> = {};
    for (const key of Object.keys(changes)) previous[key] = current[key] ?? null;
    const updated = { ...current, ...changes } as T;
    this.objects.set(id, structuredClone(updated));
    return [structuredClone(updated), previous as Partial<T>];
  }

  list<T extends StripeObject = StripeObject>(predicate: (object: StripeObject) => boolean = () => true): T[] {
    return [...this.objects.values()].filter(predicate).map((o) => structuredClone(o) as T);
  }

  /**
   * Builds the event Stripe would send, signs it with the simulator's secret and posts it to the
   * webhook route. Returns the event and the route's response status.
   */
  async sendWebhook(type: string, object: StripeObject, previousAttributes?: Record<string, unknown>): Promise<{ event: Record<string, unknown>; status: number }> {
    this.eventCount += 1;
    const event = {
      id: `evt_sim_${Date.now().toString(36)}_${this.eventCount}`,
      object: 'event',
      api_version: '2025-10-29.clover',
      created: this.now(),
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
      data: { object, ...(previousAttributes && { previous_attributes: previousAttributes }) },
    };
    const payload = JSON.stringify(event);
    const header = await signWebhookPayload(payload, this.options.webhookSecret);
    const response = await this.options.deliver(
      new Request('http://simulator.local/webhooks', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Stripe-Signature': header },
        body: payload,
      }),
    );
    return { event, status: response.status };
  }
}
