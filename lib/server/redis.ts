import { createClient } from "redis";
import { logger } from "@/lib/observability/logger";

/**
 * The few Redis operations the app needs, behind a small interface so the
 * fallback logic (lib/auth/secondary-storage.ts) is testable without a server.
 * Every call rejects quickly when Redis is down or slow; nothing queues.
 */
export type KeyValueStore = {
  get(key: string): Promise<string | null>;
  getAndDelete(key: string): Promise<string | null>;
  set(key: string, value: string, ttlSeconds?: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** INCR; the TTL is set only when the counter is created (a fixed window). */
  increment(key: string, ttlSeconds: number): Promise<number>;
  /** True while the connection is up (cheap, no round trip). */
  isReady(): boolean;
  close(): Promise<void>;
};

export type RedisStoreOptions = {
  url: string;
  /** Prepended to every key so several apps (or test runs) can share one Redis. */
  keyPrefix: string;
  /** Per-command budget: a hung Redis must not hang sign-in. */
  commandTimeoutMs?: number;
};

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`redis ${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function createRedisStore(options: RedisStoreOptions): KeyValueStore {
  const { url, keyPrefix, commandTimeoutMs = 500 } = options;
  const log = logger().child({ component: "redis" });
  const client = createClient({
    url,
    // Fail fast while disconnected instead of queueing commands until Redis returns.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 1_000,
      // Keep trying in the background (capped back-off); callers fall back meanwhile.
      reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000),
    },
  });
  let up = false;
  client.on("ready", () => {
    if (!up) log.info("redis connected");
    up = true;
  });
  client.on("error", (error: Error) => {
    // node-redis emits an error per failed reconnect: log the transition, not every retry.
    if (up) log.warn({ err: error.message }, "redis connection lost");
    up = false;
  });
  client.on("end", () => (up = false));
  // The first connect may fail (Redis not up yet): the reconnect strategy keeps trying.
  const connecting = client.connect().catch((error: Error) => {
    log.warn({ err: error.message }, "redis not reachable at start-up");
  });

  const k = (key: string) => keyPrefix + key;
  const run = <T>(what: string, op: () => Promise<T>): Promise<T> => {
    if (!client.isReady) return Promise.reject(new Error("redis is not connected"));
    return withTimeout(op(), commandTimeoutMs, what);
  };

  return {
    get: (key) => run("GET", () => client.get(k(key))),
    getAndDelete: (key) => run("GETDEL", () => client.getDel(k(key))),
    set: (key, value, ttlSeconds) =>
      run("SET", async () => {
        if (ttlSeconds && ttlSeconds > 0)
          await client.set(k(key), value, { expiration: { type: "EX", value: Math.ceil(ttlSeconds) } });
        else await client.set(k(key), value);
      }),
    delete: (key) => run("DEL", async () => void (await client.del(k(key)))),
    increment: (key, ttlSeconds) =>
      run("INCR", async () => {
        const [count] = await client
          .multi()
          .incr(k(key))
          .expire(k(key), Math.max(1, Math.ceil(ttlSeconds)), "NX")
          .exec();
        return Number(count);
      }),
    isReady: () => client.isReady,
    close: async () => {
      await connecting;
      if (client.isOpen) await client.close().catch(() => client.destroy());
      else client.destroy();
    },
  };
}

// One client per process, shared by the Next.js bundle and our custom server
// (which closes it on shutdown), like lib/db-registry.ts.
const REDIS_KEY = Symbol.for("shipshape.redis");
type RedisHolder = { [REDIS_KEY]?: KeyValueStore | null };

/** The process's Redis store, or null when REDIS_URL is not set (single-process default). */
export function sharedRedis(): KeyValueStore | null {
  const holder = globalThis as RedisHolder;
  if (holder[REDIS_KEY] === undefined) {
    const url = process.env.REDIS_URL;
    holder[REDIS_KEY] = url
      ? createRedisStore({ url, keyPrefix: process.env.REDIS_KEY_PREFIX ?? "shipshape:" })
      : null;
  }
  return holder[REDIS_KEY];
}

export async function disconnectRedis(): Promise<void> {
  const holder = globalThis as RedisHolder;
  const store = holder[REDIS_KEY];
  delete holder[REDIS_KEY];
  await store?.close();
}
