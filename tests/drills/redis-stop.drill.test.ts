import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startDrillStack } from "./harness/drill-stack";
import { Client } from "./harness/http";
import { during, startLoad } from "./harness/load";
import { loadPlan } from "./harness/plan";
import { summaryLine } from "./harness/stats";
import { countLost } from "./harness/verify";

// Redis gone (our proxy to the shared Redis cut). Sessions are also in
// PostgreSQL and rate limits fall back to each replica's memory, so sign-in
// keeps working, readiness stays 200 (Redis is reported, not required), the
// sign-in limit is still enforced (per replica), and the fallback is logged.
const SIGN_IN_MAX = 5;
let stack: Awaited<ReturnType<typeof startDrillStack>>;
beforeAll(async () => {
  stack = await startDrillStack("redisstop", {
    AUTH_SIGNIN_RATE_MAX: String(SIGN_IN_MAX),
    LOG_LEVEL: "info",
  });
});
afterAll(async () => {
  await stack?.close();
});

/** Wrong-password sign-ins from one address straight to one replica; returns the statuses. */
async function wrongSignIns(replicaUrl: string, address: string, times: number): Promise<number[]> {
  const client = new Client(replicaUrl, address);
  const statuses = [];
  for (let i = 0; i < times; i++) {
    const response = await client.request("POST", "/api/auth/sign-in/email", {
      // A new account name each time: this drill measures the per-address limit, and the
      // per-account backoff (lib/auth/account-throttle.ts) would otherwise answer 429 first.
      body: JSON.stringify({
        email: `nobody-${address}-${i}@learners.shipshape.test`,
        password: "wrong-password-1",
      }),
      headers: { "content-type": "application/json", origin: stack.url },
    });
    statuses.push(response.status);
  }
  client.close();
  return statuses;
}

it("keeps sign-in and reads working without Redis, with per-replica limits, and logs it", async () => {
  const [one, two] = stack.replicas;
  // Redis up: one limit shared by all replicas.
  const sharedA = await wrongSignIns(one!.url, "127.0.5.1", SIGN_IN_MAX);
  const sharedB = await wrongSignIns(two!.url, "127.0.5.1", 1);
  expect(sharedA.every((status) => status === 401)).toBe(true);
  expect(sharedB).toEqual([429]);

  const plan = await loadPlan();
  const load = await startLoad({ baseUrl: stack.url, plan, count: 100, runId: stack.runId });
  await during(3_000);
  const failuresBefore = load.stats.failures.length;
  await stack.redisProxy!.stop();
  await during(1_000);

  // Sign-in during the outage, through nginx, for learners who already have accounts.
  // Five at a time: password hashing is deliberately slow, and a burst would measure the CPU, not Redis.
  const signIns: number[] = [];
  for (let i = 0; i < 20; i += 5)
    signIns.push(...(await Promise.all(load.learners.slice(i, i + 5).map((learner) => learner.signIn()))));
  // The limit still holds, per replica: each replica counts this address on its own.
  const perReplicaA = await wrongSignIns(one!.url, "127.0.5.2", SIGN_IN_MAX + 1);
  const perReplicaB = await wrongSignIns(two!.url, "127.0.5.2", SIGN_IN_MAX + 1);
  const ready = await fetch(`${one!.url}/api/ready`);
  const readyBody = (await ready.json()) as { checks?: { redis?: { ok: boolean; required: boolean } } };
  await during(4_000);
  await stack.redisProxy!.start();
  await during(3_000);
  await load.stop();

  const { lost, details } = await countLost(stack.directDatabaseUrl, load.stats);
  const logs = stack.replicas
    .map((replica) =>
      readFileSync(path.join("tmp/drills", stack.runId, "logs", `${replica.name}.log`), "utf8"),
    )
    .join("\n");
  const fallbackLogged = (logs.match(/redis unavailable: sessions fall back/g) ?? []).length;
  console.log(
    summaryLine("redis-stop", load.stats, lost, {
      learners: load.learners.length,
      sign_ins_during_outage: `${signIns.filter((s) => s === 200).length}/${signIns.length}`,
      sign_in_statuses: [...new Set(signIns)].join("/"),
      limit_per_replica: `${perReplicaA.filter((s) => s === 401).length}+${perReplicaB.filter((s) => s === 401).length}`,
      ready_during_outage: ready.status,
      fallback_logged_by: fallbackLogged,
    }),
  );
  expect(signIns.every((status) => status === 200)).toBe(true);
  expect(perReplicaA).toEqual([...Array(SIGN_IN_MAX).fill(401), 429]);
  expect(perReplicaB).toEqual([...Array(SIGN_IN_MAX).fill(401), 429]);
  expect(ready.status).toBe(200);
  expect(readyBody.checks?.redis).toMatchObject({ ok: false, required: false });
  expect(fallbackLogged).toBeGreaterThan(0);
  expect(load.stats.failures.length - failuresBefore, JSON.stringify(load.stats.failures.slice(0, 10))).toBe(
    0,
  );
  expect(details).toEqual([]);
});
