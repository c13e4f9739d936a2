import type { AttemptView } from "@/lib/instructor/learner-data";
import { scoreLabel } from "@/lib/instructor/learner-timeline";
import { dateTime } from "./format";
import { ResponseItem } from "./response-item";

/** Every attempt, newest first; open one to read its responses. */
export function AttemptList({ attempts }: { attempts: AttemptView[] }) {
  if (attempts.length === 0) return <p className="mt-2 text-fg-muted">No quiz attempts yet.</p>;
  return (
    <ul className="mt-3 space-y-2" data-testid="learner-attempts">
      {attempts.map((attempt) => (
        <li key={attempt.id} id={`attempt-${attempt.id}`} className="scroll-mt-20">
          <details className="rounded-xl border border-border">
            <summary className="flex cursor-pointer flex-wrap items-baseline gap-x-3 gap-y-1 p-3">
              <span className="font-medium">{attempt.title}</span>
              <span className="text-sm text-fg-muted">
                {attempt.mode} mode ·{" "}
                {attempt.submittedAt
                  ? `submitted ${dateTime.format(attempt.submittedAt)} UTC`
                  : `started ${dateTime.format(attempt.startedAt)} UTC, not submitted`}
              </span>
              <span className="text-sm font-semibold tabular-nums">
                {attempt.status === "submitted" ? scoreLabel(attempt.score, attempt.maxScore) : "open"}
              </span>
              <span className="text-sm text-fg-muted">
                {attempt.responses.length} {attempt.responses.length === 1 ? "response" : "responses"}
              </span>
            </summary>
            {attempt.responses.length === 0 ? (
              <p className="px-3 pb-3 text-sm text-fg-muted">No answers saved.</p>
            ) : (
              <ol className="space-y-2 px-3 pb-3">
                {attempt.responses.map((response, index) => (
                  <ResponseItem key={response.id} response={response} index={index} />
                ))}
              </ol>
            )}
          </details>
        </li>
      ))}
    </ul>
  );
}
