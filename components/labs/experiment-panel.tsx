import { useId, useState } from "react";
import type {
  Experiment,
  ExperimentProblem,
  ExperimentTarget,
  HealthExperiment,
  ShutdownExperiment,
} from "@/lib/labs/experiment-schema";
import { presetsFor, type Preset } from "@/lib/labs/presets";
import type { Problems } from "./experiment-fields";
import { Heading } from "./heading";
import { HealthExperimentFields } from "./health-experiment-fields";
import { ShutdownExperimentFields } from "./shutdown-experiment-fields";

type Props = {
  target: ExperimentTarget;
  value: Experiment;
  onChange: (next: Experiment) => void;
  /** The lab's own scenario, for "Back to the lab's scenario". */
  defaults: Experiment;
  problems: readonly ExperimentProblem[];
  onRun: () => void;
  busy: boolean;
  headingLevel: number;
};

const button =
  "rounded-md border border-border px-3 py-2 text-sm font-medium hover:bg-bg-muted disabled:opacity-60";
const primary =
  "rounded-md bg-accent px-4 py-2 text-sm font-semibold text-accent-fg hover:opacity-90 disabled:opacity-60";

/** Fields the controls show next to themselves; anything else is listed at the top. */
function byPath(problems: readonly ExperimentProblem[]): { fields: Problems; general: string[] } {
  const fields: Record<string, string> = {};
  const general: string[] = [];
  for (const problem of problems) {
    if (problem.path === "") general.push(problem.message);
    else fields[problem.path] ??= problem.message;
  }
  return { fields, general };
}

/**
 * The learner's own variation of the scenario. Its runs are labelled "not graded"; Run and
 * Submit solution always use the lab's scenario, and the panel says so before anything runs.
 */
export function ExperimentPanel({
  target,
  value,
  onChange,
  defaults,
  problems,
  onRun,
  busy,
  headingLevel,
}: Props) {
  const ids = useId();
  const presets = presetsFor(target) as readonly Preset[];
  const [presetId, setPresetId] = useState(presets[0]?.id ?? "");
  const [filled, setFilled] = useState("");
  const { fields, general } = byPath(problems);

  function applyPreset() {
    const preset = presets.find((candidate) => candidate.id === presetId);
    if (!preset) return;
    onChange((preset.apply as (experiment: Experiment) => Experiment)(value));
    setFilled(`Filled in the chapter example: ${preset.label}.`);
  }

  return (
    <section
      aria-labelledby={`${ids}-heading`}
      className="mt-4 rounded-xl border-2 border-dashed border-accent p-4"
      data-testid="experiment-panel"
    >
      <Heading level={headingLevel} id={`${ids}-heading`} className="text-lg font-semibold">
        Experiment: change the scenario
      </Heading>
      <p className="mt-1 text-sm">
        See what your code does under other settings and faults. Experiment runs are marked
        <strong> “Experiment — not graded”</strong>: <em>Run</em> and <em>Submit solution</em> always check
        your code against the lab&rsquo;s own scenario.
      </p>

      <form
        className="mt-3 space-y-4"
        aria-label="Experiment settings"
        onSubmit={(event) => {
          event.preventDefault();
          onRun();
        }}
      >
        <fieldset className="rounded-md border border-border bg-bg-subtle p-3">
          <legend className="px-1 font-semibold">Start from a chapter example</legend>
          <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
            <div className="min-w-0 flex-1">
              <label htmlFor={`${ids}-preset`} className="block text-sm font-semibold">
                Example
              </label>
              <select
                id={`${ids}-preset`}
                value={presetId}
                onChange={(event) => setPresetId(event.target.value)}
                className="mt-1 w-full rounded-md border border-border bg-bg px-3 py-2 text-fg"
              >
                {presets.map((preset) => (
                  <option key={preset.id} value={preset.id}>
                    {preset.label}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" className={`${button} self-start sm:self-auto`} onClick={applyPreset}>
              Use this example
            </button>
          </div>
          <p className="mt-1 text-xs text-fg-muted">
            An example fills only the controls it is about, so you can combine one with a fault or a grace
            period.
          </p>
          <p aria-live="polite" className="mt-1 text-sm" data-testid="preset-status">
            {filled}
          </p>
        </fieldset>

        {general.length > 0 && (
          <ul className="list-disc pl-5 text-sm font-semibold text-danger">
            {general.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        )}

        {target === "shutdown" ? (
          <ShutdownExperimentFields
            value={value as ShutdownExperiment}
            onChange={onChange}
            problems={fields}
          />
        ) : (
          <HealthExperimentFields value={value as HealthExperiment} onChange={onChange} problems={fields} />
        )}

        <div className="flex flex-wrap gap-2">
          <button type="submit" className={primary} disabled={busy}>
            {busy ? "Running…" : "Run my experiment"}
          </button>
          <button
            type="button"
            className={button}
            onClick={() => {
              onChange(defaults);
              setFilled("Back to the lab's own scenario.");
            }}
          >
            Back to the lab&rsquo;s scenario
          </button>
        </div>
      </form>
    </section>
  );
}
