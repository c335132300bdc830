import type { Clock } from './clock.js';
import { getConfig } from './config.js';
import type { WidgetErrorKind } from './errors.js';
import { emit } from './events.js';

/**
 * Every name an `swk-event` can carry. `token_charged`, `offer_delivered` and `order_created` belong
 * to flows that are being added (a token's charge, Capital's mark delivered, the climate order form).
 */
export type SwkEventName =
  | 'loaded'
  | 'error'
  | 'retried'
  | 'link_started'
  | 'linked'
  | 'link_empty'
  | 'link_canceled'
  | 'offer_viewed'
  | 'offer_replaced'
  | 'offer_action'
  | 'order_cancel_opened'
  | 'order_canceled'
  | 'token_expired'
  | 'capture_settled'
  | 'token_charged'
  | 'offer_delivered'
  | 'order_created';

/**
 * One analytics event: what happened, in which widget, when (the widget's clock, ms since the
 * epoch), and at most the id and status of the Stripe object. Never a secret, a URL or personal data.
 */
export interface SwkEventDetail {
  readonly name: SwkEventName;
  /** The widget's tag, e.g. `climate-order-status`. */
  readonly tag: string;
  readonly at: number;
  /** The Stripe object's id (`climorder_…`, `fcsess_…`), when there is one. */
  readonly objectId?: string;
  /** The Stripe object's status, when it has one. */
  readonly status?: string;
  /** For `error`: what kind of failure the widget shows. */
  readonly errorKind?: WidgetErrorKind;
}

/** What an event may say about an object: only its `id` and `status` are read. */
export interface EventSubject {
  readonly id?: unknown;
  readonly status?: unknown;
}

/** A Stripe object id (`prefix_rest`) and an enum value as Stripe writes them (`requires_capture`). */
const OBJECT_ID = /^[a-z][a-z0-9]*_[A-Za-z0-9_]{1,200}$/;
const STATUS = /^[a-z][a-z0-9_]{0,63}$/;
/** What looks like a client secret or an API key is never reported, whatever field it came in. */
const SECRET = /secret|^(sk|pk|rk|ek|whsec)_/i;
const word = (value: unknown, pattern: RegExp): value is string => typeof value === 'string' && pattern.test(value) && !SECRET.test(value);

/**
 * Reports one analytics event: an `swk-event` on `host` (bubbling, composed) and the site's
 * `configure({ onEvent })`, in that order. A failing `onEvent` is reported, never thrown at the widget.
 */
export function track(host: HTMLElement & { clock?: Clock }, name: SwkEventName, subject?: EventSubject | null, errorKind?: WidgetErrorKind): void {
  const { id, status } = subject ?? {};
  const detail: SwkEventDetail = Object.freeze({
    name,
    tag: host.localName,
    at: (host.clock ?? Date).now(),
    ...(word(id, OBJECT_ID) && { objectId: id }),
    ...(word(status, STATUS) && { status }),
    ...(errorKind && { errorKind }),
  });
  emit(host, 'swk-event', detail);
  try {
    getConfig().onEvent?.(detail);
  } catch (cause) {
    globalThis.reportError?.(cause);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** Any widget's analytics event. */
    'swk-event': CustomEvent<SwkEventDetail>;
  }
}
