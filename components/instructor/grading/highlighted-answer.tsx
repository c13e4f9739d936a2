import { highlightSegments, type PointRange } from "@/lib/instructor/grading-highlight";

/**
 * The learner's answer with the phrases the automatic grader recognised marked, each mark labelled
 * with its rubric point numbers. Every piece is a React text node: a learner who types markup sees it
 * as text, and nothing they write is ever parsed as HTML.
 */
export function HighlightedAnswer({ text, ranges }: { text: string; ranges: PointRange[] }) {
  if (text.trim() === "") return <p className="text-fg-muted italic">The learner left this answer empty.</p>;
  return (
    <p className="rounded-lg border border-border bg-bg p-3 leading-relaxed break-words whitespace-pre-wrap">
      {highlightSegments(text, ranges).map((segment, index) =>
        segment.points.length === 0 ? (
          <span key={index}>{segment.text}</span>
        ) : (
          <mark
            key={index}
            className="rounded bg-warning-soft px-0.5 text-fg underline decoration-warning decoration-2"
          >
            {segment.text}
            <sup className="ml-0.5 font-sans text-[0.7em] font-semibold text-fg-muted">
              <span className="sr-only"> (rubric point </span>
              {segment.points.join(",")}
              <span className="sr-only">)</span>
            </sup>
          </mark>
        ),
      )}
    </p>
  );
}
