import type { LearnerDetail } from "@/lib/instructor/learner-data";
import { dateTime, points } from "./format";

/** Interview answers with the automatic rubric coverage and the instructor's grade, if any. */
export function InterviewAnswers({ answers }: { answers: LearnerDetail["interviewAnswers"] }) {
  if (answers.length === 0) return <p className="mt-2 text-fg-muted">No interview answers submitted yet.</p>;
  return (
    <ul className="mt-3 space-y-3" data-testid="learner-interview-answers">
      {answers.map((answer) => (
        <li key={answer.id} className="rounded-xl border border-border p-3">
          <p className="font-medium">{answer.question}</p>
          {answer.submittedAt && (
            <p className="text-xs text-fg-muted">submitted {dateTime.format(answer.submittedAt)} UTC</p>
          )}
          <blockquote className="mt-2 whitespace-pre-wrap break-words border-l-4 border-border pl-3 text-sm">
            {answer.answer}
          </blockquote>
          {answer.feedback.length > 0 && (
            <ul className="mt-2 text-sm">
              {answer.feedback.map((line, i) => (
                <li key={i} className={line.startsWith("Covered") ? "text-success" : "text-fg-muted"}>
                  {line}
                </li>
              ))}
            </ul>
          )}
          <p className="mt-2 text-sm">
            Automatic score {points(answer.score)}/1 ·{" "}
            {answer.overrideScore === null ? (
              <span className="text-warning">waiting for review</span>
            ) : (
              <>
                instructor score {points(answer.overrideScore)}/1
                {answer.instructorFeedback && (
                  <span className="mt-1 block whitespace-pre-wrap break-words">
                    “{answer.instructorFeedback}”
                  </span>
                )}
              </>
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}
