import { z } from "zod";
import { describeIssues, LogOptionError } from "./files-schema";
import { parseSize } from "./sizes";

/**
 * Delivering log lines to a remote logging driver (fluentd, gelf, syslog, awslogs …) whose
 * collector can be slow, in Docker's two modes:
 * - blocking (the default): the daemon's copier hands each line to the driver and waits; while it
 *   waits it stops reading the container's stdout pipe, the pipe (64 KiB on Linux) fills up and
 *   the app's next write blocks. Node writes to pipes synchronously on Linux, so the event loop
 *   — and every request — stalls with it.
 * - non-blocking: the copier puts lines in a ring buffer (max-buffer-size, default 1 000 000 bytes
 *   of message text) that a goroutine drains into the driver; writes never block, and a line
 *   that does not fit while the buffer holds anything is dropped (moby daemon/logger/ring.go).
 * Time is integer µs; lines are sent one at a time in order.
 */
const Ms = z.number().int().min(0);
const BufferSize = z.union([z.number(), z.string()]).transform((value, ctx) => {
  try {
    // max-buffer-size is parsed with RAMInBytes: binary units, 1m = 1 048 576.
    const bytes = typeof value === "number" ? value : parseSize(value, 1024);
    if (!Number.isInteger(bytes) || bytes < 1) throw new RangeError("must be a positive whole number of bytes");
    return bytes;
  } catch (error) {
    ctx.addIssue({ code: "custom", message: (error as Error).message });
    return z.NEVER;
  }
});

export const DeliveryScenarioSchema = z.object({
  mode: z.enum(["blocking", "non-blocking"]).default("blocking"),
  /** null: the ring's default, 1e6 bytes (only used in non-blocking mode). */
  maxBufferSize: BufferSize.nullable().default(null),
  linesPerSecond: z.number().min(0).max(100_000),
  lineBytes: z.number().int().min(1).max(1_000_000),
  /** How many lines per second the collector accepts normally, and during slow stretches. */
  collectorLinesPerSecond: z.number().min(0.001),
  slow: z.array(z.object({ fromMs: Ms, toMs: Ms, linesPerSecond: z.number().min(0.001) })).default([]),
  /** Linux's default pipe capacity: 16 pages of 4 KiB. */
  pipeBytes: z.number().int().min(1).default(65_536),
  horizonMs: Ms.min(1).max(7 * 24 * 3_600_000),
  sampleEveryMs: Ms.min(100).default(1_000),
});

export type DeliveryScenarioInput = z.input<typeof DeliveryScenarioSchema>;
export type DeliveryScenario = z.output<typeof DeliveryScenarioSchema>;

export const DEFAULT_RING_BYTES = 1_000_000;

export type DeliverySample = {
  t: number;
  /** Lines the app wrote in this window (a blocked app writes fewer). */
  written: number;
  delivered: number;
  dropped: number;
  /** Time the app spent blocked in write() during the window, ms. */
  stalledMs: number;
  /** Bytes waiting in the pipe (blocking) or the ring (non-blocking) at t. */
  queuedBytes: number;
};

export type DeliveryResult = {
  scenario: DeliveryScenario;
  samples: DeliverySample[];
  summary: {
    /** Lines the app meant to write by the horizon. */
    intended: number;
    written: number;
    delivered: number;
    dropped: number;
    /** Writes that had to wait, the total and the longest wait. */
    stalledWrites: number;
    stalledMs: number;
    maxStallMs: number;
    /** How far behind its own schedule the app is at the end (blocking), ms. */
    appLagMs: number;
    queuedBytesAtEnd: number;
    bufferBytes: number;
  };
};

