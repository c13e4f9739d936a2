/**
 * Descriptive statistics over plain arrays. Spread is always the SAMPLE variance (divide by n − 1):
 * a cohort is a sample of the learners a quiz is meant for, and the same choice runs through the
 * quiz standard deviation and Cronbach's alpha, so the figures agree with each other (and with
 * spreadsheet STDEV.S / VAR.S). Anything that needs at least two values returns null below that.
 */

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** The middle value; with an even count, the mean of the two middle values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Σ(x − x̄)² / (n − 1); null for fewer than two values. */
export function sampleVariance(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const average = mean(values)!;
  const squares = values.reduce((sum, value) => sum + (value - average) ** 2, 0);
  return squares / (values.length - 1);
}

export function sampleStandardDeviation(values: readonly number[]): number | null {
  const variance = sampleVariance(values);
  return variance === null ? null : Math.sqrt(variance);
}

/**
 * Pearson's r. Null when there are fewer than two pairs or either side does not vary: a correlation
 * with a constant is 0/0, not zero.
 */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length) throw new Error("pearson needs two lists of the same length");
  if (xs.length < 2) return null;
  const meanX = mean(xs)!;
  const meanY = mean(ys)!;
  let products = 0;
  let squaresX = 0;
  let squaresY = 0;
  xs.forEach((x, index) => {
    const dx = x - meanX;
    const dy = ys[index]! - meanY;
    products += dx * dy;
    squaresX += dx * dx;
    squaresY += dy * dy;
  });
  // Below this, the spread is floating-point noise from values that are really all equal.
  if (squaresX < 1e-12 || squaresY < 1e-12) return null;
  return products / Math.sqrt(squaresX * squaresY);
}
