import { MAX_FAULTS, type FaultExperiment, type HealthExperiment } from "@/lib/labs/experiment-schema";
import { Group, NumberField, SelectField, type Problems } from "./experiment-fields";

type Props = { value: HealthExperiment; onChange: (next: HealthExperiment) => void; problems: Problems };

const DEPENDENCIES = [
  { value: "db", label: "Database (db.ping, db.query)" },
  { value: "cache", label: "Cache (cache.ping, cache.query)" },
  { value: "disk", label: "Disk (disk.free)" },
] as const;

const MODES = [
  { value: "down", label: "Down: refuses connections" },
  { value: "slow", label: "Slow: answers after a delay" },
  { value: "hang", label: "Hang: never answers" },
] as const;

const button =
  "rounded-md border border-border px-3 py-2 text-sm font-medium hover:bg-bg-muted disabled:opacity-60";

/** HEALTHCHECK flags (or Kubernetes probe timing), the run's length and the injected faults. */
export function HealthExperimentFields({ value, onChange, problems }: Props) {
  const set = (fields: Partial<HealthExperiment>) => onChange({ ...value, ...fields });
  const setFault = (index: number, fields: Partial<FaultExperiment>) =>
    set({ faults: value.faults.map((fault, at) => (at === index ? { ...fault, ...fields } : fault)) });
  const addFault = () => {
    const length = Number.isFinite(value.durationSeconds) ? value.durationSeconds : 120;
    const fault: FaultExperiment = {
      dependency: "db",
      mode: "down",
      fromSeconds: Math.floor(length / 3),
      toSeconds: Math.floor((2 * length) / 3),
    };
    set({ faults: [...value.faults, fault] });
  };

  return (
    <>
      {value.docker && (
        <Group legend="HEALTHCHECK flags">
          <NumberField
            label="--interval (seconds)"
            value={value.docker.interval}
            min={1}
            max={300}
            onChange={(interval) => set({ docker: { ...value.docker!, interval } })}
            help="Gap after one probe ends before the next starts."
            problem={problems["docker.interval"]}
          />
          <NumberField
            label="--timeout (seconds)"
            value={value.docker.timeout}
            min={1}
            max={120}
            onChange={(timeout) => set({ docker: { ...value.docker!, timeout } })}
            help="A probe running longer is killed: exit −1, a failure."
            problem={problems["docker.timeout"]}
          />
          <NumberField
            label="--start-period (seconds)"
            value={value.docker.startPeriod}
            min={0}
            max={300}
            onChange={(startPeriod) => set({ docker: { ...value.docker!, startPeriod } })}
            help="Failures while still starting in this window do not count."
            problem={problems["docker.startPeriod"]}
          />
          <NumberField
            label="--retries (failures)"
            value={value.docker.retries}
            min={1}
            max={10}
            onChange={(retries) => set({ docker: { ...value.docker!, retries } })}
            help="Failures in a row that make the container unhealthy."
            problem={problems["docker.retries"]}
          />
        </Group>
      )}
      {value.kubernetes && (
        <Group legend="Probe timing (applies to every probe)">
          <NumberField
            label="periodSeconds"
            value={value.kubernetes.periodSeconds}
            min={1}
            max={300}
            onChange={(periodSeconds) => set({ kubernetes: { ...value.kubernetes!, periodSeconds } })}
            problem={problems["kubernetes.periodSeconds"]}
          />
          <NumberField
            label="timeoutSeconds"
            value={value.kubernetes.timeoutSeconds}
            min={1}
            max={120}
            onChange={(timeoutSeconds) => set({ kubernetes: { ...value.kubernetes!, timeoutSeconds } })}
            problem={problems["kubernetes.timeoutSeconds"]}
          />
          <NumberField
            label="failureThreshold"
            value={value.kubernetes.failureThreshold}
            min={1}
            max={10}
            onChange={(failureThreshold) => set({ kubernetes: { ...value.kubernetes!, failureThreshold } })}
            problem={problems["kubernetes.failureThreshold"]}
          />
          <NumberField
            label="initialDelaySeconds"
            value={value.kubernetes.initialDelaySeconds}
            min={0}
            max={300}
            onChange={(initialDelaySeconds) =>
              set({ kubernetes: { ...value.kubernetes!, initialDelaySeconds } })
            }
            problem={problems["kubernetes.initialDelaySeconds"]}
          />
        </Group>
      )}
      <Group legend="Run">
        <NumberField
          label="Run length (seconds)"
          value={value.durationSeconds}
          min={10}
          max={1800}
          onChange={(durationSeconds) => set({ durationSeconds })}
          help="Virtual time; a run of minutes takes milliseconds."
          problem={problems.durationSeconds}
        />
      </Group>

      <fieldset className="rounded-md border border-border p-3" data-testid="fault-injection">
        <legend className="px-1 font-semibold">Fault injection</legend>
        {value.faults.length === 0 && (
          <p className="text-sm text-fg-muted">No faults: every dependency answers normally.</p>
        )}
        {problems.faults && <p className="text-sm font-semibold text-danger">{problems.faults}.</p>}
        <ol className="space-y-3">
          {value.faults.map((fault, index) => (
            <li key={index}>
              <fieldset className="rounded-md border border-border bg-bg-subtle p-3">
                <legend className="px-1 text-sm font-semibold">Fault {index + 1}</legend>
                <div className="grid gap-3 sm:grid-cols-2">
                  <SelectField
                    label="Dependency"
                    value={fault.dependency}
                    options={DEPENDENCIES}
                    onChange={(dependency) => setFault(index, { dependency })}
                    problem={problems[`faults.${index}.dependency`]}
                  />
                  <SelectField
                    label="What happens"
                    value={fault.mode}
                    options={MODES}
                    onChange={(mode) =>
                      setFault(
                        index,
                        mode === "slow"
                          ? { mode, latencyMs: fault.latencyMs ?? 2_000 }
                          : { mode, latencyMs: undefined },
                      )
                    }
                    problem={problems[`faults.${index}.mode`]}
                  />
                  <NumberField
                    label="From (seconds)"
                    value={fault.fromSeconds}
                    min={0}
                    max={3600}
                    onChange={(fromSeconds) => setFault(index, { fromSeconds })}
                    problem={problems[`faults.${index}.fromSeconds`]}
                  />
                  <NumberField
                    label="Until (seconds)"
                    value={fault.toSeconds}
                    min={1}
                    max={3600}
                    onChange={(toSeconds) => setFault(index, { toSeconds })}
                    problem={problems[`faults.${index}.toSeconds`]}
                  />
                  {fault.mode === "slow" && (
                    <NumberField
                      label="Latency per call (ms)"
                      value={fault.latencyMs ?? Number.NaN}
                      min={1}
                      max={60_000}
                      onChange={(latencyMs) => setFault(index, { latencyMs })}
                      problem={problems[`faults.${index}.latencyMs`]}
                    />
                  )}
                </div>
                <button
                  type="button"
                  className={`${button} mt-3`}
                  onClick={() => set({ faults: value.faults.filter((_, at) => at !== index) })}
                >
                  Remove fault {index + 1}
                </button>
              </fieldset>
            </li>
          ))}
        </ol>
        <button
          type="button"
          className={`${button} mt-3`}
          onClick={addFault}
          disabled={value.faults.length >= MAX_FAULTS}
        >
          {value.faults.length >= MAX_FAULTS ? `At most ${MAX_FAULTS} faults` : "Add a fault"}
        </button>
      </fieldset>
    </>
  );
}
