import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement;

export interface OnScreenOptions {
  /** Whether being on screen matters now (re-read after each update): the host is observed only then. */
  watching: () => boolean;
  /** Called after each update and each change the observer reports, with whether the host is on screen. */
  check: (onScreen: boolean) => void;
  /** Called when the host comes on screen (it was not, or was not watched). */
  appeared?: () => void;
}

/** On screen: half of the widget in view, or, for a widget taller than the viewport, half of the viewport. */
function isOnScreen(entry: IntersectionObserverEntry | undefined): boolean {
  const viewport = entry?.rootBounds?.height ?? innerHeight;
  return !!entry?.isIntersecting && (entry.intersectionRatio >= 0.5 || entry.intersectionRect.height >= viewport / 2);
}

/**
 * Whether the host is on screen, for what a widget does once a user could see an object (report
 * `offer_viewed`, mark a Capital offer delivered). Observes only while connected and `watching()`;
 * without IntersectionObserver the host is never on screen (there is no proof anyone saw it).
 */
export class OnScreenController implements ReactiveController {
  /** As the observer last reported; false while not watching. */
  #onScreen = false;
  readonly #host: Host;
  readonly #options: OnScreenOptions;
  #observer: IntersectionObserver | undefined;

  constructor(host: Host, options: OnScreenOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.hostUpdated();
  }

  hostUpdated(): void {
    if (!this.#host.isConnected || !this.#options.watching() || typeof IntersectionObserver === 'undefined') return this.hostDisconnected();
    this.#observer ??= this.#observe();
    this.#options.check(this.#onScreen);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#onScreen = false;
  }

  #observe(): IntersectionObserver {
    const observer = new IntersectionObserver((entries) => {
      const was = this.#onScreen;
      this.#onScreen = isOnScreen(entries.at(-1));
      if (this.#onScreen && !was) this.#options.appeared?.();
      this.#options.check(this.#onScreen);
    }, { threshold: [0, 0.25, 0.5, 1] });
    observer.observe(this.#host);
    return observer;
  }
}
