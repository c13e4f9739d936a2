import type { Actor } from "@/lib/access";
import type { Db } from "@/lib/db";
import { countRejectedSubmission, solutionRevealedAt } from "@/lib/progress/lab-activity";
import { recordLabRun } from "@/lib/progress/labs";
import { getLab } from "./catalog";
import { isPoolBusy } from "./pool/errors";
import type { LabVerifier } from "./pool/lab-verifier";
import type { RateLimiter } from "./rate-limit";
import type { LabResult } from "./result-types";
import { submissionSchemaFor } from "./schema";

export type VerifyFailure = {
  ok: false;
  /** HTTP status for a route; a server action passes `reason` and `retryAfterSeconds` on. */
  status: 400 | 401 | 404 | 422 | 429 | 503;
  reason: "bad-request" | "sign-in" | "not-found" | "invalid" | "rate-limited" | "busy";
  error: string;
  retryAfterSeconds?: number;
};

export type Verification = { ok: true; result: LabResult; afterReveal: boolean } | VerifyFailure;

export type VerifyDeps = { verifier: Pick<LabVerifier, "verify">; limiter: RateLimiter };

/**
 * The server's side of "submit solution", for a signed-in learner (anonymous visitors run labs in
 * their browser only). In order: the lab exists; the learner is within the submit rate; the
 * submission fits the lab's schema (else only a counter moves, nothing of it is stored); a worker
 * thread re-runs the same engine and sandbox; the run is recorded with the server's own verdict
 * and the schema-valid code or settings. Whatever the browser claims about its result is not an input.
 */
export async function verifyAndRecord(
  db: Db,
  actor: Actor,
  input: unknown,
  deps: VerifyDeps,
): Promise<Verification> {
  const labSlug =
    typeof input === "object" && input !== null ? (input as { labSlug?: unknown }).labSlug : undefined;
  if (typeof labSlug !== "string")
    return failure(400, "bad-request", "Say which lab this solution is for (labSlug).");
  const lab = getLab(labSlug);
  if (!lab) return failure(404, "not-found", "There is no such lab.");

  const allowed = await deps.limiter.check(actor.id);
  if (!allowed.ok)
    return {
      ...failure(
        429,
        "rate-limited",
        `You have submitted a lot in a short time. Try again in ${allowed.retryAfterSeconds} s (Run still works meanwhile).`,
      ),
      retryAfterSeconds: allowed.retryAfterSeconds,
    };

  const parsed = submissionSchemaFor(lab).safeParse(input);
  if (!parsed.success) {
    await countRejectedSubmission(db, actor, lab.slug);
    const detail = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.length ? `${issue.path.join(".")}: ` : ""}${issue.message}`)
      .join("; ");
    return failure(422, "invalid", `This submission does not fit the lab: ${detail}`);
  }

  let result: LabResult;
  try {
    result = await deps.verifier.verify(lab, parsed.data);
  } catch (error) {
    if (!isPoolBusy(error)) throw error;
    return {
      ...failure(503, "busy", error.message),
      retryAfterSeconds: error.retryAfterSeconds,
    };
  }
  const afterReveal = (await solutionRevealedAt(db, actor, lab.slug)) !== null;
  await recordLabRun(db, actor, {
    labSlug: lab.slug,
    // Text labs store their text (rule, query, Dockerfile or commands) where code labs store code.
    code: parsed.data.code ?? parsed.data.text ?? "",
    params: parsed.data.params ?? {},
    passed: result.passed,
    checks: result.checks,
    headline: result.headline,
    afterReveal,
  });
  return { ok: true, result, afterReveal };
}

function failure(status: VerifyFailure["status"], reason: VerifyFailure["reason"], error: string): VerifyFailure {
  return { ok: false, status, reason, error };
}

/** A signed-out visitor asked the server to verify: the answer the action and the route give. */
export const SIGN_IN_TO_SUBMIT: VerifyFailure = failure(
  401,
  "sign-in",
  "Sign in to submit: the server checks and records solutions for accounts only. Run still works without one.",
);
