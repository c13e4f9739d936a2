import { PromQLError } from "./types";

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  y: 31_536_000_000,
};

/**
 * A PromQL duration ("5m", "1h30m", "500ms") in milliseconds. Units must come largest first,
 * each at most once, as in Prometheus' model.ParseDuration; a bare number means seconds.
 */
export function parseDuration(text: string): number {
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const parts = [...text.matchAll(/(\d+)(ms|y|w|d|h|m|s)/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join("") !== text)
    throw new PromQLError(`not a duration: "${text}" (use e.g. 30s, 5m, 1h30m)`);
  const order = ["y", "w", "d", "h", "m", "s", "ms"];
  let last = -1;
  let total = 0;
  for (const [, amount, unit] of parts) {
    const index = order.indexOf(unit!);
    if (index <= last) throw new PromQLError(`units out of order in duration "${text}"`);
    last = index;
    total += Number(amount) * UNIT_MS[unit!]!;
  }
  return total;
}
