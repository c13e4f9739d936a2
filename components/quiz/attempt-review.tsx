import type { InstructorReview } from "@/lib/questions/attempt-view";
import type { QuestionFeedback } from "@/lib/questions/feedback";
import type { PublicQuestion } from "@/lib/questions/public-view";
import { BLANK } from "@/lib/questions/schema";
import { FeedbackView } from "./feedback-view";

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
        return (
          <li
            key={question.id}
            className="rounded-xl border border-border p-4"
            data-testid={`review-${question.id}`}
          >
            <h2 className="font-semibold">
              <span className="mr-2 text-fg-muted">{index + 1}.</span>
              {promptOf(question)}
            </h2>
            {reviews[question.id] && (
              <div
                className="mt-3 rounded-lg border-l-4 border-accent bg-accent-soft p-3"
                data-testid="instructor-review"
              >
                <p className="font-semibold">
                  Instructor&apos;s grade: {Math.round(reviews[question.id]!.score * 100)}%
                </p>
                {/* Rendered as text: nothing an instructor or learner typed is ever interpreted as HTML. */}
                {reviews[question.id]!.comment && (
                  <p className="mt-1 whitespace-pre-wrap">{reviews[question.id]!.comment}</p>
                )}
              </div>
            )}
            {graded ? <FeedbackView feedback={graded} /> : <p className="mt-2 text-fg-muted">Not graded.</p>}
          </li>
        );
      })}
    </ol>
  );
}
