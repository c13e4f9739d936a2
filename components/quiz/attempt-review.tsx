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

/** The graded attempt: every question with the learner's answer, the key, the explanation and the lesson link. */
export function AttemptReview({
  questions,
  feedback,
}: {
  questions: PublicQuestion[];
  feedback: Record<string, QuestionFeedback>;
}) {
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
            {graded ? <FeedbackView feedback={graded} /> : <p className="mt-2 text-fg-muted">Not graded.</p>}
          </li>
        );
      })}
    </ol>
  );
}
