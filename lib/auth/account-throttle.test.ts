import { describe, expect, it } from "vitest";
import {
  accountThrottle,
  afterFailure,
  FORGET_AFTER_MS,
  FREE_FAILURES,
  keyValueThrottleStore,
  lockMsAfter,
  MAX_LOCK_MS,
  memoryThrottleStore,
} from "./account-throttle";

describe("per-account sign-in backoff", () => {
  it("lets the first failures through, then doubles the lock up to the cap", () => {
    expect(Array.from({ length: FREE_FAILURES }, (_, i) => lockMsAfter(i + 1))).toEqual([0, 0, 0]);
    expect(lockMsAfter(FREE_FAILURES + 1)).toBe(1_000);
    expect(lockMsAfter(FREE_FAILURES + 2)).toBe(2_000);
    expect(lockMsAfter(FREE_FAILURES + 5)).toBe(16_000);
    expect(lockMsAfter(100)).toBe(MAX_LOCK_MS);
  });

  it("forgets failures after an hour without one", () => {
    const old = { failures: 9, lockedUntil: 0, lastFailure: 0 };
    expect(afterFailure(old, FORGET_AFTER_MS + 1).failures).toBe(1);
    expect(afterFailure(old, 10).failures).toBe(10);
  });

  it("locks the account whatever address the guesses come from, and a success clears it", async () => {
    let now = 1_000_000;
    const throttle = accountThrottle(memoryThrottleStore(), () => now);
    for (let i = 0; i < FREE_FAILURES; i += 1) {
      expect(await throttle.check("Ann@Example.test")).toBe(0);
      await throttle.failed("ann@example.test");
    }
    expect(await throttle.check("ann@example.test")).toBe(0);
    await throttle.failed("ann@example.test");
    expect(await throttle.check("ANN@example.test ")).toBe(1_000);
    expect(await throttle.check("bob@example.test")).toBe(0);
    now += 1_000;
    expect(await throttle.check("ann@example.test")).toBe(0);
    await throttle.failed("ann@example.test");
    expect(await throttle.check("ann@example.test")).toBe(2_000);
    await throttle.succeeded("ann@example.test");
    expect(await throttle.check("ann@example.test")).toBe(0);
  });

  it("keeps the memory store bounded", async () => {
    const store = memoryThrottleStore(2);
    await store.set("a", { failures: 1, lockedUntil: 0, lastFailure: 0 }, 60_000);
    await store.set("b", { failures: 1, lockedUntil: 0, lastFailure: 0 }, 60_000);
    await store.set("c", { failures: 1, lockedUntil: 0, lastFailure: 0 }, 60_000);
    expect(await store.get("a")).toBeNull();
    expect(await store.get("c")).not.toBeNull();
  });
});

describe("the shared (key-value) throttle store", () => {
  it("keeps entries as JSON with a TTL in seconds, and ignores what it cannot read", async () => {
    const values = new Map<string, string>();
    const ttls: (number | undefined)[] = [];
    const store = keyValueThrottleStore({
      get: (key) => values.get(key) ?? null,
      set: (key, value, ttlSeconds) => {
        values.set(key, value);
        ttls.push(ttlSeconds);
      },
      delete: (key) => values.delete(key),
    });
    const entry = { failures: 4, lockedUntil: 2_000, lastFailure: 1_000 };
    await store.set("signin:ada", entry, 1_500);
    expect(values.get("account-throttle:signin:ada")).toBe(JSON.stringify(entry));
    expect(ttls).toEqual([2]);
    expect(await store.get("signin:ada")).toEqual(entry);
    values.set("account-throttle:signin:bad", "{not json");
    values.set("account-throttle:signin:odd", JSON.stringify({ failures: "many" }));
    expect(await store.get("signin:bad")).toBeNull();
    expect(await store.get("signin:odd")).toBeNull();
    await store.delete("signin:ada");
    expect(await store.get("signin:ada")).toBeNull();
  });
});
