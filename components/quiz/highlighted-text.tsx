import { highlightRuns, type Span } from "@/lib/grading/highlight";

/** Text with the given spans marked; text nodes only, never HTML. */
export function HighlightedText({ text, spans }: { text: string; spans: readonly Span[] }) {
  return highlightRuns(text, spans).map((run, index) =>
    run.highlighted ? (
      <mark
        key={index}
        className="rounded bg-warning-soft px-0.5 text-fg underline decoration-warning decoration-2"
      >
        {run.text}
      </mark>
    ) : (
      <span key={index}>{run.text}</span>
    ),
  );
}
