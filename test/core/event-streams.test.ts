import { expect } from '@open-wc/testing';
import { backoffMs, EventStreams, type LiveEvent, type StreamSubscriber } from '../../src/core/event-streams.js';
import { FakeClock } from '../../src/testing/fake-clock.js';
import { FakeEventSource, useFakeEventSource } from '../fake-event-source.js';

/** A subscriber that writes down what it heard, in order. */
function recorder() {
  const heard: string[] = [];
  const subscriber: StreamSubscriber = {
    event: (event: LiveEvent) => heard.push(`event ${event.id}`),
    resync: () => heard.push('resync'),
    down: () => heard.push('down'),
  };
  return { heard, subscriber };
}

const ORDER_EVENT: LiveEvent = { type: 'climate.order.canceled', id: 'climorder_1', object: 'climate.order' };
let urlCount = 0;
const freshUrl = () => `/api/events?unit=${(urlCount += 1)}`;

describe('backoffMs', () => {
  it('waits 1 s doubling to 30 s without jitter, and never less than three quarters of that with it', () => {
    const none = () => 0;
    const most = () => 0.999_999;
    expect([0, 1, 2, 3, 4, 5, 6, 20].map((n) => backoffMs(n, none))).to.deep.equal([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect([0, 1, 5].map((n) => backoffMs(n, most))).to.deep.equal([750, 1500, 22500]);
    expect(backoffMs(2, () => 0.5)).to.equal(3500);
  });
});

describe('EventStreams', () => {
  useFakeEventSource();

  /** Streams on a fake clock whose jitter is `jitter` (0: none). */
  function setup(jitter = 0) {
    const clock = new FakeClock(0);
    const streams = new EventStreams(clock, () => jitter);
    return { clock, streams, url: freshUrl() };
  }

  /** Two subscribers on `url`, whose one stream has just opened. */
  function twoSubscribersOnOpenStream(streams: EventStreams, url: string) {
    const a = recorder();
    const b = recorder();
    const leaveA = streams.subscribe(url, a.subscriber);
    const leaveB = streams.subscribe(url, b.subscriber);
    const source = FakeEventSource.for(url)[0]!;
    source.connect();
    return { a, b, leaveA, leaveB, source };
  }

  it('shares one EventSource per URL and closes it when the last subscriber leaves', () => {
    const { clock, streams, url } = setup();
    const { a, b, leaveA, leaveB, source } = twoSubscribersOnOpenStream(streams, url);
    expect(FakeEventSource.for(url)).to.have.length(1);
    source.push(ORDER_EVENT);
    source.dispatchEvent(new MessageEvent('message', { data: 'not json' }));
    expect(a.heard).to.deep.equal(['event climorder_1']);
    expect(b.heard).to.deep.equal(['event climorder_1']);
    leaveA();
    expect(source.readyState).to.equal(1);
    leaveB();
    expect(source.readyState).to.equal(2);
    expect(clock.pending).to.equal(0);
  });

  it('does not resync on the first open, and resyncs each subscriber once after the browser reconnected', () => {
    const { streams, url } = setup();
    const { a, b, source } = twoSubscribersOnOpenStream(streams, url);
    expect(a.heard).to.deep.equal([]);
    source.drop();
    source.connect();
    expect(a.heard).to.deep.equal(['resync']);
    expect(b.heard).to.deep.equal(['resync']);
    expect(FakeEventSource.for(url), 'the browser reconnected the same source').to.have.length(1);
  });

  it('reopens a CLOSED stream after 1, 2, 4, 8, 16, 30, 30 s, and resyncs once it is open', () => {
    const { clock, streams, url } = setup();
    const a = recorder();
    streams.subscribe(url, a.subscriber);
    for (const wait of [1000, 2000, 4000, 8000, 16000, 30000, 30000]) {
      const opened = FakeEventSource.for(url).length;
      FakeEventSource.for(url).at(-1)!.fail();
      clock.tick(wait - 1);
      expect(FakeEventSource.for(url), `still waiting at ${wait - 1} ms`).to.have.length(opened);
      clock.tick(1);
      expect(FakeEventSource.for(url), `reopened at ${wait} ms`).to.have.length(opened + 1);
    }
    expect(a.heard.filter((h) => h === 'resync')).to.deep.equal([]);
    FakeEventSource.for(url).at(-1)!.connect();
    expect(a.heard.filter((h) => h === 'resync')).to.deep.equal(['resync']);
  });

  it('starts over at 1 s once a reopened stream has been open', () => {
    const { clock, streams, url } = setup();
    streams.subscribe(url, recorder().subscriber);
    FakeEventSource.for(url)[0]!.fail();
    clock.tick(1000);
    FakeEventSource.for(url)[1]!.fail();
    clock.tick(2000);
    FakeEventSource.for(url)[2]!.connect();
    FakeEventSource.for(url)[2]!.fail();
    clock.tick(999);
    expect(FakeEventSource.for(url)).to.have.length(3);
    clock.tick(1);
    expect(FakeEventSource.for(url)).to.have.length(4);
  });

  it('jitters each wait down by at most a quarter', () => {
    const { clock, streams, url } = setup(0.999_999);
    streams.subscribe(url, recorder().subscriber);
    FakeEventSource.for(url)[0]!.fail();
    clock.tick(749);
    expect(FakeEventSource.for(url)).to.have.length(1);
    clock.tick(1);
    expect(FakeEventSource.for(url)).to.have.length(2);
    FakeEventSource.for(url)[1]!.fail();
    clock.tick(1499);
    expect(FakeEventSource.for(url)).to.have.length(2);
    clock.tick(1);
    expect(FakeEventSource.for(url)).to.have.length(3);
  });

  it('gives a subscriber that joins while the stream is dead the new stream, never the dead one', () => {
    const { clock, streams, url } = setup();
    const a = recorder();
    streams.subscribe(url, a.subscriber);
    const dead = FakeEventSource.for(url)[0]!;
    dead.connect();
    dead.fail();
    const late = recorder();
    streams.subscribe(url, late.subscriber);
    dead.push({ ...ORDER_EVENT, id: 'from_the_dead_one' });
    clock.tick(1000);
    const fresh = FakeEventSource.for(url)[1]!;
    expect(fresh.readyState, 'a new source, still connecting').to.equal(0);
    fresh.connect();
    fresh.push(ORDER_EVENT);
    expect(late.heard).to.deep.equal(['down', 'resync', 'event climorder_1']);
    expect(a.heard).to.deep.equal(['down', 'resync', 'event climorder_1']);
  });

  it('tells subscribers the stream is down at the backoff pace, and stops once it is open again', () => {
    const { clock, streams, url } = setup();
    const a = recorder();
    streams.subscribe(url, a.subscriber);
    const source = FakeEventSource.for(url)[0]!;
    source.connect();
    source.drop();
    clock.tick(999);
    expect(a.heard).to.deep.equal([]);
    clock.tick(1);
    expect(a.heard).to.deep.equal(['down']);
    clock.tick(2000);
    clock.tick(4000);
    expect(a.heard).to.deep.equal(['down', 'down', 'down']);
    expect(FakeEventSource.for(url), 'a connecting source is left to the browser').to.have.length(1);
    source.connect();
    expect(a.heard).to.deep.equal(['down', 'down', 'down', 'resync']);
    clock.tick(120_000);
    expect(a.heard).to.deep.equal(['down', 'down', 'down', 'resync']);
    expect(clock.pending).to.equal(0);
  });

  it('resyncs every subscriber once on the server\'s swk-refetch event', () => {
    const { streams, url } = setup();
    const { a, b, source } = twoSubscribersOnOpenStream(streams, url);
    source.refetch();
    expect(a.heard).to.deep.equal(['resync']);
    expect(b.heard).to.deep.equal(['resync']);
  });

  it('does not throw for a URL the browser refuses, and tells subscribers the stream is down', () => {
    const { clock, streams } = setup();
    const a = recorder();
    const fake = globalThis.EventSource;
    globalThis.EventSource = class {
      constructor() {
        throw new SyntaxError("Failed to construct 'EventSource': The URL 'http://[' is invalid.");
      }
    } as unknown as typeof EventSource;
    try {
      expect(() => streams.subscribe('http://[', a.subscriber)).not.to.throw();
      clock.tick(1000);
      clock.tick(2000);
    } finally {
      globalThis.EventSource = fake;
    }
    expect(a.heard).to.deep.equal(['down', 'down']);
  });

  it('stops retrying when the last subscriber leaves a dead stream, and a later subscriber opens a new one', () => {
    const { clock, streams, url } = setup();
    const leave = streams.subscribe(url, recorder().subscriber);
    FakeEventSource.for(url)[0]!.fail();
    leave();
    expect(clock.pending).to.equal(0);
    clock.tick(60_000);
    expect(FakeEventSource.for(url)).to.have.length(1);
    streams.subscribe(url, recorder().subscriber);
    expect(FakeEventSource.for(url)).to.have.length(2);
  });
});
