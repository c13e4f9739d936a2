// The entry of one verification worker thread (bundled to dist/lab-verify-worker.mjs for
// production; run from source through tsx in tests and `next dev`). It evaluates one submission
// at a time and asks to be replaced after any run that poisoned its QuickJS module, so the
// module's memory goes with the whole thread.
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import type { QuickJSWASMModule } from "quickjs-emscripten-core";
import { runLabRequest } from "@/lib/labs/run-request";
import { loadQuickJs } from "@/lib/sandbox/node-quickjs";
import { threadCpuClock } from "@/lib/sandbox/cpu-clock";
import { isPoisoned } from "@/lib/sandbox/quickjs-module";
import { installCpuClock } from "@/lib/sandbox/quickjs-sandbox";
import type { WorkerReply } from "./worker-pool";
import type { VerifyJob, VerifyWorkerData } from "./verify-protocol";

const port = parentPort;
if (!port) throw new Error("verify-worker must run in a worker thread");
const { limits } = workerData as VerifyWorkerData;

// Learner code must never starve the thread that answers HTTP (and the health check): on Linux
// this thread lowers its own scheduling priority (nice 10; /proc/thread-self names its thread id).
try {
  const threadId = Number(readlinkSync("/proc/thread-self").split("/").pop());
  if (Number.isInteger(threadId)) setPriority(threadId, 10);
} catch {
  // not Linux, or not allowed: the pool still works, at normal priority
}

// The learner's CPU budget counts this thread's own CPU time, not wall time.
const clock = threadCpuClock();
if (clock) installCpuClock(clock);

// Warm up before the first job: loading the module is most of a cold run.
const warm = loadQuickJs();

port.on("message", async ({ jobId, payload }: { jobId: number; payload: VerifyJob }) => {
  let reply: WorkerReply<unknown>;
  try {
    await warm.catch(() => undefined);
    let used: QuickJSWASMModule | null = null;
    const outcome = await runLabRequest({ ...payload, limits }, async () => (used = await loadQuickJs()));
    const recycle = used !== null && isPoisoned(used);
    reply = outcome.ok
      ? { jobId, ok: true, value: outcome.result, recycle }
      : { jobId, ok: false, error: outcome.error, recycle };
  } catch (error) {
    reply = {
      jobId,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
      recycle: true,
    };
  }
  port.postMessage(reply);
});
