import fc from 'fast-check';
import type { SwkEventDetail } from '../src/core/analytics.js';
import type { SwkErrorDetail } from '../src/core/events.js';
import { describeFailure, propertyParameters } from './arbitraries/settings.js';
import { expectNoBrokenText, shadowText, until } from './helpers.js';
import { assertNoPrivateData } from './swk-events.js';

/** How long one object may take to load and render before the run counts as stuck. */
const STUCK_MS = 5000;

type Widget = HTMLElement & { updateComplete: Promise<boolean> };
export type Lang = 'en' | 'ja';

/** Resolves on the element's next `swk-load`; rejects on `swk-error`, or when neither comes in time. */
function nextLoad(element: Widget): { loaded: Promise<void>; stop: () => void } {
  let stop = () => {};
  const loaded = new Promise<void>((resolve, reject) => {
    const onLoad = () => (stop(), resolve());
    const onError = (event: CustomEvent<SwkErrorDetail>) => (stop(), reject(new Error(`swk-error instead of swk-load: ${JSON.stringify(event.detail.error)}`)));
    const timer = setTimeout(() => (stop(), reject(new Error(`no swk-load within ${STUCK_MS} ms: ${shadowText(element).slice(0, 300)}`))), STUCK_MS);
    stop = () => {
      clearTimeout(timer);
      element.removeEventListener('swk-load', onLoad);
      element.removeEventListener('swk-error', onError);
    };
    element.addEventListener('swk-load', onLoad);
    element.addEventListener('swk-error', onError);
  });
  return { loaded, stop };
}

/**
 * Shows every generated object in one mounted widget, in English and Japanese: `show` makes the fake
 * backend (or fake Stripe.js) answer with it and starts a load (and returns what else the backend
 * serves). Each must fire `swk-load`, render with no `swk-error` (a render that throws reports one),
 * print none of the words no widget may print, and report analytics events that carry none of the
 * object's data but its ids and status; then `check` compares what is shown with what the test works
 * out from the object itself (an amount, a date or a state: see arbitraries/expected.ts). A failure
 * names the seed and path that replay it. Returns how many objects ran, and how long.
 */
export async function expectEveryObjectRenders<T>(
  element: Widget,
  objects: fc.Arbitrary<T>,
  show: (object: T) => unknown[] | void,
  check: (object: T, lang: Lang) => void,
): Promise<{ runs: number; seconds: number }> {
  // The mount's own first load (of a fixed object) finishes before the generated ones start.
  await until(() => !element.shadowRoot?.querySelector('[aria-busy="true"]'), `${element.localName} to finish its first load`);
  // Two frames: what the browser reports about that first object at its next rendering (offer_viewed) is in.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const renderErrors: SwkErrorDetail[] = [];
  const onError = (event: CustomEvent<SwkErrorDetail>) => renderErrors.push(event.detail);
  element.addEventListener('swk-error', onError);
  const events: SwkEventDetail[] = [];
  /** Every object shown so far: an event may come a frame after the next object was asked for (offer_viewed). */
  const shown: unknown[] = [];
  const onEvent = (event: CustomEvent<SwkEventDetail>) => events.push(event.detail);
  element.addEventListener('swk-event', onEvent);
  let runs = 0;
  const started = performance.now();
  try {
    const property = fc.asyncProperty(objects, fc.constantFrom<Lang>('en', 'ja'), async (object, lang) => {
      runs += 1;
      renderErrors.length = 0;
      events.length = 0;
      element.lang = lang;
      const { loaded, stop } = nextLoad(element);
      try {
        // `show` returns any other object the fake backend serves for this one (a replacement).
        shown.push(object, ...(show(object) ?? []));
        await loaded;
      } finally {
        stop();
      }
      await element.updateComplete;
      if (renderErrors.length > 0) throw new Error(`swk-error after swk-load: ${JSON.stringify(renderErrors[0]!.error)}`);
      if (shadowText(element) === '') throw new Error('rendered nothing');
      expectNoBrokenText(element);
      if (events.length === 0) throw new Error('no swk-event for this object');
      assertNoPrivateData(events, shown);
      check(object, lang);
    });
    const details = await fc.check(property, propertyParameters());
    if (details.failed) throw new Error(describeFailure(details));
  } finally {
    element.removeEventListener('swk-error', onError);
    element.removeEventListener('swk-event', onEvent);
  }
  return { runs, seconds: Math.round(performance.now() - started) / 1000 };
}
