import { systemClock, type Clock } from '../core/clock.js';

interface Timer {
  at: number;
  callback: () => void;
}

/**
 * The `Clock` the widgets accept (their `clock` property), whose time moves only when the test says:
 * `tick(ms)` fires every timer that falls due, in order (countdowns, deadlines, polling, reconnects).
 * Give the same clock to `createSimulator({ clock })` and the backend's time moves with it.
 */
export class FakeClock implements Clock {
  time: number;
  private readonly timers = new Map<number, Timer>();
  private nextId = 1;

  constructor(time: number) {
    this.time = time;
  }

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): number {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + Math.max(0, ms), callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** Timers waiting to fire. */
  get pending(): number {
    return this.timers.size;
  }

  tick(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].callback();
    }
    this.time = end;
  }
}

/** The system's timers with a time the test sets (`now`, in ms): for widgets whose dates matter but whose timers may run for real. */
export function clockAt(now: () => number): Clock {
  return { ...systemClock, now };
}
