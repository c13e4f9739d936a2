/**
 * A fixed-window limit per key (here: lab submits per user). The counts live behind
 * `RateLimitStore`: in memory for one process, in Redis (through the auth storage and its
 * fallback) for many replicas.
 */
export interface RateLimitStore {
  /** Counts one hit for `key` in the window that contains `nowMs`; returns the count and when it resets. */
  hit(key: string, windowMs: number, nowMs: number): Promise<{ count: number; resetAtMs: number }>;
}

export type RateLimitVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

export function memoryRateLimitStore(maxKeys = 10_000): RateLimitStore {
  const windows = new Map<string, { count: number; resetAtMs: number }>();
  return {
    async hit(key, windowMs, nowMs) {
      let entry = windows.get(key);
      if (!entry || entry.resetAtMs <= nowMs) {
        // Keep the map bounded: drop expired windows first, then the oldest.
        if (windows.size >= maxKeys) {
          for (const [other, value] of windows) if (value.resetAtMs <= nowMs) windows.delete(other);
          if (windows.size >= maxKeys) windows.delete(windows.keys().next().value!);
        }
        entry = { count: 0, resetAtMs: nowMs + windowMs };
        windows.set(key, entry);
      }
      entry.count += 1;
      return { ...entry };
    },
  };
}

/**
 * Shared across replicas: one INCR counter per key and window (the window's index is in the key,
 * so every replica agrees on where a window starts), expiring with the window.
 */
export function keyValueRateLimitStore(
  storage: { increment(key: string, ttlSeconds: number): Promise<number> | number },
  prefix: string,
): RateLimitStore {
  return {
    async hit(key, windowMs, nowMs) {
      const window = Math.floor(nowMs / windowMs);
      const count = await storage.increment(`${prefix}${key}:${window}`, Math.ceil(windowMs / 1000));
      return { count, resetAtMs: (window + 1) * windowMs };
    },
  };
}

export function createRateLimiter(options: {
  max: number;
  windowMs: number;
  store: RateLimitStore;
  now?: () => number;
}) {
  const now = options.now ?? Date.now;
  return {
    async check(key: string): Promise<RateLimitVerdict> {
      const at = now();
      const { count, resetAtMs } = await options.store.hit(key, options.windowMs, at);
      if (count <= options.max) return { ok: true };
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((resetAtMs - at) / 1000)) };
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
