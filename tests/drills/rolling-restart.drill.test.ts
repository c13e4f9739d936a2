import { afterAll, beforeAll, expect, it } from "vitest";
import { startDrillStack } from "./harness/drill-stack";
import { during, startLoad } from "./harness/load";
import { loadPlan } from "./harness/plan";
import { summaryLine } from "./harness/stats";
import { countLost } from "./harness/verify";

// Rolling restart: every replica in turn leaves nginx's rotation (graceful
// reload), gets SIGTERM (readiness 503, drain, exit 0), comes back and rejoins,
// while 100+ learners read, autosave, submit and run labs through nginx.
// Nothing may fail and nothing acknowledged may be lost.
let stack: Awaited<ReturnType<typeof startDrillStack>>;
beforeAll(async () => {
  stack = await startDrillStack("rolling");
});
afterAll(async () => {
  await stack?.close();
});

it("restarts every replica under load with 0 failed requests and 0 lost answers", async () => {
  const plan = await loadPlan();
  // Learners think 3-9 s, so 100+ answers are acknowledged even when the machine is busy.
  const load = await startLoad({ baseUrl: stack.url, plan, count: 120, runId: stack.runId, thinkMs: [3_000, 9_000] });
  await during(4_000);
  // With open-source nginx (passive checks only) a planned restart takes the replica
  // out of rotation first (graceful reload), as an orchestrator would; then SIGTERM.
  const exits = await stack.rollingRestart();
  await during(3_000);
  await load.stop();
  const { lost, details } = await countLost(stack.directDatabaseUrl, load.stats);
  console.log(
    summaryLine("rolling-restart", load.stats, lost, {
      learners: load.learners.length,
      exit_codes: exits.map((exit) => exit.code).join("/"),
      drain_ms: exits.map((exit) => exit.ms).join("/"),
    }),
  );
  expect(load.stats.failures, JSON.stringify(load.stats.failures.slice(0, 10))).toEqual([]);
  expect(details).toEqual([]);
  expect(exits.map((exit) => exit.code)).toEqual([0, 0, 0]);
  expect(load.stats.ackedCount()).toBeGreaterThan(100);
});
