import { describe, expect, it } from "vitest";
import { createRateLimiter, keyValueRateLimitStore, memoryRateLimitStore } from "./rate-limit";

describe("lab submit rate limit", () => {
  it("allows max hits per window and key, then says when to come back", async () => {
    let now = 1_000_000;
    const limiter = createRateLimiter({ max: 3, windowMs: 60_000, store: memoryRateLimitStore(), now: () => now });
    for (let i = 0; i < 3; i += 1) expect(await limiter.check("ada")).toEqual({ ok: true });
    expect(await limiter.check("ada")).toEqual({ ok: false, retryAfterSeconds: 60 });
    // Another user has their own window.
    expect(await limiter.check("grace")).toEqual({ ok: true });
    now += 45_500;
    expect(await limiter.check("ada")).toEqual({ ok: false, retryAfterSeconds: 15 });
    now += 15_000;
    expect(await limiter.check("ada")).toEqual({ ok: true });
  });

  it("keeps its memory bounded", async () => {
    const store = memoryRateLimitStore(2);
    await store.hit("a", 1_000, 0);
    await store.hit("b", 1_000, 0);
    await store.hit("c", 1_000, 0);
    // "a" was dropped to make room, so it starts a new window.
    expect(await store.hit("a", 1_000, 0)).toEqual({ count: 1, resetAtMs: 1_000 });
  });
});

describe("the shared (key-value) submit limit store", () => {
  it("counts per key and aligned window, and says when the window resets", async () => {
    const counters = new Map<string, number>();
    const ttls: number[] = [];
    const store = keyValueRateLimitStore(
      {
        increment: (key, ttlSeconds) => {
          ttls.push(ttlSeconds);
          counters.set(key, (counters.get(key) ?? 0) + 1);
          return counters.get(key)!;
        },
      },
      "lab-submit:",
    );
    expect(await store.hit("ada", 60_000, 125_000)).toEqual({ count: 1, resetAtMs: 180_000 });
    expect(await store.hit("ada", 60_000, 179_999)).toEqual({ count: 2, resetAtMs: 180_000 });
    expect(await store.hit("ada", 60_000, 180_000)).toEqual({ count: 1, resetAtMs: 240_000 });
    expect(await store.hit("grace", 60_000, 180_000)).toEqual({ count: 1, resetAtMs: 240_000 });
    expect([...counters.keys()]).toEqual(["lab-submit:ada:2", "lab-submit:ada:3", "lab-submit:grace:3"]);
    expect(ttls.every((ttl) => ttl === 60)).toBe(true);
  });
});
