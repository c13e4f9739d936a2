import type { BetterAuthOptions } from "better-auth";
import type { Logger } from "pino";
import type { KeyValueStore } from "@/lib/server/redis";

/**
 * better-auth's secondary storage (sessions and rate-limit counters) on Redis,
 * so every replica sees the same sessions and one sign-in limit, with a
 * per-process memory fallback while Redis is unreachable:
 * - sessions are also kept in the database (`storeSessionInDatabase`), so a
 *   miss here reads the database: nobody is signed out when Redis drops;
 * - rate-limit counters count in this process's memory: limits stay enforced,
 *   per replica, until Redis is back;
 * - keys deleted during the outage (sign-outs, revocations) are deleted from
 *   Redis again once it answers, so a stale cached session cannot come back.
 */
type SecondaryStorage = NonNullable<BetterAuthOptions["secondaryStorage"]>;

export type FallbackStorage = SecondaryStorage & {
  /** "redis" while the last Redis call worked, "memory" during an outage, "memory-only" without Redis. */
  mode(): "redis" | "memory" | "memory-only";
};

type Entry = { value: string; expiresAt: number };

export function createFallbackStorage(
  primary: KeyValueStore | null,
  log: Pick<Logger, "warn" | "info">,
  now: () => number = Date.now,
): FallbackStorage {
  const memory = new Map<string, Entry>();
  const deletedDuringOutage = new Set<string>();
  let degraded = false;

  const readMemory = (key: string): string | null => {
    const entry = memory.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= now()) {
      memory.delete(key);
      return null;
    }
    return entry.value;
  };
  const writeMemory = (key: string, value: string, ttlSeconds?: number) => {
    // Bounded: an outage must not grow the heap without limit.
    if (memory.size > 50_000) memory.clear();
    memory.set(key, { value, expiresAt: ttlSeconds ? now() + ttlSeconds * 1000 : Infinity });
  };

  const wentDown = (error: unknown) => {
    if (degraded) return;
    degraded = true;
    log.warn(
      { err: error instanceof Error ? error.message : String(error) },
      "redis unavailable: sessions fall back to the database, rate limits count per replica",
    );
  };
  const cameBack = async () => {
    if (!degraded) return;
    degraded = false;
    const stale = [...deletedDuringOutage];
    deletedDuringOutage.clear();
    await Promise.all(stale.map((key) => primary!.delete(key).catch(() => deletedDuringOutage.add(key))));
    log.info({ replayedDeletes: stale.length }, "redis back: shared sessions and rate limits again");
  };

  /** Runs the Redis operation; on failure runs the memory one and remembers the outage. */
  async function attempt<T>(op: (store: KeyValueStore) => Promise<T>, fallback: () => T): Promise<T> {
    if (!primary) return fallback();
    try {
      const result = await op(primary);
      await cameBack();
      return result;
    } catch (error) {
      wentDown(error);
      return fallback();
    }
  }

  return {
    get: (key) =>
      attempt(
        (s) => s.get(key),
        () => readMemory(key),
      ),
    getAndDelete: (key) =>
      attempt(
        (s) => s.getAndDelete(key),
        () => {
          const value = readMemory(key);
          memory.delete(key);
          return value;
        },
      ),
    set: (key, value, ttl) =>
      attempt(
        (s) => s.set(key, value, ttl),
        () => writeMemory(key, value, ttl),
      ),
    delete: (key) =>
      attempt(
        (s) => s.delete(key),
        () => {
          memory.delete(key);
          deletedDuringOutage.add(key);
        },
      ),
    increment: (key, ttl) =>
      attempt(
        (s) => s.increment(key, ttl),
        () => {
          const next = Number(readMemory(key) ?? 0) + 1;
          const expiresAt = memory.get(key)?.expiresAt;
          if (expiresAt && expiresAt !== Infinity) memory.set(key, { value: String(next), expiresAt });
          else writeMemory(key, String(next), ttl);
          return next;
        },
      ),
    mode: () => (!primary ? "memory-only" : degraded ? "memory" : "redis"),
  };
}
