/** Order ids kept as sorted, disjoint, inclusive ranges: a day of orders costs a few numbers. */
export type IdRanges = ReadonlyArray<readonly [number, number]>;

export function addRange(ranges: IdRanges, from: number, to: number): IdRanges {
  if (to < from) return ranges;
  const last = ranges.at(-1);
  if (last && last[1] + 1 === from) return [...ranges.slice(0, -1), [last[0], to]];
  return [...ranges, [from, to]];
}

export function countIds(ranges: IdRanges): number {
  return ranges.reduce((sum, [from, to]) => sum + (to - from + 1), 0);
}

/** Ids in `ranges` that are ≤ `upTo`. */
export function upTo(ranges: IdRanges, limit: number): IdRanges {
  const out: Array<readonly [number, number]> = [];
  for (const [from, to] of ranges) {
    if (from > limit) break;
    out.push([from, Math.min(to, limit)]);
  }
  return out;
}

/** Ids in (after, limit]. */
export function between(ranges: IdRanges, after: number, limit: number): IdRanges {
  const out: Array<readonly [number, number]> = [];
  for (const [from, to] of ranges) {
    const a = Math.max(from, after + 1);
    const b = Math.min(to, limit);
    if (a <= b) out.push([a, b]);
  }
  return out;
}

export function lastId(ranges: IdRanges): number {
  return ranges.at(-1)?.[1] ?? 0;
}

/** How many ids of `wanted` are missing from `have`. */
export function missingCount(wanted: IdRanges, have: IdRanges): number {
  let missing = 0;
  for (const [from, to] of wanted) {
    let covered = 0;
    for (const [a, b] of have) {
      const lo = Math.max(a, from);
      const hi = Math.min(b, to);
      if (lo <= hi) covered += hi - lo + 1;
    }
    missing += to - from + 1 - covered;
  }
  return missing;
}
