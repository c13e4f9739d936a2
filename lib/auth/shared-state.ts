import { logger } from "@/lib/observability/logger";
import { sharedRedis } from "@/lib/server/redis";
import { createFallbackStorage, type FallbackStorage } from "./secondary-storage";

const STORAGE_KEY = Symbol.for("shipshape.auth-storage");
type StorageHolder = { [STORAGE_KEY]?: FallbackStorage | null };

/** The process's auth storage: Redis with a memory fallback when REDIS_URL is set, else null. */
export function authSecondaryStorage(): FallbackStorage | null {
  const holder = globalThis as StorageHolder;
  if (holder[STORAGE_KEY] === undefined) {
    const redis = sharedRedis();
    holder[STORAGE_KEY] = redis
      ? createFallbackStorage(redis, logger().child({ component: "auth-storage" }))
      : null;
  }
  return holder[STORAGE_KEY];
}

/**
 * better-auth options for shared state across replicas (the one hook in auth.ts).
 * Without Redis: sessions in the database and rate limits in memory, as before.
 */
export function sharedStateOptions() {
  const storage = authSecondaryStorage();
  return {
    secondaryStorage: storage ?? undefined,
    rateLimitStorage: storage ? ("secondary-storage" as const) : ("memory" as const),
  };
}
