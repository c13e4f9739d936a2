import type { ResourceLimits } from "node:worker_threads";
import { MODULE_MEMORY_MAX_BYTES } from "@/lib/sandbox/memory-cap";
import type { GuestError } from "@/lib/sandbox/quickjs-sandbox";
import { stoppedResult } from "../evaluate";
import type { LabResult } from "../result-types";
import type { Lab } from "../schema";
import { JobTimeoutError, WorkerCrashedError } from "./errors";
import type { VerifyJob, VerifyWorkerData } from "./verify-protocol";
import { createWorkerPool, type PoolEvent } from "./worker-pool";

export type VerifySettings = {
  workers: number;
  queueMax: number;
  timeoutMs: number;
  /** The worker thread's V8 heap (maxOldGenerationSizeMb); QuickJS's own memory is bounded per module. */
  heapMb: number;
  /** One CPU budget for the learner's code across the whole submission. */
  cpuBudgetMs: number;
};

export type LabVerifier = {
  /** The server's verdict on a schema-valid submission; throws PoolBusyError when the queue is full. */
  verify(lab: Lab, submission: unknown): Promise<LabResult>;
  stats(): { size: number; busy: number; queued: number; replaced: number };
  close(): Promise<void>;
};

export type WorkerEntry = { file: string | URL; execArgv?: string[] };

/** The sandbox's heap limit, as before the pool; the module's WebAssembly memory is the hard bound. */
const GUEST_MEMORY_BYTES = MODULE_MEMORY_MAX_BYTES;

export function workerResourceLimits(settings: VerifySettings): ResourceLimits {
  return {
    maxOldGenerationSizeMb: settings.heapMb,
    maxYoungGenerationSizeMb: Math.max(8, Math.round(settings.heapMb / 8)),
    codeRangeSizeMb: 32,
    stackSizeMb: 4,
  };
}

/** Verification off the request thread: a pool of worker threads and the learner's words for its limits. */
export function createLabVerifier(
  settings: VerifySettings,
  entry: WorkerEntry,
  onEvent?: (event: PoolEvent) => void,
): LabVerifier {
  const workerData: VerifyWorkerData = {
    limits: { cpuBudgetMs: settings.cpuBudgetMs, memoryBytes: GUEST_MEMORY_BYTES },
  };
  const pool = createWorkerPool<VerifyJob, LabResult>({
    size: settings.workers,
    queueMax: settings.queueMax,
    jobTimeoutMs: settings.timeoutMs,
    workerFile: entry.file,
    execArgv: entry.execArgv,
    resourceLimits: workerResourceLimits(settings),
    workerData,
    onEvent,
  });
  return {
    async verify(lab, submission) {
      try {
        return await pool.run({ labSlug: lab.slug, submission });
      } catch (error) {
        const stopped = limitError(error, settings);
        if (stopped) return stoppedResult(lab, stopped);
        throw error;
      }
    },
    stats: () => pool.stats(),
    close: () => pool.close(),
  };
}

/** The pool's own limits in the learner's words; anything else (busy, closing) goes to the caller. */
function limitError(error: unknown, settings: VerifySettings): GuestError | null {
  if (error instanceof JobTimeoutError)
    return {
      kind: "cpu-budget",
      line: null,
      message: `Your code kept the checker busy for more than ${settings.timeoutMs / 1000} s and was stopped. Is there an endless loop?`,
    };
  if (error instanceof WorkerCrashedError && error.outOfMemory)
    return {
      kind: "memory",
      line: null,
      message: "Your code used more memory than the checker allows and was stopped.",
    };
  return null;
}
