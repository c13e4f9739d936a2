/// <reference lib="webworker" />
// Runs one lab submission off the main thread: QuickJS sandbox inside the simulation engine.
// The page keeps a wall-clock backstop and terminates this worker if a run takes too long.
// The server's verification worker runs the very same runLabRequest (lib/labs/pool/verify-worker.ts).
import { runLabRequest } from "@/lib/labs/run-request";
import { loadBrowserQuickJs } from "@/lib/sandbox/browser-quickjs";
import type { WorkerReply, WorkerRequest } from "./worker-protocol";

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const { id, labSlug, submission, experiment } = event.data;
  let reply: WorkerReply;
  try {
    reply = { id, ...(await runLabRequest({ labSlug, submission, experiment }, loadBrowserQuickJs)) };
  } catch (error) {
    reply = { id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(reply);
};
