import Link from "next/link";
import type { QuestionFeedback } from "@/lib/questions/feedback";
import { InlineText } from "@/components/ui/inline-text";
import { HighlightedText } from "./highlighted-text";
import { InterviewEvidence } from "./interview-evidence";
import { StatusPill } from "./status-pill";

function Verdict({ score }: { score: number }) {
  if (score >= 1) return <StatusPill as="p" tone="success" icon="✓" label="Correct" />;
  if (score > 0)
    return (
      <StatusPill as="p" tone="warning" icon="◐" label={`Partly correct (${Math.round(score * 100)}%)`} />
    );
  return <StatusPill as="p" tone="danger" icon="✗" label="Not correct" />;
}

/** A graded answer explained: verdict (in words, not colour alone), the key, why, and where it is taught. */
export function FeedbackView({
  feedback,
  reviewed = false,
}: {
  feedback: QuestionFeedback;
  reviewed?: boolean;
}) {
  const { detail } = feedback;
  return (
    <div
      className="mt-3 space-y-3 rounded-lg border border-border bg-bg-subtle p-3 text-[0.95rem]"
      data-testid="feedback"
    >
      <Verdict score={feedback.score} />
      {detail.type === "fill-in" && (
        <ul className="space-y-1">
          {detail.blanks.map((blank, index) => (
            <li key={index}>
              Blank {index + 1}: <span className="font-mono">{blank.given || "(empty)"}</span> —{" "}
              {blank.correct ? (
                <strong className="text-success">right</strong>
              ) : (
                <>
                  <strong className="text-danger">expected</strong>{" "}
                  <span className="font-mono">{blank.expected}</span>
                  {blank.nearMiss && <span className="ml-1 text-warning">(close: check the spelling)</span>}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {detail.type === "true-false" && (
        <p>
          The statement is <strong>{detail.answer ? "true" : "false"}</strong>
          {detail.given === null
            ? "; you did not answer."
            : `; you answered ${detail.given ? "true" : "false"}.`}
        </p>
      )}
      {detail.type === "multiple-choice" && (
        <ul className="space-y-2">
          {detail.options.map((option) => (
            <li key={option.id} className="flex gap-2">
              <span aria-hidden="true" className={option.correct ? "text-success" : "text-fg-muted"}>
                {option.correct ? "✓" : "·"}
              </span>
              <span>
                <span className="font-medium">
                  <InlineText text={option.text} />
                </span>
                <span className="text-fg-muted">
                  {" "}
                  — {option.correct ? "correct" : "incorrect"}
                  {option.selected ? ", you chose it" : ""}.
                </span>{" "}
                <InlineText text={option.why} />
              </span>
            </li>
          ))}
        </ul>
      )}
      {detail.type === "interview" && (
        <div className="space-y-3">
          <div>
            <p className="font-semibold">Your answer, with the phrases we recognised marked</p>
            <p className="mt-1 whitespace-pre-wrap rounded border border-border bg-bg p-2">
              <HighlightedText text={detail.text} spans={detail.points.flatMap((point) => point.matches)} />
            </p>
          </div>
          <InterviewEvidence detail={detail} score={feedback.score} reviewed={reviewed} />
          <details>
            <summary className="cursor-pointer font-semibold">Model answer</summary>
            <p className="mt-1 whitespace-pre-wrap">{detail.modelAnswer}</p>
          </details>
        </div>
      )}
      <p>
        <InlineText text={feedback.explanation} />
      </p>
      {feedback.debatable && (
        <details className="rounded border border-border bg-bg p-2" data-testid="original-chapter-note">
          <summary className="cursor-pointer font-semibold">If you read the original chapter</summary>
          <p className="mt-1">{feedback.debatable}</p>
        </details>
      )}
      <p>
        <Link href={feedback.href} className="underline">
          Read the lesson section that teaches this
        </Link>
      </p>
    </div>
  );
}
