import type { WorkerReply, WorkerRequest } from "./worker-protocol";

/** Wall-clock backstop: a run that has not answered by then is stopped by terminating the worker. */
export const RUN_BACKSTOP_MS = 10_000;

function createWorker(): Worker {
  return new Worker(new URL("./lab.worker.ts", import.meta.url), { type: "module" });
}

/**
 * Sends one request to the lab worker (started on first use, kept in `workerRef`) and waits for
 * its reply. A run past the backstop, or a worker that fails to start, is terminated so the next
 * run starts a fresh one.
 */
export function runInWorker(
  workerRef: { current: Worker | null },
  request: WorkerRequest,
): Promise<WorkerReply | "timeout"> {
  const worker = (workerRef.current ??= createWorker());
  return new Promise((resolve) => {
    const stop = () => {
      worker.terminate();
      if (workerRef.current === worker) workerRef.current = null;
    };
    const timer = setTimeout(() => {
      stop();
      resolve("timeout");
    }, RUN_BACKSTOP_MS);
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      if (event.data.id !== request.id) return;
      clearTimeout(timer);
      resolve(event.data);
    };
    worker.onerror = (event) => {
      clearTimeout(timer);
      stop();
      resolve({ id: request.id, ok: false, error: event.message || "The lab runner could not start." });
    };
    worker.postMessage(request);
  });
}
