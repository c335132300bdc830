import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { Clock } from '../../src/core/clock.js';
import { LiveUpdateController } from '../../src/core/live-updates.js';
import { FakeClock } from '../../src/testing/fake-clock.js';
import { FakeEventSource, useFakeEventSource } from '../fake-event-source.js';

/** A minimal widget: writes down why it was asked to refetch (`event obj_1`, `poll`, `resync`). */
class LiveProbe extends LitElement {
  static override properties = { url: {}, delay: { type: Number }, clock: { attribute: false } };
  url = '';
  delay = 0;
  clock: Clock = new FakeClock(0);
  updates: string[] = [];
  readonly live = new LiveUpdateController(this, {
    eventsUrl: () => this.url,
    pollDelay: () => (this.delay > 0 ? this.delay : null),
    matches: (event) => event.id === 'obj_1',
    onUpdate: (cause) => this.updates.push(typeof cause === 'string' ? cause : `event ${cause.id}`),
    clock: () => this.clock,
  });
}
customElements.define('swk-live-probe', LiveProbe);

let urlCount = 0;
const freshUrl = () => `/api/events?controller=${(urlCount += 1)}`;

/** Pretends the page is hidden until the returned function shows it again. */
function hidePage(): () => void {
  let state: DocumentVisibilityState = 'hidden';
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  return () => {
    state = 'visible';
    delete (document as unknown as { visibilityState?: unknown }).visibilityState;
    document.dispatchEvent(new Event('visibilitychange'));
  };
}

describe('LiveUpdateController', () => {
  useFakeEventSource();

  async function probe(options: { url?: string; delay?: number; clock?: FakeClock } = {}) {
    const clock = options.clock ?? new FakeClock(0);
    const el = await fixture<LiveProbe>(html`<swk-live-probe .url=${options.url ?? ''} .delay=${options.delay ?? 0} .clock=${clock}></swk-live-probe>`);
    return { el, clock };
  }

  it('refetches on a stream event naming its object, ignores others, and shares one stream per URL', async () => {
    const url = freshUrl();
    const clock = new FakeClock(0);
    const wrapper = await fixture(html`<div>
      <swk-live-probe .url=${url} .clock=${clock}></swk-live-probe><swk-live-probe .url=${url} .clock=${clock}></swk-live-probe>
    </div>`);
    const [a, b] = [...wrapper.querySelectorAll<LiveProbe>('swk-live-probe')];
    await a!.updateComplete;
    await FakeEventSource.opened(url);
    expect(FakeEventSource.for(url)).to.have.length(1);
    const source = FakeEventSource.for(url)[0]!;
    source.connect();
    source.push({ type: 'climate.order.delivered', id: 'obj_2', object: 'climate.order' });
    source.push({ type: 'climate.order.delivered', id: 'obj_1', object: 'climate.order' });
    expect(a!.updates).to.deep.equal(['event obj_1']);
    expect(b!.updates).to.deep.equal(['event obj_1']);
    a!.remove();
    expect(source.readyState).to.equal(1);
    b!.remove();
    expect(source.readyState).to.equal(2);
  });

  it('stops polling when polling is turned off (refresh-interval 0): the poll already scheduled is dropped', async () => {
    const { el, clock } = await probe({ delay: 20_000 });
    clock.tick(10_000);
    el.delay = 0;
    await el.updateComplete;
    expect(clock.pending).to.equal(0);
    clock.tick(100_000);
    expect(el.updates).to.deep.equal([]);
  });

  it('polls at the given delay and stops when the element leaves', async () => {
    const { el, clock } = await probe({ delay: 20_000 });
    clock.tick(19_999);
    expect(el.updates).to.deep.equal([]);
    clock.tick(1);
    expect(el.updates).to.deep.equal(['poll']);
    clock.tick(20_000);
    expect(el.updates).to.deep.equal(['poll', 'poll']);
    el.remove();
    expect(clock.pending).to.equal(0);
    clock.tick(100_000);
    expect(el.updates).to.deep.equal(['poll', 'poll']);
  });

  it('pauses polling while the page is hidden and catches up once when it is shown', async () => {
    const show = hidePage();
    try {
      const { el, clock } = await probe({ delay: 15_000 });
      clock.tick(60_000);
      expect(el.updates).to.deep.equal([]);
      show();
      expect(el.updates).to.deep.equal(['poll']);
      clock.tick(15_000);
      expect(el.updates).to.deep.equal(['poll', 'poll']);
    } finally {
      show();
    }
  });

  it('refetches once after each reopen, never on the first open, and on swk-refetch', async () => {
    const url = freshUrl();
    const { el, clock } = await probe({ url });
    const first = FakeEventSource.for(url)[0]!;
    first.connect();
    expect(el.updates).to.deep.equal([]);
    first.drop();
    first.connect();
    expect(el.updates).to.deep.equal(['resync']);
    first.fail();
    clock.tick(1000);
    const second = FakeEventSource.for(url)[1]!;
    second.connect();
    // One refetch at the backoff tick (the stream was down), one for the reopen.
    expect(el.updates).to.deep.equal(['resync', 'resync', 'resync']);
    second.refetch();
    expect(el.updates).to.deep.equal(['resync', 'resync', 'resync', 'resync']);
  });

  it('without its own polling, polls at the backoff pace while the stream is down and stops once it is open', async () => {
    const url = freshUrl();
    const { el, clock } = await probe({ url });
    const source = FakeEventSource.for(url)[0]!;
    source.connect();
    source.drop();
    clock.tick(749);
    expect(el.updates, 'no poll before three quarters of the first second').to.deep.equal([]);
    clock.tick(251);
    expect(el.updates).to.deep.equal(['resync']);
    clock.tick(2000);
    expect(el.updates).to.deep.equal(['resync', 'resync']);
    clock.tick(4000);
    expect(el.updates).to.deep.equal(['resync', 'resync', 'resync']);
    source.connect();
    expect(el.updates, 'one refetch for the reopen').to.deep.equal(['resync', 'resync', 'resync', 'resync']);
    clock.tick(600_000);
    expect(el.updates).to.deep.equal(['resync', 'resync', 'resync', 'resync']);
  });

  it('with its own polling, adds nothing while the stream is down but still refetches on the reopen', async () => {
    const url = freshUrl();
    const { el, clock } = await probe({ url, delay: 60_000 });
    const source = FakeEventSource.for(url)[0]!;
    source.connect();
    source.drop();
    clock.tick(30_000);
    expect(el.updates).to.deep.equal([]);
    source.connect();
    expect(el.updates).to.deep.equal(['resync']);
  });

  it('holds back the polls of a down stream while the page is hidden, and makes one when shown', async () => {
    const url = freshUrl();
    const { el, clock } = await probe({ url });
    const source = FakeEventSource.for(url)[0]!;
    source.connect();
    const show = hidePage();
    try {
      source.drop();
      clock.tick(60_000);
      expect(el.updates).to.deep.equal([]);
      show();
      expect(el.updates).to.deep.equal(['resync']);
    } finally {
      show();
    }
  });
});
