import { afterAll, beforeAll, expect, it } from "vitest";
import { startDrillStack } from "./harness/drill-stack";
import { during, startLoad } from "./harness/load";
import { loadPlan } from "./harness/plan";
import { summaryLine } from "./harness/stats";
import { countLost } from "./harness/verify";

// PostgreSQL gone for 10 s. The drill cuts our TCP proxy between the replicas
// and the shared PostgreSQL server (every connection dropped, new ones refused),
// which the app cannot tell from a stopped server, while other test runs keep
// using that server undisturbed. Expected: every replica's readiness turns 503
// with the reason within 2 s; autosaves answer "saving paused" and the client
// retries until saved; nothing acknowledged is lost.
let stack: Awaited<ReturnType<typeof startDrillStack>>;
beforeAll(async () => {
  stack = await startDrillStack("pgstop");
});
afterAll(async () => {
  await stack?.close();
});

type Ready = { status: string; reason?: string };

async function readiness(url: string): Promise<{ status: number; body: Ready }> {
  const response = await fetch(`${url}/api/ready`, { signal: AbortSignal.timeout(3_000) });
  return { status: response.status, body: (await response.json()) as Ready };
}

it("reports unready within 2 s, pauses saving, and loses nothing acknowledged", async () => {
  const plan = await loadPlan();
  // Learners who think for 2-6 s, so many saves meet the outage and must be retried through it.
  const load = await startLoad({ baseUrl: stack.url, plan, count: 100, runId: stack.runId, thinkMs: [2_000, 6_000] });
  await during(4_000);

  const stoppedAt = Date.now();
  await stack.pgProxy!.stop();
  const unreadyAfter = await Promise.all(
    stack.replicas.map(async (replica) => {
      for (;;) {
        const ready = await readiness(replica.url).catch(() => null);
        if (ready?.status === 503) return { ms: Date.now() - stoppedAt, reason: ready.body.reason };
        if (Date.now() - stoppedAt > 5_000) return { ms: Number.POSITIVE_INFINITY, reason: "still ready" };
        await during(100);
      }
    }),
  );
  await during(10_000 - (Date.now() - stoppedAt));
  const pausedDuringOutage = load.stats.paused;
  await stack.pgProxy!.start();
  const backAfter = Date.now();
  await Promise.all(stack.replicas.map((replica) => replica.waitReady(20_000)));
  const readyAgainMs = Date.now() - backAfter;
  await during(3_000);
  await load.stop();

  const { lost, details } = await countLost(stack.directDatabaseUrl, load.stats);
  const failedWhileUp = load.stats.failures.filter(
    (f) => f.at < stoppedAt || f.at > backAfter + readyAgainMs + 2_000,
  );
  console.log(
    summaryLine("postgres-stop", load.stats, lost, {
      learners: load.learners.length,
      outage_s: 10,
      unready_ms: unreadyAfter.map((u) => u.ms).join("/"),
      saving_paused_replies: load.stats.paused,
      saved_after_pause: load.stats.savedAfterPause,
      ready_again_ms: readyAgainMs,
      failed_reads_during_outage: load.stats.failures.length - failedWhileUp.length,
    }),
  );
  for (const unready of unreadyAfter) {
    expect(unready.ms).toBeLessThanOrEqual(2_000);
    expect(unready.reason).toBe("database unreachable");
  }
  expect(pausedDuringOutage).toBeGreaterThan(0);
  // The paused saves were not dropped: retried after the outage, they were acknowledged (and are in PostgreSQL).
  expect(load.stats.savedAfterPause).toBeGreaterThan(0);
  expect(failedWhileUp, JSON.stringify(failedWhileUp.slice(0, 10))).toEqual([]);
  // Saves and submits never fail: they pause and retry until the database is back.
  expect(load.stats.failures.filter((f) => f.what === "autosave" || f.what === "submit")).toEqual([]);
  expect(details).toEqual([]);
});
