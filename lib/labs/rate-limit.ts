/**
 * A fixed-window limit per key (here: lab submits per user). The counts live behind
 * `RateLimitStore`, so they can move to Redis for many replicas without touching callers.
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
