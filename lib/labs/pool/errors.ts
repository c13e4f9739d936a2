/** Every worker is busy and the queue is full: the caller should come back after `retryAfterSeconds`. */
export class PoolBusyError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`The lab checker is busy. Try again in ${retryAfterSeconds} s.`);
    this.name = "PoolBusyError";
  }
}

/**
 * Recognises a PoolBusyError by name: the pool is created by the server's own bundle
 * (dist/server.mjs) and called from Next's bundle, so the same class exists twice and
 * `instanceof` would miss.
 */
export function isPoolBusy(error: unknown): error is PoolBusyError {
  return (
    error instanceof Error &&
    error.name === "PoolBusyError" &&
    typeof (error as { retryAfterSeconds?: unknown }).retryAfterSeconds === "number"
  );
}

/** The job ran past its wall-clock deadline; its worker was terminated and replaced. */
export class JobTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`the job ran longer than ${timeoutMs} ms`);
    this.name = "JobTimeoutError";
  }
}

/** The worker died under the job (e.g. ERR_WORKER_OUT_OF_MEMORY from its resource limits). */
export class WorkerCrashedError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = "WorkerCrashedError";
  }
  get outOfMemory(): boolean {
    return this.code === "ERR_WORKER_OUT_OF_MEMORY";
  }
}

/** The pool is closing (graceful shutdown): queued jobs are not started. */
export class PoolClosedError extends Error {
  constructor() {
    super("the lab checker is shutting down");
    this.name = "PoolClosedError";
  }
}
