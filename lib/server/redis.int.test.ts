import net from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createFallbackStorage } from "@/lib/auth/secondary-storage";
import { startTcpProxy, type TcpProxy } from "@/lib/testing/tcp-proxy";
import { createRedisStore, type KeyValueStore } from "./redis";

// The shared Redis on this machine; our keys live under a per-run prefix in DB 9,
// and "Redis down" is a proxy we close, so other test runs are never disturbed.
const target = { host: "127.0.0.1", port: Number(process.env.TEST_REDIS_PORT ?? 6379) };

async function reachable(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(target.port, target.host);
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

const available = await reachable();
const waitFor = async (check: () => boolean, ms = 5_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe.skipIf(!available)("Redis store and the auth fallback (real Redis through a proxy)", () => {
  let proxy: TcpProxy;
  let store: KeyValueStore;
  const prefix = `shipshape-test:${process.pid}:${Date.now()}:`;

  beforeAll(async () => {
    proxy = await startTcpProxy({ target });
    store = createRedisStore({ url: `redis://127.0.0.1:${proxy.port}/9`, keyPrefix: prefix });
    await waitFor(() => store.isReady());
  });
  afterAll(async () => {
    await store?.close();
    await proxy?.close();
  });

  it("stores with a TTL and increments with a fixed window", async () => {
    await store.set("a", "1", 30);
    expect(await store.get("a")).toBe("1");
    expect(await store.getAndDelete("a")).toBe("1");
    expect(await store.get("a")).toBeNull();
    expect(await store.increment("c", 2)).toBe(1);
    expect(await store.increment("c", 2)).toBe(2);
    await new Promise((r) => setTimeout(r, 2_100));
    expect(await store.increment("c", 2)).toBe(1);
  });

  it("two replicas share one counter; during an outage each counts alone; then shared again", async () => {
    const log = { warn: vi.fn(), info: vi.fn() };
    const other = createRedisStore({ url: `redis://127.0.0.1:${proxy.port}/9`, keyPrefix: prefix });
    await waitFor(() => other.isReady());
    const replicaA = createFallbackStorage(store, log);
    const replicaB = createFallbackStorage(other, log);
    expect(await replicaA.increment("sign-in", 60)).toBe(1);
    expect(await replicaB.increment("sign-in", 60)).toBe(2);
    await replicaA.set("token", "session", 60);

    await proxy.stop();
    const startedAt = performance.now();
    expect(await replicaA.increment("sign-in", 60)).toBe(1);
    expect(await replicaB.increment("sign-in", 60)).toBe(1);
    expect(await replicaA.get("token")).toBeNull();
    await replicaA.delete("token");
    // Fails fast: no command waits for a reconnect.
    expect(performance.now() - startedAt).toBeLessThan(1_500);
    expect(replicaA.mode()).toBe("memory");
    expect(log.warn).toHaveBeenCalled();

    await proxy.start();
    await waitFor(() => store.isReady() && other.isReady(), 10_000);
    expect(await replicaA.increment("sign-in", 60)).toBe(3);
    expect(replicaA.mode()).toBe("redis");
    // The sign-out made during the outage reached Redis too.
    expect(await store.get("token")).toBeNull();
    await other.close();
  });
});
