import type { InstructorReview } from "@/lib/questions/attempt-view";
import type { QuestionFeedback } from "@/lib/questions/feedback";
import type { PublicQuestion } from "@/lib/questions/public-view";
import { BLANK } from "@/lib/questions/schema";
import { pointScoreLabel } from "@/lib/grading/rubric-grade";
import { FeedbackView } from "./feedback-view";
import { InlineText } from "@/components/ui/inline-text";

function promptOf(question: PublicQuestion): string {
  switch (question.type) {
    case "fill-in":
      return question.prompt.split(BLANK).join("_____");
    case "true-false":
      return question.statement;
    default:
      return question.prompt;
  }
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * The instructor's grade, marked as theirs: score, each rubric point's score and comment, the overall
 * comment. Rendered as text: nothing an instructor or learner typed is ever interpreted as HTML.
 */
function InstructorReviewView({ review }: { review: InstructorReview }) {
  return (
    <section
      aria-label="Your instructor's grade"
      className="mt-3 rounded-lg border-l-4 border-accent bg-accent-soft p-3"
      data-testid="instructor-review"
    >
      <p className="text-sm font-semibold tracking-wide text-fg-muted uppercase">From your instructor</p>
      <p className="mt-1 font-semibold">Instructor&apos;s grade: {percent(review.score)}</p>
      {review.points && review.points.length > 0 && (
        <ul className="mt-2 space-y-2" data-testid="instructor-points">
          {review.points.map((point) => (
            <li key={point.pointId} className="rounded-md border border-border bg-bg p-2">
              <p>
                <span className="mr-1 inline-block rounded border border-border px-1.5 text-sm font-semibold">
                  {pointScoreLabel(point.score)}
                  <span className="sr-only"> marks for</span>
                </span>{" "}
                {point.point} <span className="text-sm text-fg-muted">(weight {point.weight})</span>
              </p>
              {point.comment && <p className="mt-1 whitespace-pre-wrap text-[0.95rem]">{point.comment}</p>}
            </li>
          ))}
        </ul>
      )}
      {review.comment && (
        <div className="mt-2">
          {review.points && <p className="text-sm font-semibold">Overall</p>}
          <p className="whitespace-pre-wrap">{review.comment}</p>
        </div>
      )}
    </section>
  );
}

type Props = {
  questions: PublicQuestion[];
  feedback: Record<string, QuestionFeedback>;
  reviews: Record<string, InstructorReview>;
};

/** The graded attempt: every question with the learner's answer, the key, the explanation and the lesson link. */
export function AttemptReview({ questions, feedback, reviews }: Props) {
  return (
    <ol className="mt-6 space-y-6" data-testid="attempt-review">
      {questions.map((question, index) => {
        const graded = feedback[question.id];
        const review = reviews[question.id];
        return (
          <li
            key={question.id}
            className="rounded-xl border border-border p-4"
            data-testid={`review-${question.id}`}
          >
            <h2 className="font-semibold">
              <span className="mr-2 text-fg-muted">{index + 1}.</span>
              <InlineText text={promptOf(question)} />
            </h2>
            {review && <InstructorReviewView review={review} />}
            {graded ? (
              <FeedbackView feedback={graded} reviewed={Boolean(review)} />
            ) : (
              <p className="mt-2 text-fg-muted">Not graded.</p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
