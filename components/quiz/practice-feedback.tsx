import Link from "next/link";
import type { PracticeFeedback } from "@/lib/questions/practice";
import { InlineText } from "@/components/ui/inline-text";
import { FeedbackView } from "./feedback-view";

function verdict(score: number): string {
  return score >= 1 ? "Correct" : score > 0 ? `Partly correct (${Math.round(score * 100)}%)` : "Not correct";
}

/**
 * One practice check as the learner may see it. Until the question is finished
 * (right, last try, or "Show answer") it says right or wrong, marks near misses and
 * gives hints; the key appears only through `revealed`.
 */
export function PracticeFeedbackView({ feedback }: { feedback: PracticeFeedback }) {
  if (feedback.revealed) {
    return (
      <div>
        <p className="mt-3 text-sm text-fg-muted" data-testid="practice-finished">
          {feedback.shown
            ? "You asked to see the answer."
            : feedback.score >= 1
              ? `Answered in ${feedback.tries} ${feedback.tries === 1 ? "try" : "tries"}.`
              : `No tries left (${feedback.maxTries} used): here is the answer.`}
        </p>
        <FeedbackView feedback={feedback.revealed} />
      </div>
    );
  }
  const left = Math.max(0, feedback.maxTries - feedback.tries);
  const tone = feedback.score > 0 ? "border-warning bg-warning-soft" : "border-danger bg-danger-soft";
  return (
    <div
      className="mt-3 space-y-2 rounded-lg border border-border bg-bg-subtle p-3 text-[0.95rem]"
      data-testid="feedback"
    >
      <p
        className={`inline-flex items-center gap-2 rounded-md border px-2 py-0.5 text-sm font-semibold ${tone}`}
      >
        <span aria-hidden="true">{feedback.score > 0 ? "◐" : "✗"}</span>
        {verdict(feedback.score)}
      </p>
      {feedback.blanks && (
        <ul className="space-y-1">
          {feedback.blanks.map((blank, index) => (
            <li key={index}>
              Blank {index + 1}:{" "}
              {blank.correct ? (
                <strong className="text-success">right</strong>
              ) : blank.nearMiss ? (
                <span className="text-warning">close: check the spelling</span>
              ) : (
                <strong className="text-danger">not right yet</strong>
              )}
            </li>
          ))}
        </ul>
      )}
      {feedback.hints.map((hint, index) => (
        <p key={index} className="rounded border-l-4 border-accent bg-accent-soft p-2 text-sm">
          <strong>Hint {index + 1}:</strong> <InlineText text={hint} />
        </p>
      ))}
      <p className="text-sm text-fg-muted" data-testid="tries-left">
        {left} {left === 1 ? "try" : "tries"} left.{" "}
        <Link href={feedback.href} className="underline">
          Read the lesson section that teaches this
        </Link>
      </p>
    </div>
  );
}
