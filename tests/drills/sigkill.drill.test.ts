import { afterAll, beforeAll, expect, it } from "vitest";
import { startDrillStack } from "./harness/drill-stack";
import { during, startLoad } from "./harness/load";
import { loadPlan } from "./harness/plan";
import { summaryLine } from "./harness/stats";
import { countLost } from "./harness/verify";

// SIGKILL of one replica mid-load: no drain is possible, so requests in flight
// on it may fail (nginx retries idempotent ones elsewhere; a POST that reached
// it is not retried). Everything acknowledged must still be in PostgreSQL.
let stack: Awaited<ReturnType<typeof startDrillStack>>;
beforeAll(async () => {
  stack = await startDrillStack("sigkill");
});
afterAll(async () => {
  await stack?.close();
});

it("loses only requests in flight on the killed replica, and no acknowledged answer", async () => {
  const plan = await loadPlan();
  const load = await startLoad({
    baseUrl: stack.url,
    plan,
    count: 120,
    runId: stack.runId,
    // Shorter pauses than the other drills: the kill needs answers in flight and 100+ acknowledged.
    thinkMs: [2_000, 6_000],
  });
  await during(5_000);
  const victim = stack.replicas[1]!;
  const inFlightAtKill = load.stats.inFlight;
  const startedAtKill = load.stats.started;
  const killedAt = Date.now();
  const exit = await victim.stop("SIGKILL");
  // Requests sent between the signal and the process's end can still reach its listening socket
  // (the kernel completes handshakes into the backlog until the socket closes): in flight on it too.
  const sentWhileDying = load.stats.started - startedAtKill;
  await during(4_000);
  await victim.start();
  await during(3_000);
  await load.stop();
  const { lost, details } = await countLost(stack.directDatabaseUrl, load.stats);
  const late = load.stats.failures.filter((failure) => failure.at > killedAt + 2_000);
  console.log(
    summaryLine("sigkill", load.stats, lost, {
      learners: load.learners.length,
      in_flight_at_kill: inFlightAtKill,
      sent_while_dying: sentWhileDying,
      failed_after_kill: load.stats.failures.length,
      failed: load.stats.failures.map((failure) => failure.what).join(",") || "none",
    }),
  );
  expect(exit.signal).toBe("SIGKILL");
  // Only what was in flight may fail, and only around the kill, not afterwards.
  expect(load.stats.failures.length).toBeLessThanOrEqual(inFlightAtKill + sentWhileDying);
  expect(late, JSON.stringify(late)).toEqual([]);
  expect(details).toEqual([]);
  expect(load.stats.ackedCount()).toBeGreaterThan(100);
});
