import type { IntOrPercent } from "./schema";

/**
 * Kubernetes' fenceposts for a RollingUpdate (pkg/controller/deployment/util ResolveFenceposts):
 * a maxSurge percentage rounds up, a maxUnavailable percentage rounds down. If both come out 0
 * (only possible through rounding: explicit 0/0 fails validation), maxUnavailable becomes 1 so
 * the rollout can move at all.
 */
export function scaledValue(value: IntOrPercent, total: number, roundUp: boolean): number {
  if (typeof value === "number") return value;
  const percent = parseInt(value, 10);
  // Integer arithmetic: 25% of 6 is 150/100, exact either way.
  const scaled = percent * total;
  return roundUp ? Math.ceil(scaled / 100) : Math.floor(scaled / 100);
}

export function resolveRollingUpdate(
  replicas: number,
  maxSurge: IntOrPercent,
  maxUnavailable: IntOrPercent,
): { surge: number; unavailable: number } {
  if (isZero(maxSurge) && isZero(maxUnavailable)) {
    throw new RangeError("maxSurge and maxUnavailable may not both be 0");
  }
  const surge = scaledValue(maxSurge, replicas, true);
  const unavailable = scaledValue(maxUnavailable, replicas, false);
  if (surge === 0 && unavailable === 0) return { surge: 0, unavailable: 1 };
  return { surge, unavailable };
}

function isZero(value: IntOrPercent): boolean {
  return typeof value === "number" ? value === 0 : parseInt(value, 10) === 0;
}
