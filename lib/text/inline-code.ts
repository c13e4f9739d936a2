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

export type PromptPiece = { kind: "text"; code: boolean; text: string } | { kind: "blank"; index: number };

/**
 * A fill-in prompt as text, code and blanks in reading order. Code spans are found over the whole
 * prompt first, so a blank inside a command (`trivy image ___ --severity …`) keeps the command's
 * code type on both sides of the input.
 */
export function promptPieces(prompt: string, blank: string): PromptPiece[] {
  const pieces: PromptPiece[] = [];
  let blanks = 0;
  for (const segment of inlineCodeSegments(prompt)) {
    segment.text.split(blank).forEach((text, position) => {
      if (position > 0) pieces.push({ kind: "blank", index: blanks++ });
      if (text !== "") pieces.push({ kind: "text", code: segment.code, text });
    });
  }
  return pieces;
}
