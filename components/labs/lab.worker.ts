/// <reference lib="webworker" />
// Runs one lab submission off the main thread: QuickJS sandbox inside the simulation engine.
// The page keeps a wall-clock backstop and terminates this worker if a run takes too long.
import { getLab } from "@/lib/labs/catalog";
import { evaluateLab } from "@/lib/labs/evaluate";
import { isCodeLab } from "@/lib/labs/schema";
import { loadBrowserQuickJs } from "@/lib/sandbox/browser-quickjs";
import type { WorkerReply, WorkerRequest } from "./worker-protocol";

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const { id, labSlug, submission, experiment } = event.data;
  let reply: WorkerReply;
  try {
    const lab = getLab(labSlug);
    if (!lab) reply = { id, ok: false, error: `There is no lab called “${labSlug}”.` };
    else {
      const quickjs = isCodeLab(lab) ? await loadBrowserQuickJs() : null;
      reply = {
        id,
        ok: true,
        result: evaluateLab(lab, submission, quickjs, experiment === undefined ? {} : { experiment }),
      };
    }
  } catch (error) {
    reply = { id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(reply);
};
