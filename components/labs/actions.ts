"use server";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getLab } from "@/lib/labs/catalog";
import type { LabResult } from "@/lib/labs/result-types";
import { isCodeLab, isTextLab } from "@/lib/labs/schema";
import { submitForVerification } from "@/lib/labs/submit";
import type { VerifyFailure } from "@/lib/labs/verify";
import { recordSolutionReveal } from "@/lib/progress/lab-activity";

export type SubmitOutcome =
  | { ok: true; result: LabResult; afterReveal: boolean }
  | { ok: false; reason: VerifyFailure["reason"]; error: string; retryAfterSeconds: number | null };

export type RevealedSolution =
  | {
      ok: true;
      code: string | null;
      params: Record<string, number> | null;
      explanation: string;
      /** Text labs: the worked text (and the incident lab's answer). */
      text?: { text: string; answer: { cause: string; fix: string } | null };
    }
  | { ok: false; error: string };

/**
 * "Submit solution": a worker thread re-runs the submission in Node's QuickJS and the same engine,
 * and the run is recorded with the server's verdict. Signed-in learners only; a busy checker or
 * the submit rate answers with a typed reason and when to try again.
 */
export async function submitLabSolution(input: unknown): Promise<SubmitOutcome> {
  const verification = await submitForVerification(input);
  if (verification.ok) return verification;
  const { reason, error, retryAfterSeconds } = verification;
  return { ok: false, reason, error, retryAfterSeconds: retryAfterSeconds ?? null };
}

/** The worked solution and why it works; only sent when the learner asks, and recorded for an account. */
export async function revealSolution(slug: unknown): Promise<RevealedSolution> {
  const lab = typeof slug === "string" ? getLab(slug) : null;
  if (!lab) return { ok: false, error: "There is no such lab." };
  const user = await currentUser();
  if (user) await recordSolutionReveal(db(), { id: user.id, role: user.role }, lab.slug);
  if (isCodeLab(lab))
    return { ok: true, code: lab.solution.code, params: null, explanation: lab.solution.explanation };
  if (isTextLab(lab)) {
    const text = { text: lab.solution.text, answer: lab.solution.answer ?? null };
    return { ok: true, code: null, params: null, text, explanation: lab.solution.explanation };
  }
  return {
    ok: true,
    code: null,
    params: { ...lab.solution.params },
    explanation: lab.solution.explanation,
  };
}
