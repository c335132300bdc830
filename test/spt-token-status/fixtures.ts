import { fixture, html } from '@open-wc/testing';
import '../../src/spt-token-status/define.js';
import type { SptTokenStatus } from '../../src/spt-token-status/define.js';
import { fakeBackend, shadowText, until, type FakeAnswer, type RecordedCall } from '../helpers.js';
import { FakeClock } from '../../src/testing/fake-clock.js';
import type { SharedPaymentGrantedToken } from '../../src/schemas/shared-payment-granted-token.js';
import { sharedPaymentGrantedToken } from '../../src/testing/builders/shared-payment.js';

/** 2025-07-03 00:00:00 UTC, in ms. */
export const T0 = Date.UTC(2025, 6, 3, 0, 0, 0);
export const T0_SECONDS = T0 / 1000;
export const ENDPOINT = '/api/shared_payment/granted_tokens';

/** The test kit's token: active, granted ten minutes before T0, expiring 3 hours after it less a minute. */
export const grantedToken = (overrides: Record<string, unknown> = {}) => sharedPaymentGrantedToken(overrides as Partial<SharedPaymentGrantedToken>);

export interface MountOptions {
  lang?: string;
  clock?: FakeClock;
  tokenId?: string;
  timeout?: number;
  refreshInterval?: number;
  eventsUrl?: string;
}

/** Mounts `<spt-token-status>` against a fake backend and a fake clock at T0. */
export async function mountToken(answer: (call: RecordedCall) => FakeAnswer | Promise<FakeAnswer>, options: MountOptions = {}) {
  const backend = fakeBackend(answer);
  const clock = options.clock ?? new FakeClock(T0);
  const el = await fixture<SptTokenStatus>(html`<spt-token-status
    lang=${options.lang ?? 'en'}
    endpoint=${ENDPOINT}
    token-id=${options.tokenId ?? 'spt_123'}
    timeout=${options.timeout ?? 15}
    refresh-interval=${options.refreshInterval ?? 0}
    events-url=${options.eventsUrl ?? ''}
    .fetcher=${backend.fetcher}
    .clock=${clock}
  ></spt-token-status>`);
  return { el, calls: backend.calls, clock };
}

export async function untilText(el: Element, text: string): Promise<void> {
  await until(() => shadowText(el).includes(text), `"${text}" in ${el.localName}: ${shadowText(el)}`);
}

export { liveText } from '../helpers.js';

export function partText(el: Element, name: string): string {
  return (el.shadowRoot?.querySelector(`[part~="${name}"]`)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
