import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listLabs } from "../catalog";
import { evaluateLab } from "../evaluate";
import { createLabVerifier, type WorkerEntry } from "../pool/lab-verifier";
import { sourceWorkerEntry } from "../pool/registry";
import { isTextLab } from "../schema";
import { solutionSubmission, starterSubmission } from "../test-helpers";

// Server re-verification of the text labs: the same worker threads "Submit solution" uses
// (lib/labs/pool), from source. The verdict must be the browser's, byte for byte.
const TEXT_LABS = listLabs().filter(isTextLab);
let entry: WorkerEntry;
let verifier: ReturnType<typeof createLabVerifier>;
beforeAll(async () => {
  entry = await sourceWorkerEntry();
  verifier = createLabVerifier({ workers: 1, queueMax: 4, timeoutMs: 20_000, heapMb: 128, cpuBudgetMs: 1_000 }, entry);
}, 60_000);
afterAll(async () => {
  await verifier?.close();
});

describe("text labs verified in a worker thread", () => {
  it("there are text labs to verify", () => {
    expect(TEXT_LABS.length).toBeGreaterThan(0);
  });

  it.each(TEXT_LABS.map((lab) => [lab.slug, lab] as const))(
    "%s: the starter fails, the solution passes, as in the browser",
    async (_slug, lab) => {
      const starter = await verifier.verify(lab, starterSubmission(lab));
      expect(starter.passed).toBe(false);
      const solution = await verifier.verify(lab, solutionSubmission(lab));
      expect(solution.passed).toBe(true);
      expect(solution).toEqual(evaluateLab(lab, solutionSubmission(lab), null));
    },
    60_000,
  );
});
