import type { QuestionFeedback } from "@/lib/questions/feedback";
import { HighlightedText } from "./highlighted-text";
import { StatusPill, type Tone } from "./status-pill";

type InterviewDetail = Extract<QuestionFeedback["detail"], { type: "interview" }>;
type Point = InterviewDetail["points"][number];
type Status = NonNullable<Point["status"]>;

// Words and a symbol for every status, so nothing is told by colour alone.
const STATUS: Record<Status, { label: string; icon: string; tone: Tone }> = {
  explained: { label: "Found", icon: "✓", tone: "success" },
  stated: { label: "Stated without a reason", icon: "◐", tone: "warning" },
  named: { label: "Only named in a list", icon: "◐", tone: "warning" },
  contradicted: { label: "Advised against", icon: "✗", tone: "danger" },
  missing: { label: "Not found", icon: "✗", tone: "neutral" },
};

/** Feedback stored before evidence was reported has only `covered`. */
const statusOf = (point: Point): Status => point.status ?? (point.covered ? "explained" : "missing");

/** The sentence that earned or cost a point, its recognised words marked; text nodes only, never HTML. */
export function EvidenceQuote({ text, point }: { text: string; point: Point }) {
  const evidence = point.evidence;
  if (!evidence) return null;
  const sentence = text.slice(evidence.start, evidence.end) || evidence.text;
  const inside = point.matches
    .filter((match) => match.start >= evidence.start && match.end <= evidence.end)
    .map((match) => ({ start: match.start - evidence.start, end: match.end - evidence.start }));
  return (
    <blockquote
      className="mt-1 border-l-4 border-border pl-2 text-[0.95rem] break-words"
      data-testid="evidence"
    >
      {statusOf(point) === "contradicted" && (
        <span className="font-semibold">This sentence says the opposite: </span>
      )}
      <HighlightedText text={sentence} spans={inside} />
    </blockquote>
  );
}

export function PointStatusBadge({ point }: { point: Point }) {
  return <StatusPill {...STATUS[statusOf(point)]} />;
}

/**
 * Which rubric points the automatic check found, and the sentence that earned each. The score is
 * provisional: an instructor's grade replaces it.
 */
export function InterviewEvidence({
  detail,
  score,
  reviewed,
}: {
  detail: InterviewDetail;
  score: number;
  reviewed: boolean;
}) {
  return (
    <section
      aria-label="What the automatic check found"
      className="space-y-2"
      data-testid="interview-evidence"
    >
      <p>
        <span className="font-semibold">
          {reviewed ? "Automatic score" : "Provisional score"}: {Math.round(score * 100)}%
        </span>{" "}
        <span className="text-fg-muted">
          {reviewed
            ? "— your instructor's grade above is the one that counts."
            : "— an automatic check; it stays provisional until your instructor grades this answer."}
        </span>
      </p>
      {detail.listOfTerms && (
        <p className="rounded border-l-4 border-warning bg-warning-soft p-2" data-testid="list-of-terms">
          <strong>Read as a list of terms, not an explanation.</strong> Naming a term earns little; say what
          it does and why, in a sentence, and the point counts in full.
        </p>
      )}
      <ul className="space-y-2">
        {detail.points.map((point) => (
          <li
            key={point.id}
            className="rounded-md border border-border bg-bg p-2"
            data-testid={`point-${point.id}`}
          >
            <p>
              <PointStatusBadge point={point} /> {point.point}{" "}
              <span className="text-sm text-fg-muted">(weight {point.weight})</span>
            </p>
            <EvidenceQuote text={detail.text} point={point} />
          </li>
        ))}
      </ul>
    </section>
  );
}
