import { describe, expect, it, vi } from "vitest";
import type { KeyValueStore } from "@/lib/server/redis";
import { createFallbackStorage } from "./secondary-storage";

/** A Redis stand-in that can be switched off, to exercise the fallback logic alone. */
function switchableStore() {
  const data = new Map<string, string>();
  let up = true;
  const guard = () => {
    if (!up) throw new Error("connection refused");
  };
  const store: KeyValueStore = {
    get: async (key) => (guard(), data.get(key) ?? null),
    getAndDelete: async (key) => {
      guard();
      const value = data.get(key) ?? null;
      data.delete(key);
      return value;
    },
    set: async (key, value) => void (guard(), data.set(key, value)),
    delete: async (key) => void (guard(), data.delete(key)),
    increment: async (key) => {
      guard();
      const next = Number(data.get(key) ?? 0) + 1;
      data.set(key, String(next));
      return next;
    },
    isReady: () => up,
    close: async () => {},
  };
  return { store, data, down: () => (up = false), up: () => (up = true) };
}

const quietLog = () => ({ warn: vi.fn(), info: vi.fn() });

describe("auth secondary storage with a memory fallback", () => {
  it("uses Redis while it answers", async () => {
    const redis = switchableStore();
    const storage = createFallbackStorage(redis.store, quietLog());
    await storage.set("session-token", "{}", 60);
    expect(redis.data.get("session-token")).toBe("{}");
    expect(await storage.get("session-token")).toBe("{}");
    expect(await storage.increment("rl", 60)).toBe(1);
    expect(await storage.increment("rl", 60)).toBe(2);
    expect(storage.mode()).toBe("redis");
  });

  it("counts rate limits in memory during an outage, logging it once", async () => {
    const redis = switchableStore();
    const log = quietLog();
    const storage = createFallbackStorage(redis.store, log);
    redis.down();
    const counts = [];
    for (let i = 0; i < 6; i++) counts.push(await storage.increment("sign-in|1.2.3.4", 60));
    expect(counts).toEqual([1, 2, 3, 4, 5, 6]);
    expect(storage.mode()).toBe("memory");
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(log.warn.mock.calls[0]![1]).toMatch(/rate limits count per replica/);
  });

  it("misses (so better-auth reads the database) instead of throwing when Redis is down", async () => {
    const redis = switchableStore();
    const storage = createFallbackStorage(redis.store, quietLog());
    await storage.set("token-a", "cached", 60);
    redis.down();
    await expect(storage.get("token-a")).resolves.toBeNull();
  });

  it("expires memory counters after their window", async () => {
    let now = 1_000_000;
    const redis = switchableStore();
    const storage = createFallbackStorage(redis.store, quietLog(), () => now);
    redis.down();
    expect(await storage.increment("k", 10)).toBe(1);
    expect(await storage.increment("k", 10)).toBe(2);
    now += 10_001;
    expect(await storage.increment("k", 10)).toBe(1);
  });

  it("replays deletes made during the outage once Redis is back (no resurrected sessions)", async () => {
    const redis = switchableStore();
    const log = quietLog();
    const storage = createFallbackStorage(redis.store, log);
    await storage.set("signed-out-token", "{session}", 60);
    redis.down();
    await storage.delete("signed-out-token");
    expect(redis.data.has("signed-out-token")).toBe(true);
    redis.up();
    expect(await storage.get("anything")).toBeNull();
    expect(redis.data.has("signed-out-token")).toBe(false);
    expect(await storage.get("signed-out-token")).toBeNull();
    expect(storage.mode()).toBe("redis");
    expect(log.info).toHaveBeenCalledWith({ replayedDeletes: 1 }, expect.stringMatching(/redis back/));
  });

  it("is memory-only without Redis", async () => {
    const storage = createFallbackStorage(null, quietLog());
    await storage.set("a", "1");
    expect(await storage.get("a")).toBe("1");
    expect(await storage.getAndDelete("a")).toBe("1");
    expect(await storage.get("a")).toBeNull();
    expect(storage.mode()).toBe("memory-only");
  });
});
