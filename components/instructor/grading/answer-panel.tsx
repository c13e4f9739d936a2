import type { GradingItem } from "@/lib/instructor/grading";
import { GRADING_FOCUS_ID } from "./focus-after-grading";
import { formatWhen } from "./format";
import { HighlightedAnswer } from "./highlighted-answer";
import { InlineText } from "@/components/ui/inline-text";
import { EvidenceQuote, PointStatusBadge } from "@/components/quiz/interview-evidence";

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** The open answer: question, learner, the text with recognised phrases marked and the automatic coverage beside it. */
export function AnswerPanel({ item }: { item: GradingItem }) {
  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm text-fg-muted">{item.quizTitle}</p>
        <h2 id={GRADING_FOCUS_ID} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
          <InlineText text={item.prompt} />
        </h2>
        <p className="mt-1 text-sm text-fg-muted">
          <span className="font-medium text-fg">{item.learnerName}</span> · submitted{" "}
          <time dateTime={item.submittedAt.toISOString()}>{formatWhen(item.submittedAt)}</time>
          {item.grade && (
            <>
              {" "}
              · <span className="font-medium text-fg">graded {percent(item.grade.score)}</span>
            </>
          )}
        </p>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <section aria-labelledby="learner-answer-heading">
          <h3 id="learner-answer-heading" className="text-sm font-semibold">
            The learner&apos;s answer
          </h3>
          <div className="mt-1" data-testid="learner-answer">
            <HighlightedAnswer text={item.text} ranges={item.ranges} />
          </div>
          <p className="mt-1 text-xs text-fg-muted">
            Marked: phrases the automatic grader recognised; the small number is the rubric point.
          </p>
        </section>
        <section aria-labelledby="coverage-heading">
          <h3 id="coverage-heading" className="text-sm font-semibold">
            Automatic rubric coverage
            {item.autoScore !== null && (
              <span className="font-normal text-fg-muted"> · {percent(item.autoScore)}</span>
            )}
          </h3>
          {item.listOfTerms && (
            <p
              className="mt-1 rounded border-l-4 border-warning bg-warning-soft p-2 text-sm"
              data-testid="list-of-terms"
            >
              Read as a list of terms, not an explanation: the automatic score is capped.
            </p>
          )}
          <ol className="mt-1 space-y-2 text-sm" data-testid="rubric-coverage">
            {item.points.map((point) => (
              <li key={point.id} className="rounded-md border border-border p-2">
                <p>
                  <span className="font-semibold">{point.number}.</span> <PointStatusBadge point={point} />{" "}
                  {point.point} <span className="text-fg-muted">(weight {point.weight})</span>
                </p>
                <EvidenceQuote text={item.text} point={point} />
              </li>
            ))}
          </ol>
        </section>
      </div>
      <details className="rounded-lg border border-border p-3">
        <summary className="cursor-pointer font-semibold">Model answer</summary>
        <p className="mt-2 whitespace-pre-wrap">{item.modelAnswer}</p>
      </details>
    </div>
  );
}
