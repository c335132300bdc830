import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createIdempotencyKey } from '../core/backend-client.js';
import type { CapitalFinancingOffer } from '../schemas/capital-financing-offer.js';

/** Offers this page has asked to mark delivered (any card): each is sent once per page. */
const sentThisPage = new Set<string>();
/** One key per offer for the page's life, so a retry after a failure replays the same action. */
const keys = new Map<string, string>();
/** Every connected card's controller: the answer reaches each card that shows the offer. */
const connected = new Set<MarkDeliveredController>();

/** Share of the card (or of the viewport, for a card taller than it) that must be visible to count as seen. */
const SEEN_RATIO = 0.5;

export interface MarkDeliveredOptions {
  /** The offer on screen now, if any. */
  offer: () => CapitalFinancingOffer | undefined;
  /** False with `no-mark-delivered`, or without an endpoint. */
  enabled: () => boolean;
  /** `POST {endpoint}/{id}/mark_delivered` with the key; resolves to Stripe's updated offer. */
  send: (offer: CapitalFinancingOffer, idempotencyKey: string) => Promise<CapitalFinancingOffer>;
  /** The answer, for the card to show (and announce). */
  delivered: (offer: CapitalFinancingOffer) => void;
}

function seen(entry: IntersectionObserverEntry): boolean {
  if (!entry.isIntersecting) return false;
  const viewport = entry.rootBounds?.height ?? 0;
  return entry.intersectionRatio >= SEEN_RATIO || (viewport > 0 && entry.intersectionRect.height >= viewport * SEEN_RATIO);
}

/**
 * Seed 000's delivery step, done by the card: once an `undelivered` offer is on screen (half of the card
 * visible), the offer has reached the user, so the card asks the backend to mark it delivered. Once per
 * offer per page, whichever card shows it (the answer reaches every card showing the offer), with an
 * Idempotency-Key kept for the page. A failure is
 * quiet (the offer is still shown as it is) and tried again, with the same key, the next time the card
 * loads the offer or comes back on screen. Without IntersectionObserver nothing is sent: there is no
 * proof the user saw the offer.
 */
export class MarkDeliveredController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: MarkDeliveredOptions;
  #observer: IntersectionObserver | undefined;
  #onScreen = false;
  /** The offer whose last attempt failed: not retried until a new load or a new appearance on screen. */
  #failedFor: string | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, options: MarkDeliveredOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** A new load of the offer: a failed attempt may be tried again. */
  reloaded(): void {
    this.#failedFor = undefined;
  }

  hostConnected(): void {
    connected.add(this);
    if (typeof IntersectionObserver === 'undefined') return;
    this.#observer = new IntersectionObserver(
      (entries) => {
        const visible = entries.some(seen);
        if (visible && !this.#onScreen) this.#failedFor = undefined;
        this.#onScreen = visible;
        this.#maybeSend();
      },
      { threshold: [0, SEEN_RATIO, 1] },
    );
    this.#observer.observe(this.#host);
  }

  hostDisconnected(): void {
    connected.delete(this);
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#onScreen = false;
  }

  hostUpdated(): void {
    this.#maybeSend();
  }

  #maybeSend(): void {
    const offer = this.#options.offer();
    if (!offer || offer.status !== 'undelivered' || !this.#onScreen || !this.#options.enabled()) return;
    if (sentThisPage.has(offer.id) || this.#failedFor === offer.id) return;
    sentThisPage.add(offer.id);
    let key = keys.get(offer.id);
    if (!key) keys.set(offer.id, (key = createIdempotencyKey()));
    this.#options.send(offer, key).then(
      (answer) => {
        for (const controller of connected) if (controller.#options.offer()?.id === answer.id) controller.#options.delivered(answer);
      },
      () => {
        // Not delivered: another load or appearance may try again, with the same key.
        sentThisPage.delete(offer.id);
        this.#failedFor = offer.id;
      },
    );
  }
}
