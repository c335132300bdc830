import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { track, type SwkEventDetail } from '../../src/core/analytics.js';
import { configure } from '../../src/core/config.js';
import { FakeClock } from '../../src/testing/fake-clock.js';
import { recordSwkEvents } from '../swk-events.js';

/** An element in a shadow root: the event must cross it to reach the document. */
class AnalyticsProbe extends LitElement {
  clock = new FakeClock(Date.UTC(2026, 0, 2, 3, 4, 5));
}
customElements.define('swk-analytics-probe', AnalyticsProbe);

async function probeInShadow(): Promise<AnalyticsProbe> {
  const host = await fixture(html`<div></div>`);
  const probe = document.createElement('swk-analytics-probe') as AnalyticsProbe;
  host.attachShadow({ mode: 'open' }).append(probe);
  return probe;
}

describe('analytics events (track)', () => {
  let events: ReturnType<typeof recordSwkEvents>;
  beforeEach(() => (events = recordSwkEvents()));
  afterEach(() => events.stop());

  it('reaches the document across shadow roots and onEvent with the same detail, timed by the element clock', async () => {
    const probe = await probeInShadow();
    track(probe, 'order_canceled', { id: 'climorder_123', status: 'canceled' });
    const expected: SwkEventDetail = { name: 'order_canceled', tag: 'swk-analytics-probe', at: Date.UTC(2026, 0, 2, 3, 4, 5), objectId: 'climorder_123', status: 'canceled' };
    expect(events.dom).to.deep.equal([expected]);
    expect(events.callback).to.deep.equal([expected]);
    expect(Object.isFrozen(events.dom[0]), 'one listener cannot change what the next one hears').to.equal(true);
  });

  it('keeps the order in which things happened', async () => {
    const probe = await probeInShadow();
    track(probe, 'link_started');
    track(probe, 'error', null, 'network');
    track(probe, 'retried');
    track(probe, 'linked', { id: 'fcsess_1' });
    expect(events.names()).to.deep.equal(['link_started', 'error', 'retried', 'linked']);
    expect(events.callback.map((e) => e.name)).to.deep.equal(['link_started', 'error', 'retried', 'linked']);
    expect(events.dom[1]).to.include({ errorKind: 'network' });
  });

  it('never carries a secret, a key, a URL or free text as the object id or status', async () => {
    const probe = await probeInShadow();
    const unsafe = [
      'pi_3Nabc_secret_xyz',
      'fcsess_1Nabc_secret_9f8e',
      'seti_123_secret_456',
      'sk_live_51Habc',
      'pk_live_51Habc',
      'rk_test_123',
      'ek_test_123',
      'whsec_abc',
      'https://example.com/?client_secret=pi_1_secret_2',
      'jane.doe@example.com',
      'Jane Doe',
      '000123456789',
      '',
    ];
    for (const value of unsafe) track(probe, 'loaded', { id: value, status: value });
    track(probe, 'loaded', { id: 42, status: { nested: 'object' } });
    expect(events.dom).to.have.length(unsafe.length + 1);
    for (const detail of events.dom) expect(Object.keys(detail).sort()).to.deep.equal(['at', 'name', 'tag']);
  });

  it('a throwing onEvent is reported, and the widget and later events go on', async () => {
    const probe = await probeInShadow();
    const reported: unknown[] = [];
    const realReportError = globalThis.reportError;
    globalThis.reportError = (error: unknown) => reported.push(error);
    const heard: string[] = [];
    try {
      configure({
        onEvent: (event) => {
          heard.push(event.name);
          throw new Error('analytics vendor down');
        },
      });
      track(probe, 'offer_action', { id: 'financingoffer_1' });
      track(probe, 'offer_viewed', { id: 'financingoffer_1' });
    } finally {
      globalThis.reportError = realReportError;
    }
    expect(heard).to.deep.equal(['offer_action', 'offer_viewed']);
    expect(reported.map((e) => (e as Error).message)).to.deep.equal(['analytics vendor down', 'analytics vendor down']);
    expect(events.names()).to.deep.equal(['offer_action', 'offer_viewed']);
  });
});
