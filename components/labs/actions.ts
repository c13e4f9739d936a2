"use server";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getLab } from "@/lib/labs/catalog";
import type { LabResult } from "@/lib/labs/result-types";
import { isCodeLab } from "@/lib/labs/schema";
import { verifyAndRecord } from "@/lib/labs/verify";
import { metrics } from "@/lib/observability/metrics";
import { loadQuickJs } from "@/lib/sandbox/node-quickjs";

export type SubmitOutcome = { ok: true; result: LabResult; recorded: boolean } | { ok: false; error: string };

export type RevealedSolution =
  | { ok: true; code: string | null; params: Record<string, number> | null; explanation: string }
  | { ok: false; error: string };

/**
 * "Submit solution": the server re-runs the submission in Node's QuickJS and the same engine, and
 * records the run with its own verdict for a signed-in learner. Nothing the browser says about
 * its own result is read (the submission schema is strict and has no such field).
 */
export async function submitLabSolution(input: unknown): Promise<SubmitOutcome> {
  const user = await currentUser();
  const actor = user ? { id: user.id, role: user.role } : null;
  const verification = await verifyAndRecord(db(), actor, input, await loadQuickJs());
  if (!verification.ok) {
    metrics().labVerifications.inc({ lab: "unknown", verdict: "rejected" });
    return { ok: false, error: verification.error };
  }
  const { result, recorded } = verification;
  metrics().labVerifications.inc({ lab: result.labSlug, verdict: result.passed ? "passed" : "failed" });
  return { ok: true, result, recorded };
}

/** The worked solution and why it works; only sent when the learner asks for it. */
export async function revealSolution(slug: unknown): Promise<RevealedSolution> {
  const lab = typeof slug === "string" ? getLab(slug) : null;
  if (!lab) return { ok: false, error: "There is no such lab." };
  if (isCodeLab(lab))
    return { ok: true, code: lab.solution.code, params: null, explanation: lab.solution.explanation };
  return {
    ok: true,
    code: null,
    params: { ...lab.solution.params },
    explanation: lab.solution.explanation,
  };
}
