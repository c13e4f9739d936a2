/**
 * Per-account sign-in throttle with exponential backoff, on top of the per-address
 * limit: guessing one account's password from many addresses still slows down.
 * After FREE_FAILURES failed sign-ins the account is locked for 1 s, then 2 s, 4 s…
 * up to MAX_LOCK_MS; a successful sign-in clears it. Storage sits behind a small
 * interface so a shared store (Redis) can replace the in-memory one for many replicas.
 */
export const FREE_FAILURES = 3;
export const BASE_LOCK_MS = 1_000;
export const MAX_LOCK_MS = 15 * 60_000;
/** Failures older than this are forgotten. */
export const FORGET_AFTER_MS = 60 * 60_000;

export type ThrottleEntry = { failures: number; lockedUntil: number; lastFailure: number };

export interface ThrottleStore {
  get(key: string): Promise<ThrottleEntry | null>;
  set(key: string, entry: ThrottleEntry, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
}

/** How long the account stays locked after its `failures`-th failure (0 while failures are free). */
export function lockMsAfter(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(BASE_LOCK_MS * 2 ** (failures - FREE_FAILURES - 1), MAX_LOCK_MS);
}

/** The entry after one more failure at `now` (old failures forgotten first). */
export function afterFailure(entry: ThrottleEntry | null, now: number): ThrottleEntry {
  const previous = entry && now - entry.lastFailure < FORGET_AFTER_MS ? entry.failures : 0;
  const failures = previous + 1;
  return { failures, lockedUntil: now + lockMsAfter(failures), lastFailure: now };
}

/** Milliseconds until the account may try again (0 = now). */
export function retryAfterMs(entry: ThrottleEntry | null, now: number): number {
  return entry ? Math.max(0, entry.lockedUntil - now) : 0;
}

/** Single-process default. Bounded: the oldest keys go first when it is full. */
export function memoryThrottleStore(maxKeys = 50_000): ThrottleStore {
  const entries = new Map<string, { entry: ThrottleEntry; expires: number }>();
  return {
    async get(key) {
      const found = entries.get(key);
      if (!found) return null;
      if (found.expires <= Date.now()) {
        entries.delete(key);
        return null;
      }
      return found.entry;
    },
    async set(key, entry, ttlMs) {
      entries.delete(key);
      if (entries.size >= maxKeys) entries.delete(entries.keys().next().value!);
      entries.set(key, { entry, expires: Date.now() + ttlMs });
    },
    async delete(key) {
      entries.delete(key);
    },
  };
}

/** The few calls a shared store needs: better-auth's secondary storage (Redis with its fallback) has them. */
export type KeyValue = {
  get(key: string): unknown;
  set(key: string, value: string, ttlSeconds?: number): unknown;
  delete(key: string): unknown;
};

/**
 * Shared across replicas: the entry as JSON under one key with a TTL. Read-modify-write is not
 * atomic, so two replicas failing the same account in the same instant may count one failure
 * once; the next failure still locks it, which is all a throttle has to do.
 */
export function keyValueThrottleStore(storage: KeyValue, prefix = "account-throttle:"): ThrottleStore {
  return {
    async get(key) {
      const raw = await storage.get(prefix + key);
      if (typeof raw !== "string") return null;
      try {
        const entry = JSON.parse(raw) as ThrottleEntry;
        return Number.isFinite(entry.failures) && Number.isFinite(entry.lockedUntil) ? entry : null;
      } catch {
        return null;
      }
    },
    async set(key, entry, ttlMs) {
      await storage.set(prefix + key, JSON.stringify(entry), Math.ceil(ttlMs / 1000));
    },
    async delete(key) {
      await storage.delete(prefix + key);
    },
  };
}

export type AccountThrottle = {
  /** Milliseconds to wait before this account may try again. */
  check(account: string): Promise<number>;
  failed(account: string): Promise<void>;
  succeeded(account: string): Promise<void>;
};

export function accountThrottle(store: ThrottleStore, clock: () => number = Date.now): AccountThrottle {
  const key = (account: string) => `signin:${account.trim().toLowerCase()}`;
  return {
    async check(account) {
      return retryAfterMs(await store.get(key(account)), clock());
    },
    async failed(account) {
      const next = afterFailure(await store.get(key(account)), clock());
      await store.set(key(account), next, FORGET_AFTER_MS + MAX_LOCK_MS);
    },
    async succeeded(account) {
      await store.delete(key(account));
    },
  };
}
