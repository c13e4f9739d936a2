export type InlineSegment = { code: boolean; text: string };

/**
 * Splits question text on `backtick` spans, as the question bank writes commands and option names.
 * An unmatched backtick stays literal text; empty spans (``) are kept as text too.
 */
export function inlineCodeSegments(text: string): InlineSegment[] {
  const segments: InlineSegment[] = [];
  const pattern = /`([^`]+)`/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    if (start > last) segments.push({ code: false, text: text.slice(last, start) });
    segments.push({ code: true, text: match[1]! });
    last = start + match[0].length;
  }
  if (last < text.length) segments.push({ code: false, text: text.slice(last) });
  return segments;
}

/** The text as a reader sees it once code spans are rendered: the backticks removed. */
export function withoutCodeMarks(text: string): string {
  return inlineCodeSegments(text)
    .map((segment) => segment.text)
    .join("");
}
