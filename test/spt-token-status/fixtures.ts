import { fixture, html } from '@open-wc/testing';
import '../../src/spt-token-status/define.js';
import type { SptTokenStatus } from '../../src/spt-token-status/define.js';
import { fakeBackend, shadowText, until, type FakeAnswer, type RecordedCall } from '../helpers.js';
import { FakeClock } from '../fake-clock.js';

/** 2025-07-03 00:00:00 UTC, in ms. */
export const T0 = Date.UTC(2025, 6, 3, 0, 0, 0);
export const T0_SECONDS = T0 / 1000;
export const ENDPOINT = '/api/shared_payment/granted_tokens';

export function grantedToken(overrides: Record<string, unknown> = {}) {
  return {
    id: 'spt_123',
    object: 'shared_payment.granted_token',
    created: T0_SECONDS - 600,
    livemode: false,
    deactivated_at: null,
    deactivated_reason: null,
    usage_limits: { currency: 'usd', max_amount: 10000, expires_at: T0_SECONDS + 3 * 3600 - 60 },
    // Field names and shapes as in Stripe's published object (API reference, granted token retrieve).
    usage_details: { amount_captured: { value: 0, currency: 'usd' } },
    agent_details: { network_business_profile: 'profile_test_61U92KWAstyE3VYhXA6U91t01FSQ3ByrZzKJOCR0y5ey' },
    payment_method_details: { type: 'card', card: { brand: 'visa', last4: '4242' } },
    ...overrides,
  };
}

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

/** The polite live region's current text. */
export function liveText(el: Element): string {
  return el.shadowRoot?.querySelector('[role="status"]')?.textContent?.trim() ?? '';
}

export function partText(el: Element, name: string): string {
  return (el.shadowRoot?.querySelector(`[part~="${name}"]`)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
