import type { Appearance } from '@stripe/stripe-js';
import { html, LitElement, ReactiveElement, render, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { SiteMessages } from '../messages.js';
import { track } from './analytics.js';
import { adoptAppearance, appearanceOf, loadAppearance } from './appearance.js';
import { DEFAULT_TIMEOUT_MS, requestJson, type RequestOptions } from './backend-client.js';
import { systemClock, type Clock } from './clock.js';
import type { Fetcher } from './config.js';
import { loadCatalogs, loadSiteMessages, messagesFor, withOwnCatalogs, type Catalog, type Locale } from './i18n.js';
import { LocaleController } from './locale-controller.js';
import { coreMessages, type CoreMessages } from './messages.js';
import type { ResourceController } from './resource-controller.js';
import { baseStyles } from './styles.js';
import { renderError, renderLoading, renderRefreshFailed } from './templates.js';
import type { WidgetError } from './errors.js';
import { emit, type SwkElementEventMap } from './events.js';
import { eventStreamsReady } from './event-streams-loader.js';

/** A render that threw: reported as kind `render` with the exception's message (for developers). */
function renderFailure(cause: unknown): WidgetError {
  return { kind: 'render', message: cause instanceof Error ? `${cause.name}: ${cause.message}` : 'Render failed' };
}

/**
 * A widget's own `addEventListener('swk-load', …)` gets its own object type `L` (declared beside the
 * class, merged into it).
 */
export interface SwkElement<L = unknown> {
  addEventListener<K extends keyof SwkElementEventMap<L>>(
    type: K,
    listener: (this: this, event: SwkElementEventMap<L>[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof SwkElementEventMap<L>>(
    type: K,
    listener: (this: this, event: SwkElementEventMap<L>[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/**
 * Base class of every widget: backend attributes, locale, fetch with timeout, guarded registration.
 * Not registered itself.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-unused-vars -- L only types the listeners of the interface above
export abstract class SwkElement<L = unknown> extends LitElement {
  static override styles = [...baseStyles];

  /** The widget's message catalogs; their Japanese halves load before a Japanese render. */
  static catalogs: readonly Catalog<unknown>[] = [];

  /** Registers `tag` once; a second bundle on the same page (or a second call) is a no-op. */
  static define(tag: string): void {
    // A site's catalog holds each widget's texts under its tag.
    for (const catalog of this.catalogs) catalog.name ??= tag;
    if (typeof customElements === 'undefined' || customElements.get(tag)) return;
    customElements.define(tag, this as unknown as CustomElementConstructor);
  }

  // Declared here rather than with decorators: lit's decorator code is 0.4 kB of every bundle.
  static override properties: PropertyDeclarations = {
    endpoint: {},
    timeout: { type: Number },
    eventsUrl: { attribute: 'events-url' },
    refreshInterval: { type: Number, attribute: 'refresh-interval' },
    fetcher: { attribute: false },
    clock: { attribute: false },
    appearance: { attribute: false },
    messages: { attribute: false },
  };

  /** The site's backend endpoint for this widget. */
  endpoint = '';

  #timeout = DEFAULT_TIMEOUT_MS / 1000;
  #refreshInterval = 0;

  /** Seconds to wait for the backend before showing a timeout error. */
  get timeout(): number {
    return this.#timeout;
  }
  // Frameworks (React 19, Vue, Svelte) set `timeout="10"` as the property, a string: read it as HTML would.
  set timeout(seconds: number | string) {
    this.#timeout = Number(seconds);
  }

  /** URL of the backend's server-sent-events stream; matching events refetch. */
  eventsUrl = '';

  /** Seconds between refetches (0: no polling). Paused while the page is hidden. */
  get refreshInterval(): number {
    return this.#refreshInterval;
  }
  set refreshInterval(seconds: number | string) {
    this.#refreshInterval = Number(seconds);
  }

  /** A `fetch`-compatible function for this element only (e.g. to add auth headers). */
  fetcher: Fetcher | undefined;

  /** Time and timers: countdowns, deadlines, polling and reconnect backoff. Tests pass a fake clock. */
  clock: Clock = systemClock;

  /** Stripe's Appearance object (`theme`, `variables`, `rules`) for this element; `configure({ appearance })` sets one for every widget. */
  appearance: Appearance | undefined;

  /** The site's own catalogs by language tag (`{ fr: {...} }`) for this element; `configure({ messages })` sets them for every widget. */
  messages: SiteMessages | undefined;

  readonly #localeController = new LocaleController(this);

  /** The appearance whose stylesheet this element adopted last (see `update`). */
  #appearance: Appearance | undefined;

  /** The resolved locale (`en`, `ja` or a key of the site's catalogs) for the nearest `lang`: own, ancestors', document's, browser's. */
  get locale(): Locale {
    return this.#localeController.locale;
  }

  protected get coreText(): CoreMessages {
    return messagesFor(coreMessages, this.locale);
  }

  /** The catalog's texts in this element's locale. */
  protected text<M>(catalog: Catalog<M>): M {
    // A catalog not listed in `catalogs` renders in English once, then again when Japanese arrives.
    loadCatalogs([catalog as Catalog<unknown>], this.locale)?.then(() => this.requestUpdate());
    return messagesFor(catalog, this.locale);
  }

  /** The element's own `messages` are in reach of every text it renders during the update. */
  protected override performUpdate(): void {
    withOwnCatalogs(this.messages, () => super.performUpdate());
  }

  /**
   * Holds a render until the locale's catalogs are loaded, so Japanese pages never flash English; on
   * a page with site catalogs, first until their overlay has loaded, which the locale depends on.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const siteMessages = loadSiteMessages(this.messages);
    if (siteMessages) return siteMessages.then(() => this.scheduleUpdate());
    this.#localeController.sync();
    const catalogs = [coreMessages as Catalog<unknown>, ...(this.constructor as typeof SwkElement).catalogs];
    // The appearance's stylesheet too, when the page uses one: no flash of the default look. And the
    // stream code for an events-url, so that the element listens before it asks (event-streams-loader.ts).
    const loading = [loadCatalogs(catalogs, this.locale), loadAppearance(appearanceOf(this)), eventStreamsReady(this.eventsUrl)].filter(Boolean);
    return loading.length ? Promise.all(loading).then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /**
   * The shared states of one resource: loading (with `loadingLabel`), the error with Retry (none for a
   * configuration error, which only new attributes can fix), and `ready` — with a "could not update"
   * notice and Retry above the last good value when a refresh (poll or live event) failed.
   */
  protected renderResource<T>(
    resource: ResourceController<T>,
    ready: (value: T) => unknown,
    options: { loadingLabel?: string; errorTitle?: (error: WidgetError) => string | undefined } = {},
  ): unknown {
    const loading = () => renderLoading(this.locale, options.loadingLabel);
    const error = (error: WidgetError) =>
      renderError(error, this.locale, error.kind === 'config' ? undefined : () => void resource.retry(), {
        ...(options.errorTitle?.(error) !== undefined && { title: options.errorTitle(error)! }),
      });
    return resource.render({
      idle: loading,
      loading,
      error,
      ready: (value) => {
        let view: unknown;
        try {
          view = ready(value);
        } catch (cause) {
          // A value that made the view throw ends in the error state with Retry, never a stuck spinner.
          resource.fail(renderFailure(cause));
          return error(resource.error!);
        }
        return resource.error ? html`${renderRefreshFailed(resource.error, this.locale, () => void resource.retry())}${view}` : view;
      },
    });
  }

  /**
   * Whether this update shows another object, so the widget loads it anew: the first update, or a new
   * `endpoint`, `fetcher` or one of the widget's `keys` (its id attribute and what else selects the object).
   */
  protected objectChanged(changed: PropertyValues, ...keys: (keyof this & string)[]): boolean {
    return !this.hasUpdated || changed.has('endpoint') || changed.has('fetcher') || keys.some((key) => changed.has(key));
  }

  /**
   * The last guard for a render that throws outside `renderResource` (or while committing): the
   * error state with Retry (which renders again) and `swk-error` of kind `render`.
   */
  protected override update(changed: PropertyValues): void {
    this.#appearance = adoptAppearance(this, this.#appearance);
    try {
      super.update(changed);
    } catch (cause) {
      // LitElement.update threw before ReactiveElement.update marked this update done; without that
      // the element would never update again. Running it twice (a throw while committing) is harmless.
      ReactiveElement.prototype['update'].call(this, changed);
      const error = renderFailure(cause);
      const retry = () => (track(this, 'retried'), this.requestUpdate());
      render(renderError(error, this.locale, retry), this.renderRoot, this.renderOptions);
      emit(this, 'swk-error', { error });
      track(this, 'error', null, error.kind);
    }
  }

  /** `requestJson` with this element's fetcher and timeout. */
  protected fetchJson<T>(options: RequestOptions<T>): Promise<T> {
    const seconds = Number.isFinite(this.timeout) && this.timeout > 0 ? this.timeout : DEFAULT_TIMEOUT_MS / 1000;
    return requestJson({ timeoutMs: seconds * 1000, ...options, fetcher: options.fetcher ?? this.fetcher });
  }
}
