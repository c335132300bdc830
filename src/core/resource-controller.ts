import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { track, type EventSubject } from './analytics.js';
import type { Clock } from './clock.js';
import { isAbortError, toWidgetError, WidgetRequestError, type WidgetError } from './errors.js';
import { emit, type SwkLoadObject } from './events.js';
import { settled, untilReady } from './settle.js';

export type ResourceStatus = 'idle' | 'loading' | 'ready' | 'error';

type Host = ReactiveControllerHost & HTMLElement & { clock?: Clock };

export interface ResourceOptions<T> {
  /** The object reported in `swk-load` (default: the value itself). */
  loadObject?: (value: T) => unknown;
  /** Called after each successful run, before `swk-load` is fired. */
  onValue?: (value: T, previous: T | undefined) => void;
  /**
   * Whether this run's value fires `swk-load` (default: every successful run does). `() => false` for a
   * run whose value is not the widget's object (e.g. a payment a button made).
   */
  firesLoad?: (value: T) => boolean;
  /**
   * What a run cut short by the element leaving the page does when it returns: `rerun` (default, for
   * fetches) or `reset` to idle (for user-started flows that must not restart without a click).
   */
  onReturn?: 'rerun' | 'reset';
  /**
   * Whether a run that succeeds reports the `loaded` analytics event (default true). User-started
   * flows say false and report their own outcome (`linked`, `order_canceled`).
   */
  tracksLoaded?: boolean;
  /** Called when a run in flight is abandoned: the element left the page, or `reset()`. */
  onCancel?: () => void;
}

/**
 * Async state for one widget, after `@lit/task`: only the latest run may render; each run gets an
 * `AbortSignal`, aborted when a newer run starts or the element leaves the page (a run cut short by
 * leaving starts again on return). Fires `swk-load` on success and `swk-error` on failure.
 */
export class ResourceController<T> implements ReactiveController {
  status: ResourceStatus = 'idle';
  value: T | undefined;
  error: WidgetError | undefined;
  /** True while a refresh runs with the last value still shown. `error` with status `ready`: the last refresh failed. */
  refreshing = false;

  readonly #host: Host;
  readonly #task: (signal: AbortSignal) => Promise<T>;
  readonly #options: ResourceOptions<T>;
  #controller: AbortController | undefined;
  #cutByDisconnect = false;
  /** Set once a `config` error has outlived the settling time: later ones are shown at once. */
  #settled = false;

  constructor(host: Host, task: (signal: AbortSignal) => Promise<T>, options: ResourceOptions<T> = {}) {
    this.#host = host;
    this.#task = task;
    this.#options = options;
    host.addController(this);
  }

  /** Starts over: shows the loading state, then the result. */
  run(): Promise<void> {
    return this.#start(false);
  }

  /** Reloads while keeping the current value on screen; falls back to `run()` when there is none. */
  refresh(): Promise<void> {
    return this.#start(this.status === 'ready');
  }

  /** The user's Retry: reports `retried`, then refreshes (keeping a value on screen) or runs again. */
  retry(): Promise<void> {
    track(this.#host, 'retried');
    return this.#start(this.status === 'ready');
  }

  /** Aborts the run in flight, if any, and returns to idle. */
  reset(): void {
    this.#cancel();
    this.status = 'idle';
    this.value = undefined;
    this.error = undefined;
    this.refreshing = false;
    this.#host.requestUpdate();
  }

  /**
   * Ends in the error state with `error` (e.g. kind `render`: the value came but could not be shown)
   * and fires `swk-error`; Retry (`run()`) fetches again.
   */
  fail(error: WidgetError): void {
    this.abort();
    this.status = 'error';
    this.error = error;
    this.#reportError(error);
    this.#host.requestUpdate();
  }

  #reportError(error: WidgetError): void {
    emit(this.#host, 'swk-error', { error });
    track(this.#host, 'error', null, error.kind);
  }

  #cancel(): void {
    const running = this.#controller;
    this.abort();
    if (running) this.#options.onCancel?.();
  }

  abort(): void {
    this.#controller?.abort();
    this.#controller = undefined;
    this.refreshing = false;
  }

  hostConnected(): void {
    if (this.#cutByDisconnect) {
      this.#cutByDisconnect = false;
      if (this.#options.onReturn === 'reset') this.reset();
      else void this.#start(this.status === 'ready');
    }
  }

  hostDisconnected(): void {
    if (this.#controller) {
      this.#cutByDisconnect = true;
      this.#cancel();
    }
  }

  async #start(keepValue: boolean): Promise<void> {
    this.abort();
    const controller = new AbortController();
    this.#controller = controller;
    if (keepValue) {
      this.refreshing = true;
    } else {
      this.status = 'loading';
      this.error = undefined;
    }
    this.#host.requestUpdate();
    try {
      const ready = untilReady(this.#host, controller.signal);
      if (ready) await ready;
      const value = await this.#runTask(controller.signal);
      if (controller.signal.aborted) return;
      const previous = this.value;
      this.value = value;
      this.status = 'ready';
      this.error = undefined;
      this.#options.onValue?.(value, previous);
      if (this.#options.firesLoad?.(value) === false) return;
      // The widget's own `SwkElement<L>` type says what its load object is; the controller only passes it on.
      const object = (this.#options.loadObject ? this.#options.loadObject(value) : value) as SwkLoadObject;
      emit(this.#host, 'swk-load', { object });
      if (!keepValue && this.#options.tracksLoaded !== false) track(this.#host, 'loaded', object as EventSubject | null);
    } catch (cause) {
      if (controller.signal.aborted || isAbortError(cause)) return;
      this.error = toWidgetError(cause);
      // A failed refresh keeps what is on screen (status stays ready) and reports the error beside it.
      if (!keepValue) this.status = 'error';
      this.#reportError(this.error);
    } finally {
      if (this.#controller === controller) {
        this.#controller = undefined;
        this.refreshing = false;
        this.#host.requestUpdate();
      }
    }
  }

  /**
   * The task; its first `config` error (a missing endpoint or id) waits until the element has settled
   * and asks once more, so a framework that sets properties after connecting (hydration) never shows
   * an error state or fires `swk-error` in between. Setting the property starts a new run meanwhile.
   */
  async #runTask(signal: AbortSignal): Promise<T> {
    try {
      return await this.#task(signal);
    } catch (cause) {
      if (this.#settled || !(cause instanceof WidgetRequestError) || cause.error.kind !== 'config') throw cause;
      await settled(this.#host.clock, signal);
      this.#settled = true;
      return this.#task(signal);
    }
  }

  /** Picks the template for the current state. */
  render<R>(views: { idle?: () => R; loading: () => R; ready: (value: T) => R; error: (error: WidgetError) => R }): R | undefined {
    switch (this.status) {
      case 'idle':
        return views.idle?.();
      case 'loading':
        return views.loading();
      case 'ready':
        return views.ready(this.value as T);
      case 'error':
        return views.error(this.error!);
    }
  }
}
