import net from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createRateLimiter, keyValueRateLimitStore } from "@/lib/labs/rate-limit";
import { createRedisStore, type KeyValueStore } from "@/lib/server/redis";
import { accountThrottle, FREE_FAILURES, keyValueThrottleStore } from "./account-throttle";
import { createFallbackStorage } from "./secondary-storage";

// Three replicas behind one load balancer must enforce one limit, not three: the per-account
// sign-in backoff and the per-learner lab submit limit both count in the shared Redis.
const target = { host: "127.0.0.1", port: Number(process.env.TEST_REDIS_PORT ?? 6379) };
const available = await new Promise<boolean>((resolve) => {
  const socket = net.connect(target.port, target.host);
  socket.once("connect", () => (socket.destroy(), resolve(true)));
  socket.once("error", () => resolve(false));
});

describe.skipIf(!available)("limits shared by replicas through Redis", () => {
  const prefix = `shipshape-test:limits:${process.pid}:${Date.now()}:`;
  const log = { warn: vi.fn(), info: vi.fn() };
  let connections: KeyValueStore[] = [];
  const replica = () => {
    const store = createRedisStore({ url: `redis://${target.host}:${target.port}/9`, keyPrefix: prefix });
    connections.push(store);
    return createFallbackStorage(store, log);
  };
  let replicas: ReturnType<typeof replica>[];

  beforeAll(async () => {
    replicas = [replica(), replica(), replica()];
    const deadline = Date.now() + 5_000;
    while (!connections.every((store) => store.isReady())) {
      if (Date.now() > deadline) throw new Error("Redis did not connect");
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  });
  afterAll(async () => {
    await Promise.all(connections.map((store) => store.close()));
    connections = [];
  });

  it("locks an account on every replica after failures spread over all of them", async () => {
    let now = 5_000_000;
    const throttles = replicas.map((storage) => accountThrottle(keyValueThrottleStore(storage), () => now));
    for (let i = 0; i <= FREE_FAILURES; i += 1) await throttles[i % 3]!.failed("Ada@Example.test");
    // FREE_FAILURES + 1 failures in all: a 1 s lock, seen by the replica that counted none of the last.
    for (const throttle of throttles) expect(await throttle.check("ada@example.test")).toBe(1_000);
    now += 1_000;
    expect(await throttles[2]!.check("ada@example.test")).toBe(0);
    await throttles[1]!.succeeded("ada@example.test");
    await throttles[0]!.failed("ada@example.test");
    expect(await throttles[2]!.check("ada@example.test")).toBe(0);
    expect(log.warn).not.toHaveBeenCalled();
  });

  it("allows a learner one submit limit across replicas, not one per replica", async () => {
    const now = 7_200_000; // the start of a 60 s window
    const limiters = replicas.map((storage) =>
      createRateLimiter({ max: 4, windowMs: 60_000, store: keyValueRateLimitStore(storage, "lab-submit:"), now: () => now + 30_000 }),
    );
    const verdicts = [];
    for (let i = 0; i < 6; i += 1) verdicts.push(await limiters[i % 3]!.check("learner-1"));
    expect(verdicts.map((verdict) => verdict.ok)).toEqual([true, true, true, true, false, false]);
    expect(verdicts[4]).toEqual({ ok: false, retryAfterSeconds: 30 });
    expect(await limiters[0]!.check("learner-2")).toEqual({ ok: true });
  });
});
