import type { SwkEventDetail } from '../src/core/analytics.js';
import { configure } from '../src/core/config.js';

/**
 * Records every analytics event twice over, as a site would hear them: the `swk-event`s bubbling to
 * the document, and `configure({ onEvent })`. `stop()` removes both.
 */
export function recordSwkEvents() {
  const dom: SwkEventDetail[] = [];
  const callback: SwkEventDetail[] = [];
  const listener = (event: CustomEvent<SwkEventDetail>) => dom.push(event.detail);
  document.addEventListener('swk-event', listener);
  configure({ onEvent: (event) => callback.push(event) });
  return {
    dom,
    callback,
    /** `name` of each event the document heard, in order. */
    names: () => dom.map((event) => event.name),
    stop() {
      document.removeEventListener('swk-event', listener);
      configure({ onEvent: undefined });
    },
  };
}

const EVENT_KEYS = new Set(['name', 'tag', 'at', 'objectId', 'status', 'errorKind']);
/** Statuses a widget reports of its own accord (spt-token-status's `token_expired`). */
const OWN_STATUSES = new Set(['expired']);

/** Every string in `value`, at any depth, under one of `keys`. */
function stringsAt(value: unknown, keys: ReadonlySet<string>, key = '', found = new Set<string>()): Set<string> {
  if (typeof value === 'string' && keys.has(key)) found.add(value);
  else if (Array.isArray(value)) for (const item of value) stringsAt(item, keys, key, found);
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) stringsAt(v, keys, k, found);
  return found;
}

/**
 * Throws when an analytics event about `objects` carries more than the vocabulary allows: a key
 * outside it, anything like a secret or a URL, an object id that is not one of the objects' ids, or
 * a status that is neither one of their statuses nor one the widget reports itself. So no name,
 * email, amount, balance, last4 or account number of the objects can leave.
 */
export function assertNoPrivateData(events: readonly SwkEventDetail[], objects: unknown): void {
  const ids = stringsAt(objects, new Set(['id', 'replacement', 'replacement_for']));
  const statuses = stringsAt(objects, new Set(['status']));
  for (const event of events) {
    const extra = Object.keys(event).filter((key) => !EVENT_KEYS.has(key));
    if (extra.length) throw new Error(`swk-event with unexpected keys ${extra.join(', ')}: ${JSON.stringify(event)}`);
    for (const value of [event.objectId, event.status]) {
      if (value !== undefined && /secret|:\/\/|@|\s/i.test(value)) throw new Error(`swk-event carries ${JSON.stringify(value)}: ${JSON.stringify(event)}`);
    }
    if (event.objectId !== undefined && !ids.has(event.objectId)) throw new Error(`swk-event names an id the object does not have: ${JSON.stringify(event)}`);
    if (event.status !== undefined && !statuses.has(event.status) && !OWN_STATUSES.has(event.status)) {
      throw new Error(`swk-event carries a status the object does not have: ${JSON.stringify(event)}`);
    }
  }
}
