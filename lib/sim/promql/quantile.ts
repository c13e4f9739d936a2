/** One classic-histogram bucket: its `le` upper bound and cumulative count. */
export type Bucket = { upperBound: number; count: number };

const SMALL_DELTA_TOLERANCE = 1e-12;

/**
 * histogram_quantile over classic buckets, following Prometheus' BucketQuantile
 * (promql/quantile.go): sort by `le`, need a +Inf bucket, merge equal bounds, force monotonic
 * counts, find the bucket holding rank q·total and interpolate linearly inside it (from 0 for the
 * lowest bucket if its bound is positive); in the +Inf bucket answer the highest finite bound.
 */
export function bucketQuantile(q: number, input: Bucket[]): number {
  if (Number.isNaN(q)) return Number.NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  const sorted = [...input].sort((a, b) => a.upperBound - b.upperBound);
  if (sorted.length === 0 || sorted.at(-1)!.upperBound !== Infinity) return Number.NaN;
  const buckets: Bucket[] = [];
  for (const bucket of sorted) {
    const last = buckets.at(-1);
    if (last && last.upperBound === bucket.upperBound) last.count += bucket.count;
    else buckets.push({ ...bucket });
  }
  ensureMonotonic(buckets);
  if (buckets.length < 2) return Number.NaN;
  const observations = buckets.at(-1)!.count;
  if (observations === 0) return Number.NaN;
  let rank = q * observations;
  let b = 0;
  // sort.Search over all but the last bucket: the first whose count reaches the rank.
  while (b < buckets.length - 1 && buckets[b]!.count < rank) b++;
  if (b === buckets.length - 1) return buckets[buckets.length - 2]!.upperBound;
  if (b === 0 && buckets[0]!.upperBound <= 0) return buckets[0]!.upperBound;
  let bucketStart = 0;
  const bucketEnd = buckets[b]!.upperBound;
  let count = buckets[b]!.count;
  if (b > 0) {
    bucketStart = buckets[b - 1]!.upperBound;
    count -= buckets[b - 1]!.count;
    rank -= buckets[b - 1]!.count;
  }
  return bucketStart + (bucketEnd - bucketStart) * (rank / count);
}

function ensureMonotonic(buckets: Bucket[]): void {
  let prev = buckets[0]!.count;
  for (let i = 1; i < buckets.length; i++) {
    const curr = buckets[i]!.count;
    if (curr === prev) continue;
    // util/almost.Equal: a relative difference below the tolerance is floating-point noise.
    const almostEqual = Math.abs(curr - prev) / (Math.abs(curr) + Math.abs(prev)) < SMALL_DELTA_TOLERANCE;
    if (almostEqual || curr < prev) {
      buckets[i]!.count = prev;
      continue;
    }
    prev = curr;
  }
}
