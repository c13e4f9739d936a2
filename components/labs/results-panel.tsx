import { useId } from "react";
import type { LabResult } from "@/lib/labs/result-types";
import { CheckList, CodeErrorNote, errorLineOf, Icon } from "./check-list";
import { ExperimentResult } from "./experiment-result";
import { Heading } from "./heading";
import { TextDetailsView } from "./text-details";
import { OpsResultDetails } from "./ops-result";
import { textTracksOf } from "./text-tracks";
import { tracksOf } from "./timeline-data";
import { TrackSection } from "./track-section";

/** `experiment`: the browser ran the learner's own variation too; the panel leads with that, ungraded. */
export type ShownResult = {
  source: "browser" | "server" | "experiment";
  result: LabResult;
  /** Server runs: the learner had revealed the worked solution first (instructors see it too). */
  afterReveal?: boolean;
};

export function sourceLabel(shown: ShownResult): string {
  if (shown.source === "experiment") return "Experiment — not graded";
  return shown.source === "server" ? "Verified by the server" : "Run in your browser (not recorded)";
}

type PanelProps = {
  shown: ShownResult;
  isCode: boolean;
  onGoToLine?: (line: number) => void;
  /** The level of the panel's own heading (2 on the lab page). */
  headingLevel?: number;
};

export function ResultsPanel({ shown, isCode, onGoToLine, headingLevel = 2 }: PanelProps) {
  const headingId = useId();
  if (shown.source === "experiment" && shown.result.experiment)
    return (
      <ExperimentResult
        result={shown.result}
        outcome={shown.result.experiment}
        headingLevel={headingLevel}
        onGoToLine={onGoToLine}
      />
    );
  const { result, source } = shown;
  const tracks = result.timeline ? tracksOf(result.timeline) : result.text ? textTracksOf(result.text) : [];
  const codeError = errorLineOf(result);
  const passedCount = result.checks.filter((check) => check.passed).length;

  return (
    <section
      aria-labelledby={headingId}
      className={`mt-6 rounded-xl border-2 p-4 ${result.passed ? "border-success" : "border-danger"}`}
      data-testid="lab-result"
      data-source={source}
      data-passed={String(result.passed)}
    >
      <p className="text-sm font-semibold uppercase tracking-wide text-fg-muted" data-testid="result-source">
        {sourceLabel(shown)}
      </p>
      <Heading
        level={headingLevel}
        id={headingId}
        tabIndex={-1}
        className="mt-1 flex items-start gap-2 text-xl font-semibold"
      >
        <Icon passed={result.passed} />
        <span data-testid="result-headline">
          {result.passed ? "Passed" : "Not passed yet"}: {result.headline}
        </span>
      </Heading>
      {source === "server" && (
        <p className="mt-1 text-sm text-fg-muted">
          {shown.afterReveal
            ? "This run is saved to your progress, marked as after you revealed the solution."
            : "This run is saved to your progress."}
        </p>
      )}

      {codeError && <CodeErrorNote error={codeError} onGoToLine={onGoToLine} />}

      <Heading level={headingLevel + 1} className="mt-4 font-semibold">
        Checks ({passedCount} of {result.checks.length} passed)
      </Heading>
      <CheckList checks={result.checks} />
      {result.text && <TextDetailsView details={result.text} level={headingLevel + 1} onGoToLine={onGoToLine} />}
      <OpsResultDetails result={result} level={headingLevel + 1} />

      {tracks.map((track) => (
        <TrackSection
          key={track.id}
          track={track}
          title={tracks.length > 1 ? `Run: ${track.title}` : "What happened"}
          level={headingLevel + 1}
          showConsole={isCode}
        />
      ))}
    </section>
  );
}

export { errorLineOf };