export function simulateDelivery(input: DeliveryScenarioInput): DeliveryResult {
  const parsed = DeliveryScenarioSchema.safeParse(input);
  if (!parsed.success) throw new LogOptionError(describeIssues(parsed.error.issues));
  const scenario = parsed.data;
  const horizon = scenario.horizonMs * 1000;
  const blocking = scenario.mode === "blocking";
  // Blocking: the pipe holds the whole line and its newline; non-blocking: the ring counts
  // len(Line), the newline already stripped by the copier.
  const size = blocking ? scenario.lineBytes + 1 : scenario.lineBytes;
  const capacity = blocking ? scenario.pipeBytes : (scenario.maxBufferSize ?? DEFAULT_RING_BYTES);
  const spacing = scenario.linesPerSecond > 0 ? 1_000_000 / scenario.linesPerSecond : Infinity;

  const serviceUs = (start: number) => {
    const window = scenario.slow.find((w) => start >= w.fromMs * 1000 && start < w.toMs * 1000);
    return Math.round(1_000_000 / (window?.linesPerSecond ?? scenario.collectorLinesPerSecond));
  };

  // Lines waiting (in the pipe or ring), oldest first: the time they got there.
  const queue: number[] = [];
  let head = 0;
  let driverFree = 0;
  let written = 0;
  let delivered = 0;
  let dropped = 0;
  let stalledWrites = 0;
  let stalledUs = 0;
  let maxStallUs = 0;
  let appFree = 0; // when the app's previous write returned
  const samples: DeliverySample[] = [];
  let window = { written: 0, delivered: 0, dropped: 0, stalledUs: 0 };
  let nextSample = scenario.sampleEveryMs * 1000;
  const queued = () => (queue.length - head) * size;

  /** The driver takes the next line once free: it leaves the queue at its start. */
  const startNext = (): number => {
    const start = Math.max(queue[head]!, driverFree);
    driverFree = start + serviceUs(start);
    head++;
    delivered++;
    window.delivered++;
    return start;
  };
  /** Lets the driver take every line it can start at or before t. */
  const drainUntil = (t: number) => {
    while (head < queue.length && Math.max(queue[head]!, driverFree) <= t) startNext();
    if (head > 4096 && head * 2 > queue.length) {
      queue.splice(0, head);
      head = 0;
    }
  };
  // A write blocked since this instant (null: none); samples charge its share to each window.
  let stallFrom: number | null = null;
  const sampleUpTo = (t: number) => {
    while (nextSample <= t && nextSample <= horizon) {
      // Lines start strictly before the horizon; one starting at it belongs to the next run.
      if (stallFrom === null) drainUntil(Math.min(nextSample, horizon - 1));
      else {
        window.stalledUs += nextSample - stallFrom;
        stallFrom = nextSample;
      }
      samples.push({
        t: nextSample / 1000,
        written: window.written,
        delivered: window.delivered,
        dropped: window.dropped,
        stalledMs: window.stalledUs / 1000,
        queuedBytes: queued(),
      });
      window = { written: 0, delivered: 0, dropped: 0, stalledUs: 0 };
      nextSample += scenario.sampleEveryMs * 1000;
    }
  };

  // Lines the app means to write: one every `spacing` µs before the horizon.
  const intended = spacing === Infinity ? 0 : Math.ceil(horizon / spacing - 1e-9);
  for (let k = 0; k < intended; k++) {
    const due = Math.round(k * spacing);
    // A blocked app writes its next line only once the previous write returned.
    let t = blocking ? Math.max(due, appFree) : due;
    if (t >= horizon) break;
    sampleUpTo(t - 1);
    drainUntil(t);
    if (blocking) {
      const begin = t;
      // Wait until the driver has taken enough lines out of the pipe for this one to fit.
      let cut = false;
      while (queued() + size > capacity) {
        const next = Math.max(queue[head]!, driverFree);
        if (next >= horizon) {
          // Still blocked when the run ends.
          cut = true;
          t = horizon;
          break;
        }
        // Samples falling inside the wait see the pipe as it was while the app sat blocked.
        stallFrom ??= begin;
        sampleUpTo(next - 1);
        t = startNext();
      }
      if (t > begin) {
        stalledWrites++;
        stalledUs += t - begin;
        maxStallUs = Math.max(maxStallUs, t - begin);
        stallFrom ??= begin;
        sampleUpTo(t - 1);
        window.stalledUs += t - stallFrom;
        stallFrom = null;
      }
      if (cut) break;
      queue.push(t);
      appFree = t;
      written++;
      window.written++;
    } else {
      written++;
      window.written++;
      // ring.go Enqueue: a message that does not fit is dropped unless the ring is empty.
      if (queued() + size > capacity && queued() > 0) {
        dropped++;
        window.dropped++;
      } else queue.push(t);
    }
  }
  sampleUpTo(horizon);
  drainUntil(horizon - 1);
  const lastDue = blocking && appFree > 0 ? appFree - Math.round((written - 1) * spacing) : 0;
  return {
    scenario,
    samples,
    summary: {
      intended,
      written,
      delivered,
      dropped,
      stalledWrites,
      stalledMs: stalledUs / 1000,
      maxStallMs: maxStallUs / 1000,
      appLagMs: Math.max(0, lastDue) / 1000,
      queuedBytesAtEnd: queued(),
      bufferBytes: capacity,
    },
  };
}
