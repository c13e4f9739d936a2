import type { ResponseView } from "@/lib/instructor/learner-data";
import { dateTime, points } from "./format";
import { InlineText } from "@/components/ui/inline-text";

/** One answer: learner text is rendered as text (React escapes it); whitespace is kept as typed. */
export function ResponseItem({ response, index }: { response: ResponseView; index: number }) {
  return (
    <li className="rounded-lg border border-border p-3">
      <p className="text-sm font-medium">
        {index + 1}. <InlineText text={response.question} />
      </p>
      <dl className="mt-2 grid gap-x-3 gap-y-1 text-sm sm:grid-cols-[8rem_minmax(0,1fr)]">
        <dt className="text-fg-muted">Answer</dt>
        <dd className="whitespace-pre-wrap break-words">{response.answer}</dd>
        <dt className="text-fg-muted">Score</dt>
        <dd className="tabular-nums">
          {points(response.score)}/1
          {response.overrideScore !== null && (
            <span className="ml-2 rounded bg-accent-soft px-1.5 text-xs font-medium text-fg">
              instructor: {points(response.overrideScore)}/1
            </span>
          )}
        </dd>
        {response.feedback.length > 0 && (
          <>
            <dt className="text-fg-muted">Automatic feedback</dt>
            <dd>
              <ul className="list-disc pl-5">
                {response.feedback.map((line, i) => (
                  <li key={i} className="break-words">
                    {line}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {(response.instructorFeedback || response.reviewedAt) && (
          <>
            <dt className="text-fg-muted">Instructor</dt>
            <dd className="whitespace-pre-wrap break-words">
              {response.instructorFeedback ?? "(no comment)"}
              {response.reviewedAt && (
                <span className="block text-xs text-fg-muted">
                  reviewed {dateTime.format(response.reviewedAt)} UTC
                </span>
              )}
            </dd>
          </>
        )}
      </dl>
    </li>
  );
}
