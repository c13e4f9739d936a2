import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Who may read /api/metrics: nobody when METRICS_TOKEN is unset (the endpoint is
 * "not found"), else only requests with `Authorization: Bearer <token>`.
 * Compared in constant time (as hashes, so lengths do not leak either).
 */
export function metricsAccess(
  token: string | undefined,
  authorization: string | null,
): "ok" | "disabled" | "denied" {
  if (!token) return "disabled";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match) return "denied";
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(match[1]!), digest(token)) ? "ok" : "denied";
}
