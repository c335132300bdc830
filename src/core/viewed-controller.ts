import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { track, type EventSubject, type SwkEventName } from './analytics.js';

type Host = ReactiveControllerHost & HTMLElement;

/** On screen: half of the widget in view, or, for a widget taller than the viewport, half of the viewport. */
function onScreen(entry: IntersectionObserverEntry | undefined): boolean {
  const viewport = entry?.rootBounds?.height ?? innerHeight;
  return !!entry?.isIntersecting && (entry.intersectionRatio >= 0.5 || entry.intersectionRect.height >= viewport / 2);
}

/**
 * Reports `name` (e.g. `offer_viewed`) once per object id, the first time the widget is on screen
 * while it shows that object. Observes only while such an object is shown and the host is connected.
 */
export class ViewedController implements ReactiveController {
  readonly #host: Host;
  readonly #name: SwkEventName;
  readonly #subject: () => EventSubject | null | undefined;
  readonly #reported = new Set<unknown>();
  #observer: IntersectionObserver | undefined;

  constructor(host: Host, name: SwkEventName, subject: () => EventSubject | null | undefined) {
    this.#host = host;
    this.#name = name;
    this.#subject = subject;
    host.addController(this);
  }

  hostConnected(): void {
    this.hostUpdated();
  }

  hostUpdated(): void {
    const subject = this.#subject();
    if (!subject?.id || this.#reported.has(subject.id) || !this.#host.isConnected) return this.hostDisconnected();
    this.#observer ??= new IntersectionObserver((entries) => {
      const shown = this.#subject();
      if (!shown?.id || this.#reported.has(shown.id) || !onScreen(entries.at(-1))) return;
      this.#reported.add(shown.id);
      this.hostDisconnected();
      track(this.#host, this.#name, shown);
    }, { threshold: [0, 0.25, 0.5, 1] });
    this.#observer.observe(this.#host);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }
}
