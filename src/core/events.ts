import type { WidgetError } from './errors.js';

/** Detail of `swk-load`: the Stripe object the widget just rendered. */
export interface SwkLoadDetail<T = unknown> {
  object: T;
}
/** Detail of `swk-error`: the error the widget now shows. */
export interface SwkErrorDetail {
  error: WidgetError;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'swk-load': CustomEvent<SwkLoadDetail>;
    'swk-error': CustomEvent<SwkErrorDetail>;
  }
}

type SwkEventName = Extract<keyof GlobalEventHandlersEventMap, `swk-${string}`>;
type DetailOf<K extends SwkEventName> = GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Dispatches a public `swk-…` event: `bubbles` and `composed`, with its data in `detail`, typed by
 * the event's entry in `GlobalEventHandlersEventMap` (each widget declares its own).
 */
export function emit<K extends SwkEventName>(target: EventTarget, name: K, detail: DetailOf<K>): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: false }));
}
