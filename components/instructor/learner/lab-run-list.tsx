import type { LabActivityView, LabRunView } from "@/lib/instructor/learner-data";
import { dateTime, TONE_CLASS } from "./format";

/** Which solutions were revealed and how many submissions were rejected (their content is not kept). */
function LabActivityList({ activity }: { activity: LabActivityView[] }) {
  const shown = activity.filter((row) => row.solutionRevealedAt || row.rejectedSubmissions > 0);
  if (shown.length === 0) return null;
  return (
    <ul className="mt-3 space-y-1 text-sm" data-testid="learner-lab-activity">
      {shown.map((row) => (
        <li key={row.labSlug}>
          <span className="font-medium">{row.title}</span>
          {row.solutionRevealedAt && (
            <span> — solution revealed {dateTime.format(row.solutionRevealedAt)} UTC</span>
          )}
          {row.rejectedSubmissions > 0 && (
            <span className="text-fg-muted">
              {" "}
              — {row.rejectedSubmissions} rejected submission{row.rejectedSubmissions === 1 ? "" : "s"} (not
              stored)
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Lab runs, newest first, with the verdict and the submitted code (in a <pre>, as text). */
export function LabRunList({ runs, activity = [] }: { runs: LabRunView[]; activity?: LabActivityView[] }) {
  if (runs.length === 0)
    return (
      <>
        <LabActivityList activity={activity} />
        <p className="mt-2 text-fg-muted">No lab runs yet.</p>
      </>
    );
  return (
    <>
      <LabActivityList activity={activity} />
      <ul className="mt-3 space-y-2" data-testid="learner-lab-runs">
        {runs.map((run) => (
          <li key={run.id} id={`lab-run-${run.id}`} className="scroll-mt-20">
            <details className="rounded-xl border border-border">
              <summary className="flex cursor-pointer flex-wrap items-baseline gap-x-3 gap-y-1 p-3">
                <span className="font-medium">{run.title}</span>
                <span
                  className={`rounded px-1.5 text-xs font-medium ${TONE_CLASS[run.passed ? "good" : "bad"]}`}
                >
                  {run.passed ? "passed" : "did not pass"}
                </span>
                {run.afterReveal && (
                  <span className={`rounded px-1.5 text-xs font-medium ${TONE_CLASS.neutral}`}>
                    {run.passed ? "passed after reveal" : "after reveal"}
                  </span>
                )}
                <span className="text-sm text-fg-muted">{dateTime.format(run.createdAt)} UTC</span>
              </summary>
              <div className="space-y-3 px-3 pb-3 text-sm">
                {run.headline && <p>{run.headline}</p>}
                {run.checks.length > 0 && (
                  <ul className="space-y-1">
                    {run.checks.map((check, i) => (
                      <li key={i}>
                        <span aria-hidden="true" className={check.passed ? "text-success" : "text-danger"}>
                          {check.passed ? "✓" : "✗"}
                        </span>{" "}
                        <span className="sr-only">{check.passed ? "Passed: " : "Failed: "}</span>
                        <span className="font-medium">{check.label}</span>
                        {check.detail && <span className="text-fg-muted"> — {check.detail}</span>}
                      </li>
                    ))}
                  </ul>
                )}
                {run.params !== "{}" && (
                  <p className="break-all font-mono text-xs text-fg-muted">Settings: {run.params}</p>
                )}
                <pre
                  tabIndex={0}
                  aria-label={`Code submitted for ${run.title}`}
                  className="max-h-96 overflow-auto rounded-lg border border-border bg-bg-subtle p-3 font-mono text-xs leading-relaxed"
                >
                  <code>{run.code}</code>
                </pre>
              </div>
            </details>
          </li>
        ))}
      </ul>
    </>
  );
}
