import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isAbortError, toWidgetError, type WidgetError } from './errors.js';
import { emit, type SwkLoadObject } from './events.js';

export type ResourceStatus = 'idle' | 'loading' | 'ready' | 'error';

type Host = ReactiveControllerHost & HTMLElement;

export interface ResourceOptions<T> {
  /** The object reported in `swk-load` (default: the value itself). */
  loadObject?: (value: T) => unknown;
  /** False for a run whose value is not the widget's object (e.g. a payment a button made): no `swk-load`. */
  loadEvent?: boolean;
  /** Called after each successful run, before `swk-load` is fired. */
  onValue?: (value: T, previous: T | undefined) => void;
  /**
   * What a run cut short by the element leaving the page does when it returns: `rerun` (default, for
   * fetches) or `reset` to idle (for user-started flows that must not restart without a click).
   */
  onReturn?: 'rerun' | 'reset';
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

  /** Aborts the run in flight, if any, and returns to idle. */
  reset(): void {
    this.abort();
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
    emit(this.#host, 'swk-error', { error });
    this.#host.requestUpdate();
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
      this.abort();
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
      const value = await this.#task(controller.signal);
      if (controller.signal.aborted) return;
      const previous = this.value;
      this.value = value;
      this.status = 'ready';
      this.error = undefined;
      this.#options.onValue?.(value, previous);
      // The widget's own `SwkElement<L>` type says what its load object is; the controller only passes it on.
      const object = (this.#options.loadObject ? this.#options.loadObject(value) : value) as SwkLoadObject;
      if (this.#options.loadEvent !== false) emit(this.#host, 'swk-load', { object });
    } catch (cause) {
      if (controller.signal.aborted || isAbortError(cause)) return;
      this.error = toWidgetError(cause);
      // A failed refresh keeps what is on screen (status stays ready) and reports the error beside it.
      if (!keepValue) this.status = 'error';
      emit(this.#host, 'swk-error', { error: this.error });
    } finally {
      if (this.#controller === controller) {
        this.#controller = undefined;
        this.refreshing = false;
        this.#host.requestUpdate();
      }
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
