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
  /**
   * What each widget reports as `swk-load`'s `detail.object`, by tag: each widget's `define.ts` adds
   * its entry (`'climate-order-status': ClimateOrder`).
   */
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
  interface SwkLoadObjectMap {}
  interface GlobalEventHandlersEventMap {
    /** Any widget's load: `detail.object` is one of the defined widgets' objects. */
    'swk-load': CustomEvent<SwkLoadDetail<SwkLoadObject>>;
    'swk-error': CustomEvent<SwkErrorDetail>;
  }
}

/** `swk-load`'s object of any widget defined so far (`unknown` before any is). */
export type SwkLoadObject = [keyof SwkLoadObjectMap] extends [never] ? unknown : SwkLoadObjectMap[keyof SwkLoadObjectMap];

/** One widget's `swk-load`: `SwkLoadEvent<'climate-order-status'>` carries a `ClimateOrder`. */
export type SwkLoadEvent<Tag extends keyof SwkLoadObjectMap> = CustomEvent<SwkLoadDetail<SwkLoadObjectMap[Tag]>>;

/** The events of a widget whose `swk-load` carries `L`: what its own `addEventListener` is typed with. */
export type SwkElementEventMap<L> = Omit<HTMLElementEventMap, 'swk-load'> & { 'swk-load': CustomEvent<SwkLoadDetail<L>> };

type SwkDomEventName = Extract<keyof GlobalEventHandlersEventMap, `swk-${string}`>;
type DetailOf<K extends SwkDomEventName> = GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Dispatches a public `swk-…` event: `bubbles` and `composed`, with its data in `detail`, typed by
 * the event's entry in `GlobalEventHandlersEventMap` (each widget declares its own).
 */
export function emit<K extends SwkDomEventName>(target: EventTarget, name: K, detail: DetailOf<K>): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: false }));
}
