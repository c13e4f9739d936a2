import { describe, expect, it } from "vitest";
import { getLab } from "@/lib/labs/catalog";
import { runLabRequest } from "@/lib/labs/run-request";
import { solutionSubmission, starterSubmission } from "@/lib/labs/test-helpers";
import { loadQuickJs } from "@/lib/sandbox/node-quickjs";
import { TEST_LIMITS, sharedTestVerifier } from "./test-verifier";

// The resource-limits, logging and secrets labs go through the same worker pool as the others
// when a learner submits: the server's verdict must be the browser's, byte for byte, and the
// starter must still fail there (a verdict can only be recorded from the pool's run).
const SLUGS = ["size-the-batch-memory", "keep-a-week-of-logs", "load-secrets-from-files", "pick-cpus-for-p99"];
const verifier = sharedTestVerifier();

describe.each(SLUGS)("server re-verification of %s", (slug) => {
  const lab = getLab(slug)!;

  it("fails the starter and passes the solution in a worker thread", async () => {
    expect(lab).not.toBeNull();
    expect((await verifier().verify(lab, starterSubmission(lab))).passed).toBe(false);
    const solved = await verifier().verify(lab, solutionSubmission(lab));
    expect(solved.checks.filter((check) => !check.passed)).toEqual([]);
    expect(solved.passed).toBe(true);
  }, 60_000);

  it("gives the browser's result, byte for byte", async () => {
    const submission = solutionSubmission(lab);
    const reply = await runLabRequest({ labSlug: slug, submission, limits: TEST_LIMITS }, loadQuickJs);
    if (!reply.ok) throw new Error(reply.error);
    expect(JSON.stringify(await verifier().verify(lab, submission))).toBe(JSON.stringify(reply.result));
  }, 60_000);
});
