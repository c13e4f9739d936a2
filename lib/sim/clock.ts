/**
 * The virtual clock every simulation engine runs on: an ordered event queue.
 * Time is in integer milliseconds and never comes from a real timer, so the
 * same scenario gives the same timeline in the browser, in Node and in tests.
 * Events at the same instant run in the order they were scheduled.
 */
export type ScheduledEvent<E> = { at: number; seq: number; event: E };

export class VirtualClock<E> {
  private queue: ScheduledEvent<E>[] = [];
  private seq = 0;
  private current = 0;

  get now(): number {
    return this.current;
  }

  /** Schedules `event` at absolute time `at` (not before now). Returns a handle for cancel(). */
  schedule(at: number, event: E): number {
    if (!Number.isFinite(at)) throw new RangeError(`cannot schedule at ${at}`);
    const when = Math.max(Math.round(at), this.current);
    const entry = { at: when, seq: this.seq++, event };
    // Binary search keeps the queue sorted by (at, seq).
    let low = 0;
    let high = this.queue.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const other = this.queue[mid]!;
      if (other.at < entry.at || (other.at === entry.at && other.seq < entry.seq)) low = mid + 1;
      else high = mid;
    }
    this.queue.splice(low, 0, entry);
    return entry.seq;
  }

  after(delayMs: number, event: E): number {
    return this.schedule(this.current + delayMs, event);
  }

  cancel(handle: number): boolean {
    const index = this.queue.findIndex((entry) => entry.seq === handle);
    if (index < 0) return false;
    this.queue.splice(index, 1);
    return true;
  }

  /** The next event due at or before `until`, advancing the clock to it; null when none is left. */
  next(until = Number.POSITIVE_INFINITY): ScheduledEvent<E> | null {
    const head = this.queue[0];
    if (!head || head.at > until) {
      if (Number.isFinite(until)) this.current = Math.max(this.current, until);
      return null;
    }
    this.queue.shift();
    this.current = head.at;
    return head;
  }

  get pending(): number {
    return this.queue.length;
  }
}
