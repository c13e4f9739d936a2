import { Worker, type ResourceLimits } from "node:worker_threads";
import { JobTimeoutError, PoolBusyError, PoolClosedError, WorkerCrashedError } from "./errors";

export type WorkerPoolOptions = {
  /** How many jobs run at once, one worker thread each. */
  size: number;
  /** Jobs that may wait for a worker; one more gets PoolBusyError at once. */
  queueMax: number;
  /** Wall-clock deadline per job, from the moment a worker takes it. */
  jobTimeoutMs: number;
  workerFile: string | URL;
  /** E.g. a TypeScript loader for the worker when running from source (tests, `next dev`). */
  execArgv?: string[];
  resourceLimits?: ResourceLimits;
  workerData?: unknown;
  /** Told about replacements (for logs and metrics); never throws into the pool. */
  onEvent?: (event: PoolEvent) => void;
};

export type PoolEvent =
  | { type: "timeout"; jobMs: number }
  | { type: "crash"; code: string | undefined; message: string }
  | { type: "recycle" }
  | { type: "busy"; retryAfterSeconds: number };

export type PoolStats = { size: number; busy: number; queued: number; replaced: number };

/** What a worker posts back: a value, an error it caught, and whether it must be replaced. */
export type WorkerReply<R> =
  | { jobId: number; ok: true; value: R; recycle: boolean }
  | {
      jobId: number;
      ok: false;
      error: string;
      recycle: boolean;
    };

type Job<P, R> = {
  id: number;
  payload: P;
  resolve: (value: R) => void;
  reject: (error: Error) => void;
};

type Slot<P, R> = {
  worker: Worker;
  job: Job<P, R> | null;
  startedAt: number;
  timer: NodeJS.Timeout | null;
};

/**
 * A fixed set of worker threads with a bounded queue. Each job gets a wall-clock deadline: past it,
 * the worker is terminated (that is the only way to stop code stuck in a native call) and a fresh
 * one takes its place. A worker that crashes, or asks to be recycled after a run that poisoned its
 * state, is replaced too. The caller's thread only queues and waits.
 */
export function createWorkerPool<P, R>(options: WorkerPoolOptions) {
  const slots: Slot<P, R>[] = [];
  const queue: Job<P, R>[] = [];
  let nextJobId = 1;
  let replaced = 0;
  let closed = false;
  let idleCrashes = 0;
  // Recent job durations, for an honest "try again in N s".
  let averageJobMs = 500;

  const emit = (event: PoolEvent) => {
    try {
      options.onEvent?.(event);
    } catch {
      // observers must not break the pool
    }
  };

  /** Gives the slot a fresh worker; events from any earlier worker of the slot are ignored. */
  function attach(slot: Slot<P, R>) {
    const worker = new Worker(options.workerFile, {
      execArgv: options.execArgv,
      resourceLimits: options.resourceLimits,
      workerData: options.workerData,
    });
    slot.worker = worker;
    const mine = () => slot.worker === worker && !closed;
    worker.on("message", (reply: WorkerReply<R>) => {
      if (mine()) finish(slot, reply);
    });
    worker.on("error", (error: Error & { code?: string }) => {
      if (!mine()) return;
      emit({ type: "crash", code: error.code, message: error.message });
      fail(slot, new WorkerCrashedError(error.message, error.code));
    });
    worker.on("exit", (code) => {
      if (mine()) fail(slot, new WorkerCrashedError(`the worker exited with code ${code}`, undefined));
    });
    // Idle workers must not keep a finished process (or a test run) alive.
    worker.unref();
  }

  /** Ends the slot's worker and puts a fresh one in its place. */
  function replace(slot: Slot<P, R>) {
    const old = slot.worker;
    attach(slot);
    replaced += 1;
    void old.terminate();
  }

  function clear(slot: Slot<P, R>): Job<P, R> | null {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    return job;
  }

  function finish(slot: Slot<P, R>, reply: WorkerReply<R>) {
    if (!slot.job || slot.job.id !== reply.jobId) return;
    const elapsed = performance.now() - slot.startedAt;
    averageJobMs = averageJobMs * 0.8 + elapsed * 0.2;
    const job = clear(slot)!;
    if (reply.ok) job.resolve(reply.value);
    else job.reject(new Error(reply.error));
    if (reply.recycle) {
      emit({ type: "recycle" });
      replace(slot);
    }
    next(slot);
  }

  function fail(slot: Slot<P, R>, error: Error) {
    const job = clear(slot);
    job?.reject(error);
    if (closed) return;
    if (job) {
      idleCrashes = 0;
      replace(slot);
      next(slot);
      return;
    }
    // A worker that dies with no job (e.g. its file is missing) would die again at once: back off.
    idleCrashes += 1;
    const delay = Math.min(30_000, 100 * 2 ** Math.min(idleCrashes, 9));
    slot.timer = setTimeout(() => {
      slot.timer = null;
      if (closed) return;
      replace(slot);
      next(slot);
    }, delay);
    slot.timer.unref();
  }

  function start(slot: Slot<P, R>, job: Job<P, R>) {
    slot.job = job;
    slot.startedAt = performance.now();
    slot.timer = setTimeout(() => {
      emit({ type: "timeout", jobMs: performance.now() - slot.startedAt });
      fail(slot, new JobTimeoutError(options.jobTimeoutMs));
    }, options.jobTimeoutMs);
    slot.worker.postMessage({ jobId: job.id, payload: job.payload });
  }

  function next(slot: Slot<P, R>) {
    if (closed || slot.job) return;
    const job = queue.shift();
    if (job) start(slot, job);
  }

  function retryAfterSeconds(): number {
    const ahead = queue.length + slots.length;
    return Math.min(60, Math.max(1, Math.ceil((ahead * averageJobMs) / slots.length / 1000)));
  }

  for (let i = 0; i < Math.max(1, options.size); i += 1) {
    const slot = { job: null, startedAt: 0, timer: null } as unknown as Slot<P, R>;
    attach(slot);
    slots.push(slot);
  }

  return {
    run(payload: P): Promise<R> {
      if (closed) return Promise.reject(new PoolClosedError());
      const idle = slots.find((slot) => !slot.job && !slot.timer);
      if (!idle && queue.length >= options.queueMax) {
        const seconds = retryAfterSeconds();
        emit({ type: "busy", retryAfterSeconds: seconds });
        return Promise.reject(new PoolBusyError(seconds));
      }
      return new Promise<R>((resolve, reject) => {
        const job = { id: nextJobId++, payload, resolve, reject };
        if (idle) start(idle, job);
        else queue.push(job);
      });
    },
    stats(): PoolStats {
      return {
        size: slots.length,
        busy: slots.filter((slot) => slot.job).length,
        queued: queue.length,
        replaced,
      };
    },
    /** Graceful shutdown: queued jobs are refused, running ones are stopped, workers end. */
    async close(): Promise<void> {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new PoolClosedError());
      for (const slot of slots) clear(slot)?.reject(new PoolClosedError());
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}

export type WorkerPool<P, R> = ReturnType<typeof createWorkerPool<P, R>>;
