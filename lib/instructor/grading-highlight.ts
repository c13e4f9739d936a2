/** A character range [start, end) of the learner's text that a rubric point's phrase matched. */
export type PointRange = { start: number; end: number; pointNumber: number };

/** A run of the learner's text and the rubric points (1-based numbers) whose phrases cover it. */
export type HighlightSegment = { text: string; points: number[] };

/**
 * Cuts the text at every range boundary, so each segment is covered by one fixed set of points even
 * when phrases of different points overlap ("readiness probe" inside "readiness probe endpoint").
 * Ranges outside the text (a stale grading detail) are clipped, empty ones ignored. The UI renders
 * segments as React text nodes and <mark>s: the learner's text is never parsed as HTML.
 */
export function highlightSegments(text: string, ranges: readonly PointRange[]): HighlightSegment[] {
  const clipped = ranges
    .map((range) => ({
      start: Math.max(0, Math.min(range.start, text.length)),
      end: Math.max(0, Math.min(range.end, text.length)),
      pointNumber: range.pointNumber,
    }))
    .filter((range) => range.end > range.start);
  const cuts = new Set<number>([0, text.length]);
  for (const range of clipped) {
    cuts.add(range.start);
    cuts.add(range.end);
  }
  const boundaries = [...cuts].sort((a, b) => a - b);
  const segments: HighlightSegment[] = [];
  for (let index = 0; index + 1 < boundaries.length; index += 1) {
    const start = boundaries[index]!;
    const end = boundaries[index + 1]!;
    const points = [
      ...new Set(
        clipped.filter((range) => range.start <= start && range.end >= end).map((range) => range.pointNumber),
      ),
    ].sort((a, b) => a - b);
    const previous = segments.at(-1);
    // Adjacent cuts covered by the same points read as one highlight.
    if (previous && sameNumbers(previous.points, points)) previous.text += text.slice(start, end);
    else segments.push({ text: text.slice(start, end), points });
  }
  return segments;
}

function sameNumbers(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}
