import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { resolveLocale, type Locale } from './i18n.js';

type Host = ReactiveControllerHost & HTMLElement;

const hosts = new Map<Host, LocaleController>();
let observer: MutationObserver | undefined;

function refreshAll(): void {
  for (const controller of hosts.values()) controller.refresh();
}

/**
 * Keeps `locale` in step with the nearest `lang` (own, ancestors', document's, browser's) and
 * re-renders the host when it changes. One MutationObserver serves every widget on the page.
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
    this.locale = resolveLocale(this.#host);
  }

  hostDisconnected(): void {
    hosts.delete(this.#host);
    if (hosts.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  }

  refresh(): void {
    const next = resolveLocale(this.#host);
    if (next !== this.locale) {
      this.locale = next;
      this.#host.requestUpdate();
    }
  }
}
