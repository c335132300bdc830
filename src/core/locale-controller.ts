import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onConfigure } from './config.js';
import { resolveLocale, type Locale } from './i18n.js';

/** The host, with its own site catalogs (`messages`) when it has any. */
type Host = ReactiveControllerHost & HTMLElement & { messages?: Readonly<Record<string, object>> | undefined };

const hosts = new Map<Host, LocaleController>();
let observer: MutationObserver | undefined;

function refreshAll(): void {
  for (const controller of hosts.values()) controller.refresh();
}

// `configure()` may add catalogs (a locale), an appearance or an event hook: every widget renders again.
onConfigure(() => {
  for (const [host, controller] of hosts) {
    controller.refresh();
    host.requestUpdate();
  }
});

/**
 * Keeps `locale` in step with the nearest `lang` (own, ancestors', document's, browser's) and the
 * site's catalogs, and re-renders the host when it changes. One MutationObserver serves every widget.
 */
export class LocaleController implements ReactiveController {
  locale: Locale = 'en';
  readonly #host: Host;

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    hosts.set(this.#host, this);
    observer ??= new MutationObserver(refreshAll);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    // Hosts inside another shadow root are outside the document subtree: watch them directly.
    observer.observe(this.#host, { attributes: true, attributeFilter: ['lang'] });
    this.locale = this.#resolve();
  }

  /** Re-reads the locale without asking for an update: the host calls it before each update, as its own `messages` may have changed. */
  sync(): void {
    this.locale = this.#resolve();
  }

  hostDisconnected(): void {
    hosts.delete(this.#host);
    if (hosts.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  }

  refresh(): void {
    const next = this.#resolve();
    if (next !== this.locale) {
      this.locale = next;
      this.#host.requestUpdate();
    }
  }

  #resolve(): Locale {
    return resolveLocale(this.#host, this.#host.messages);
  }
}
