import type { QuickJSWASMModule } from "quickjs-emscripten-core";
import type { SandboxLimits } from "@/lib/sandbox/quickjs-sandbox";
import { getLab } from "./catalog";
import { evaluateLab } from "./evaluate";
import type { LabResult } from "./result-types";
import { isCodeLab } from "./schema";

export type LabRunRequest = {
  labSlug: string;
  submission: unknown;
  /** Browser only: the learner's variation of the scenario (never graded, never sent to the server). */
  experiment?: unknown;
  limits?: SandboxLimits;
};

export type LabRunReply = { ok: true; result: LabResult } | { ok: false; error: string };

/**
 * One lab run, exactly as both workers do it: the browser's Web Worker for instant feedback and
 * the server's verification worker thread. Only how the QuickJS module is loaded differs, so
 * the same submission gives the same timeline in both places (tested).
 */
export async function runLabRequest(
  request: LabRunRequest,
  loadQuickJs: () => Promise<QuickJSWASMModule>,
): Promise<LabRunReply> {
  const lab = getLab(request.labSlug);
  if (!lab) return { ok: false, error: `There is no lab called “${request.labSlug}”.` };
  const quickjs = isCodeLab(lab) ? await loadQuickJs() : null;
  const options = {
    ...(request.limits ? { limits: request.limits } : {}),
    ...(request.experiment === undefined ? {} : { experiment: request.experiment }),
  };
  return { ok: true, result: evaluateLab(lab, request.submission, quickjs, options) };
}
