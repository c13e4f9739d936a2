/** A character span [start, end) of an answer to mark. */
export type Span = { start: number; end: number };

/**
 * Splits text into plain and highlighted runs for display (overlapping spans merged). Kept apart from
 * the grader so client components can use it without pulling the language model into the browser.
 */
export function highlightRuns(
  text: string,
  spans: readonly Span[],
): Array<{ text: string; highlighted: boolean }> {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ start: span.start, end: span.end });
  }
  const runs: Array<{ text: string; highlighted: boolean }> = [];
  let cursor = 0;
  for (const span of merged) {
    if (span.start > cursor) runs.push({ text: text.slice(cursor, span.start), highlighted: false });
    runs.push({ text: text.slice(span.start, span.end), highlighted: true });
    cursor = span.end;
  }
  if (cursor < text.length) runs.push({ text: text.slice(cursor), highlighted: false });
  return runs;
}
