import "server-only";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { metrics } from "@/lib/observability/metrics";
import { labVerifier } from "./pool/registry";
import { authSecondaryStorage } from "@/lib/auth/shared-state";
import { createRateLimiter, keyValueRateLimitStore, memoryRateLimitStore, type RateLimiter } from "./rate-limit";
import { SIGN_IN_TO_SUBMIT, verifyAndRecord, type Verification } from "./verify";

// One limiter per process, shared by the server action and the route (separate bundles); its
// counts live in Redis when REDIS_URL is set, so three replicas allow one learner one limit.
const LIMITER = Symbol.for("shipshape.labSubmitLimiter");
type Holder = { [LIMITER]?: RateLimiter };

function submitLimiter(): RateLimiter {
  const holder = globalThis as Holder;
  holder[LIMITER] ??= createRateLimiter({
    max: env().LAB_SUBMIT_RATE_MAX,
    windowMs: env().LAB_SUBMIT_RATE_WINDOW_S * 1000,
    store: sharedStore(),
  });
  return holder[LIMITER];
}

function sharedStore() {
  const storage = authSecondaryStorage();
  return storage ? keyValueRateLimitStore(storage, "lab-submit:") : memoryRateLimitStore();
}

/** "Submit solution" for the server action and the route alike: a session, then verifyAndRecord. */
export async function submitForVerification(input: unknown): Promise<Verification> {
  const user = await currentUser();
  if (!user) return SIGN_IN_TO_SUBMIT;
  const verification = await verifyAndRecord(db(), { id: user.id, role: user.role }, input, {
    verifier: await labVerifier(),
    limiter: submitLimiter(),
  });
  const labels = verification.ok
    ? { lab: verification.result.labSlug, verdict: verification.result.passed ? "passed" : "failed" }
    : { lab: "unknown", verdict: verification.reason };
  metrics().labVerifications.inc(labels);
  return verification;
}
