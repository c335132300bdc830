import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createIdempotencyKey } from '../core/backend-client.js';
import { OnScreenController } from '../core/on-screen-controller.js';
import type { CapitalFinancingOffer } from '../schemas/capital-financing-offer.js';

/** Offers this page has asked to mark delivered (any card): each is sent once per page. */
const sentThisPage = new Set<string>();
/** One key per offer for the page's life, so a retry after a failure replays the same action. */
const keys = new Map<string, string>();
/** Every connected card's controller: the answer reaches each card that shows the offer. */
const connected = new Set<MarkDeliveredController>();

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

/**
 * Seed 000's delivery step, done by the card: once an `undelivered` offer is on screen (half of the card
 * visible), the offer has reached the user, so the card asks the backend to mark it delivered. Once per
 * offer per page, whichever card shows it (the answer reaches every card showing the offer), with an
 * Idempotency-Key kept for the page. A failure is quiet (the offer is still shown as it is) and tried
 * again, with the same key, the next time the card loads the offer or comes back on screen. On screen
 * is the core's OnScreenController (without IntersectionObserver nothing is sent: there is no proof the
 * user saw the offer).
 */
export class MarkDeliveredController implements ReactiveController {
  readonly #options: MarkDeliveredOptions;
  #onScreen = false;
  /** The offer whose last attempt failed: not retried until a new load or a new appearance on screen. */
  #failedFor: string | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, options: MarkDeliveredOptions) {
    this.#options = options;
    host.addController(this);
    new OnScreenController(host, {
      watching: () => true,
      appeared: () => this.reloaded(),
      check: (onScreen) => {
        this.#onScreen = onScreen;
        this.#maybeSend();
      },
    });
  }

  /** A new load of the offer: a failed attempt may be tried again. */
  reloaded(): void {
    this.#failedFor = undefined;
  }

  hostConnected(): void {
    connected.add(this);
  }

  hostDisconnected(): void {
    connected.delete(this);
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
