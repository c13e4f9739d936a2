import { CODE_CHECK_LABEL } from "@/lib/labs/evaluate";
import type { LabResult } from "@/lib/labs/result-types";
import { TimelineChart } from "./timeline-chart";
import { tracksOf } from "./timeline-data";

export type ShownResult = { source: "browser" | "server"; result: LabResult; recorded?: boolean };

const NARRATION_LIMIT = 300;

/** The line a learner's code error points at, when the sandbox knew it. */
export function errorLineOf(result: LabResult): { line: number | null; message: string } | null {
  const check = result.checks.find((candidate) => candidate.label === CODE_CHECK_LABEL && !candidate.passed);
  if (!check) return null;
  const match = /\(line (\d+)\)$/.exec(check.detail);
  return { line: match ? Number(match[1]) : null, message: check.detail.replace(/\s*\(line \d+\)$/, "") };
}

export function sourceLabel(shown: ShownResult): string {
  return shown.source === "server" ? "Verified by the server" : "Run in your browser (not recorded)";
}

function Icon({ passed }: { passed: boolean }) {
  return passed ? (
    <svg viewBox="0 0 16 16" className="mt-1 h-4 w-4 shrink-0 text-success" aria-hidden="true" focusable="false">
      <path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  ) : (
    <svg viewBox="0 0 16 16" className="mt-1 h-4 w-4 shrink-0 text-danger" aria-hidden="true" focusable="false">
      <path d="M4 4l8 8M12 4l-8 8" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
    </svg>
  );
}

type PanelProps = { shown: ShownResult; isCode: boolean; onGoToLine?: (line: number) => void };

export function ResultsPanel({ shown, isCode, onGoToLine }: PanelProps) {
  const { result, source } = shown;
  const tracks = result.timeline ? tracksOf(result.timeline) : [];
  const codeError = errorLineOf(result);
  const passedCount = result.checks.filter((check) => check.passed).length;

  return (
    <section
      aria-labelledby="result-heading"
      className={`mt-6 rounded-xl border-2 p-4 ${result.passed ? "border-success" : "border-danger"}`}
      data-testid="lab-result"
      data-source={source}
      data-passed={String(result.passed)}
    >
      <p className="text-sm font-semibold uppercase tracking-wide text-fg-muted" data-testid="result-source">
        {sourceLabel(shown)}
      </p>
      <h2 id="result-heading" tabIndex={-1} className="mt-1 flex items-start gap-2 text-xl font-semibold">
        <Icon passed={result.passed} />
        <span data-testid="result-headline">
          {result.passed ? "Passed" : "Not passed yet"}: {result.headline}
        </span>
      </h2>
      {source === "server" && (
        <p className="mt-1 text-sm text-fg-muted">
          {shown.recorded
            ? "This run is saved to your progress."
            : "Not saved: sign in to keep a record of your verified runs."}
        </p>
      )}

      {codeError && (
        <div role="note" className="mt-3 rounded-md border border-danger bg-danger-soft p-3 text-sm" data-testid="code-error">
          <p className="font-semibold text-danger">
            Error in your code{codeError.line !== null ? ` at line ${codeError.line}` : ""}
          </p>
          <p className="mt-1 font-mono">{codeError.message}</p>
          {codeError.line !== null && onGoToLine && (
            <button
              type="button"
              onClick={() => onGoToLine(codeError.line as number)}
              className="mt-2 rounded border border-border bg-bg px-2 py-1 text-sm hover:bg-bg-muted"
            >
              Go to line {codeError.line}
            </button>
          )}
        </div>
      )}

      <h3 className="mt-4 font-semibold">
        Checks ({passedCount} of {result.checks.length} passed)
      </h3>
      <ul className="mt-2 space-y-2" data-testid="check-list">
        {result.checks.map((check, index) => (
          <li key={index} className="flex gap-2" data-passed={String(check.passed)}>
            <Icon passed={check.passed} />
            <div>
              <p>
                <span className={`font-semibold ${check.passed ? "text-success" : "text-danger"}`}>
                  {check.passed ? "Passed" : "Failed"}:
                </span>{" "}
                {check.label}
              </p>
              <p className="text-sm text-fg-muted">{check.detail}</p>
            </div>
          </li>
        ))}
      </ul>

      {tracks.map((track) => (
        <section key={track.id} aria-labelledby={`track-${track.id}`} className="mt-6 border-t border-border pt-4">
          <h3 id={`track-${track.id}`} className="font-semibold">
            {tracks.length > 1 ? `Run: ${track.title}` : "What happened"}
          </h3>
          <TimelineChart track={track} />

          {isCode && <h4 className="mt-4 text-sm font-semibold">Console output</h4>}
          {!isCode ? null : track.logs.length === 0 ? (
            <p className="text-sm text-fg-muted">Your code wrote nothing to the console.</p>
          ) : (
            <ol className="mt-1 overflow-x-auto rounded-md border border-border bg-bg-subtle p-2 font-mono text-xs" data-testid="console-output">
              {track.logs.map((log, index) => (
                <li key={index} className="flex gap-3 whitespace-pre-wrap">
                  <span className="w-8 shrink-0 select-none text-right text-fg-muted">{index + 1}</span>
                  <span>
                    <span className="text-fg-muted">
                      t={Number((log.atMs / 1000).toFixed(3))}s {log.level}
                      {log.line !== null ? ` (line ${log.line})` : ""}:
                    </span>{" "}
                    {log.message}
                  </span>
                </li>
              ))}
              {track.omittedLogs > 0 && <li className="text-fg-muted">… {track.omittedLogs} more lines left out</li>}
            </ol>
          )}

          <details className="mt-4" open={track.events.length <= 40}>
            <summary className="cursor-pointer text-sm font-semibold">
              Narration ({track.events.length} events{track.omittedEvents ? `, ${track.omittedEvents} more left out` : ""})
            </summary>
            <ol className="mt-2 max-h-96 list-decimal space-y-0.5 overflow-y-auto pl-8 text-sm" tabIndex={0} aria-label={`Narration of ${track.title}`}>
              {track.events.slice(0, NARRATION_LIMIT).map((event, index) => (
                <li key={index}>{event.text}</li>
              ))}
            </ol>
            {track.events.length > NARRATION_LIMIT && (
              <p className="mt-1 text-sm text-fg-muted">
                … and {track.events.length - NARRATION_LIMIT} more events (the timeline above shows them all).
              </p>
            )}
          </details>
        </section>
      ))}
    </section>
  );
}
