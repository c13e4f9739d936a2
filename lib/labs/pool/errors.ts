/** How long a learner is asked to wait when the server is shutting down: a replica restarts in about this. */
const RETRY_AFTER_RESTART_S = 5;

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
export function isPoolBusy(error: unknown): error is PoolBusyError | PoolClosedError {
  return (
    error instanceof Error &&
    (error.name === "PoolBusyError" || error.name === "PoolClosedError") &&
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

/**
 * The pool is closing (graceful shutdown): queued and running jobs are refused. To the learner this
 * is the same as busy: another replica (or this one, restarted) takes the retry.
 */
export class PoolClosedError extends Error {
  readonly retryAfterSeconds = RETRY_AFTER_RESTART_S;
  constructor() {
    super(`The lab checker is restarting. Try again in ${RETRY_AFTER_RESTART_S} s.`);
    this.name = "PoolClosedError";
  }
}
