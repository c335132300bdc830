import type { ReactiveControllerHost } from 'lit';
import { track, type EventSubject, type SwkEventName } from './analytics.js';
import { OnScreenController } from './on-screen-controller.js';

/**
 * Reports `name` (e.g. `offer_viewed`) once per object id, the first time the widget is on screen
 * while it shows that object. Observes only while such an object is shown and the host is connected.
 */
export class ViewedController {
  readonly #reported = new Set<unknown>();

  constructor(host: ReactiveControllerHost & HTMLElement, name: SwkEventName, subject: () => EventSubject | null | undefined) {
    const unreported = (shown: EventSubject | null | undefined): shown is EventSubject => !!shown?.id && !this.#reported.has(shown.id);
    new OnScreenController(host, {
      watching: () => unreported(subject()),
      check: (onScreen) => {
        const shown = subject();
        if (!onScreen || !unreported(shown)) return;
        this.#reported.add(shown.id);
        track(host, name, shown);
      },
    });
  }
}
