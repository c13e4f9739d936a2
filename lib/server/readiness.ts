import { pingDb } from "@/lib/db";
import { lifecycle } from "@/lib/observability/lifecycle";
import { sharedRedis } from "./redis";

const DB_PING_TIMEOUT_MS = 1_000;

export type ReadinessCheck = { ok: boolean; ms?: number; required: boolean; impact?: string };
export type Readiness =
  | { status: "ready"; checks: Record<string, ReadinessCheck> }
  | { status: "unavailable"; reason: string; detail?: string; checks?: Record<string, ReadinessCheck> };

/**
 * May this instance receive traffic? Only dependencies whose loss stops it
 * from serving count: the database does; Redis does not (sessions fall back to
 * the database, rate limits to this process), so it is reported, never failed on:
 * failing readiness for it would take every replica out at once for no gain.
 */
export async function readiness(): Promise<Readiness> {
  if (lifecycle().shuttingDown) return { status: "unavailable", reason: "shutting down" };
  const checks: Record<string, ReadinessCheck> = {};
  const redis = sharedRedis();
  if (redis) {
    const ok = redis.isReady();
    checks.redis = ok
      ? { ok, required: false }
      : { ok, required: false, impact: "sessions read from the database; rate limits per replica" };
  }
  const startedAt = performance.now();
  try {
    await pingDb(DB_PING_TIMEOUT_MS);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    // The reason says it all; other checks are added only when there are any (Redis).
    const others = Object.keys(checks).length > 0 ? { checks } : {};
    return { status: "unavailable", reason: "database unreachable", detail, ...others };
  }
  checks.database = { ok: true, ms: Math.round(performance.now() - startedAt), required: true };
  return { status: "ready", checks };
}
