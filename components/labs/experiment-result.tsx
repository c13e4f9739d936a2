import { useId } from "react";
import type { ExperimentOutcome, LabResult } from "@/lib/labs/result-types";
import { CheckList, CodeErrorNote, errorOfCheck } from "./check-list";
import { Heading } from "./heading";
import { tracksOf } from "./timeline-data";
import { TrackSection } from "./track-section";

type Props = {
  /** The graded result on the lab's own scenario, run alongside. */
  result: LabResult;
  outcome: ExperimentOutcome;
  headingLevel: number;
  onGoToLine?: (line: number) => void;
};

/**
 * What the learner's code did in their experiment. Deliberately without a pass/fail verdict: the
 * lab's own checks follow, labelled as the graded part, so nobody mistakes one for the other.
 */
export function ExperimentResult({ result, outcome, headingLevel, onGoToLine }: Props) {
  const headingId = useId();
  const passedCount = result.checks.filter((check) => check.passed).length;
  const tracks = outcome.ok && outcome.timeline ? tracksOf(outcome.timeline) : [];

  return (
    <section
      aria-labelledby={headingId}
      className="mt-6 rounded-xl border-2 border-dashed border-accent p-4"
      data-testid="experiment-result"
    >
      <p className="text-sm font-semibold uppercase tracking-wide text-fg-muted" data-testid="result-source">
        Experiment — not graded
      </p>
      <Heading level={headingLevel} id={headingId} tabIndex={-1} className="mt-1 text-xl font-semibold">
        <span data-testid="experiment-headline">
          Your experiment: {outcome.ok ? outcome.headline : "it could not run"}
        </span>
      </Heading>
      <p className="mt-1 text-sm text-fg-muted">
        Your code ran against the scenario you set up. Passing the lab is judged only on the lab&rsquo;s own
        scenario, below; an experiment never changes that.
      </p>

      {!outcome.ok ? (
        <ul className="mt-3 list-disc space-y-1 pl-5 text-danger" data-testid="experiment-problems">
          {outcome.problems.map((problem) => (
            <li key={`${problem.path}:${problem.message}`}>{problem.message}</li>
          ))}
        </ul>
      ) : (
        <>
          {outcome.codeError && (
            <CodeErrorNote error={errorOfCheck(outcome.codeError)} onGoToLine={onGoToLine} />
          )}
          <Heading level={headingLevel + 1} className="mt-4 font-semibold">
            Your scenario
          </Heading>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm" data-testid="experiment-description">
            {outcome.description.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {tracks.map((track) => (
            <TrackSection
              key={track.id}
              track={track}
              title="What happened in your experiment"
              level={headingLevel + 1}
              showConsole
              preface={outcome.description}
            />
          ))}
        </>
      )}

      <details className="mt-6 rounded-md border border-border bg-bg-subtle p-3" data-testid="graded-checks">
        <summary className="cursor-pointer font-semibold">
          Graded on the lab&rsquo;s own scenario: {passedCount} of {result.checks.length} checks pass
        </summary>
        <CheckList checks={result.checks} />
      </details>
    </section>
  );
}
