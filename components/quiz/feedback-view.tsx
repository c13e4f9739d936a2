import Link from "next/link";
import { highlightRuns } from "@/lib/grading/highlight";
import type { QuestionFeedback } from "@/lib/questions/feedback";
import { InlineText } from "@/components/ui/inline-text";
import { InterviewEvidence } from "./interview-evidence";

function Verdict({ score }: { score: number }) {
  const label =
    score >= 1 ? "Correct" : score > 0 ? `Partly correct (${Math.round(score * 100)}%)` : "Not correct";
  const tone =
    score >= 1
      ? "border-success bg-success-soft"
      : score > 0
        ? "border-warning bg-warning-soft"
        : "border-danger bg-danger-soft";
  const icon = score >= 1 ? "✓" : score > 0 ? "◐" : "✗";
  return (
    <p
      className={`inline-flex items-center gap-2 rounded-md border px-2 py-0.5 text-sm font-semibold ${tone}`}
    >
      <span aria-hidden="true">{icon}</span>
      {label}
    </p>
  );
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
              {highlightRuns(
                detail.text,
                detail.points.flatMap((point) => point.matches.map((match) => ({ ...match, phrase: "" }))),
              ).map((run, index) =>
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
              )}
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
        // Notes on the source chapter's answer key stay folded away, as in the lessons.
        <details className="rounded border border-border p-2">
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
