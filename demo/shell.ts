/** A widget's part of the demo page: a heading, its widgets and the simulator controls. */
export interface DemoSection {
  id: string;
  title: string;
  render(container: HTMLElement, context: DemoContext): void | Promise<void>;
}

export interface DemoContext {
  mode: 'stripe' | 'simulator';
  /** POSTs to a simulator control route (`/api/simulator/…`) and returns its JSON. */
  control(path: string, body?: unknown): Promise<unknown>;
  /** Appends a line to the section's event log. */
  log(section: string, line: string): void;
}

const API = '/api';

type FetchLike = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** Where the page's backend is: the dev server's (`npm run demo`), or the simulator in the page (`npm run demo:static`). */
export interface ShellOptions {
  /** Answers `/api/…` (default: the network). */
  fetch?: FetchLike;
  /** How the mode line describes the simulator. */
  simulatorLabel?: string;
}

function controlThrough(send: FetchLike) {
  return async (path: string, body?: unknown): Promise<unknown> => {
    const response = await send(`${API}/simulator/${path.replace(/^\//, '')}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    });
    if (!response.ok) throw new Error(`Simulator control ${path} failed: ${response.status}`);
    return response.json();
  };
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

export { el };

/**
 * A demo control that runs `action` once at a time. While it runs the button says so with
 * aria-disabled (not `disabled`, which would drop keyboard focus to the page) and ignores clicks.
 */
export function demoControl(label: string, action: () => Promise<unknown>, onError?: (cause: unknown) => void): HTMLButtonElement {
  const button = el('button', { type: 'button', className: 'demo-control' }, label);
  button.addEventListener('click', async () => {
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    try {
      await action();
    } catch (cause) {
      if (!onError) throw cause;
      onError(cause);
    } finally {
      button.removeAttribute('aria-disabled');
    }
  });
  return button;
}

export async function setupShell(sections: DemoSection[], options: ShellOptions = {}): Promise<void> {
  const send: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const langSelect = document.querySelector<HTMLSelectElement>('#lang-select')!;
  const themeSelect = document.querySelector<HTMLSelectElement>('#theme-select')!;
  const params = new URLSearchParams(location.search);
  const lang = params.get('lang') ?? 'en';
  langSelect.value = lang;
  document.documentElement.lang = lang;
  langSelect.addEventListener('change', () => {
    document.documentElement.lang = langSelect.value;
  });
  themeSelect.value = params.get('theme') ?? 'auto';
  const applyTheme = () => {
    if (themeSelect.value === 'auto') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = themeSelect.value;
  };
  applyTheme();
  themeSelect.addEventListener('change', applyTheme);

  let mode: DemoContext['mode'] = 'simulator';
  try {
    const response = await send(`${API}/mode`);
    mode = ((await response.json()) as { mode: DemoContext['mode'] }).mode;
  } catch {
    // backend unreachable: the widgets will show their own errors
  }
  document.querySelector('#mode-label')!.textContent =
    mode === 'simulator' ? (options.simulatorLabel ?? 'Mode: offline simulator (no Stripe keys, simulated data).') : 'Mode: Stripe (test keys).';

  const logs = new Map<string, HTMLElement>();
  const context: DemoContext = {
    mode,
    control: controlThrough(send),
    log(section, line) {
      const log = logs.get(section);
      if (log) log.textContent = `${new Date().toLocaleTimeString()} ${line}\n${log.textContent ?? ''}`;
    },
  };
  const main = document.querySelector<HTMLElement>('#widgets')!;
  for (const section of sections) {
    const container = el('section', { className: 'demo-section', id: section.id });
    container.setAttribute('aria-labelledby', `${section.id}-title`);
    container.append(el('h2', { id: `${section.id}-title` }, section.title));
    const body = el('div');
    const log = el('div', { className: 'demo-log' });
    log.setAttribute('role', 'log');
    log.setAttribute('aria-label', `${section.title} events`);
    log.tabIndex = 0;
    logs.set(section.id, log);
    container.append(body, el('h3', {}, 'Events'), log);
    main.append(container);
    await section.render(body, context);
  }
}
