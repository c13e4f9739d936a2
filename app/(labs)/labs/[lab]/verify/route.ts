import { NextResponse, type NextRequest } from "next/server";
import { submitForVerification } from "@/lib/labs/submit";
import type { VerifyFailure } from "@/lib/labs/verify";

/** A submission is code up to 20 000 characters or a few numbers: anything bigger is not one. */
const MAX_BODY_BYTES = 64 * 1024;

function refuse(failure: Pick<VerifyFailure, "status" | "error" | "reason" | "retryAfterSeconds">) {
  const headers: Record<string, string> = {};
  if (failure.retryAfterSeconds !== undefined) headers["retry-after"] = String(failure.retryAfterSeconds);
  return NextResponse.json(
    { error: failure.error, reason: failure.reason, retryAfterSeconds: failure.retryAfterSeconds ?? null },
    { status: failure.status, headers },
  );
}

/**
 * POST /labs/<slug>/verify with the submission as JSON: the server's verdict for a signed-in
 * learner (the same path as the lab page's "Submit solution"). 401 without a session, 422 for a
 * submission that does not fit the lab, 429 or 503 with Retry-After when it must wait.
 */
export async function POST(request: NextRequest, { params }: { params: Promise<{ lab: string }> }) {
  const { lab } = await params;
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES)
    return refuse({ status: 400, reason: "bad-request", error: "The submission is too large." });
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return refuse({ status: 400, reason: "bad-request", error: "Send the submission as JSON." });
  }
  if (typeof input !== "object" || input === null || (input as { labSlug?: unknown }).labSlug !== lab)
    return refuse({ status: 400, reason: "bad-request", error: `Send a submission for the ${lab} lab.` });
  const verification = await submitForVerification(input);
  if (!verification.ok) return refuse(verification);
  return NextResponse.json({ result: verification.result, afterReveal: verification.afterReveal });
}
