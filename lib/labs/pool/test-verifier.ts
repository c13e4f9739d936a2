import { afterAll, beforeAll } from "vitest";
import { createLabVerifier, type LabVerifier } from "./lab-verifier";
import { sourceWorkerEntry } from "./registry";

// The CPU budget is measured in wall time inside guest calls: generous in tests, so a loaded machine
// cannot make the browser's path hit it and the pool's not. (Both sides get the same limits.)
export const TEST_LIMITS = { cpuBudgetMs: 30_000, memoryBytes: 16 << 20 };

/** One real verification pool (a worker thread on the TypeScript sources) for a test file. */
export function sharedTestVerifier(): () => LabVerifier {
  let verifier: LabVerifier | null = null;
  beforeAll(async () => {
    verifier = createLabVerifier(
      { workers: 1, queueMax: 8, timeoutMs: 20_000, heapMb: 128, cpuBudgetMs: TEST_LIMITS.cpuBudgetMs },
      await sourceWorkerEntry(),
    );
  }, 60_000);
  afterAll(async () => {
    await verifier?.close();
  });
  return () => {
    if (!verifier) throw new Error("the test verifier is used before beforeAll ran");
    return verifier;
  };
}
