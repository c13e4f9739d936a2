import type {
  ExperimentOf,
  ExperimentTarget,
  HealthExperiment,
  ShutdownExperiment,
} from "./experiment-schema";

/**
 * The chapter's own examples as experiment presets. Each fills only the controls its example is
 * about (flags, a fault, a platform), on top of what the learner already has, so presets combine:
 * the orders-api flags plus a slow database. `example` names the example for the narration.
 * Values come from the material (production-considerations.md) and the lessons.
 */
export type Preset<T extends ExperimentTarget = ExperimentTarget> = {
  id: string;
  targets: readonly T[];
  /** Plain words for the picker. */
  label: string;
  /** Which chapter example this is, for the narration. */
  example: string;
  apply: (experiment: ExperimentOf<T>) => ExperimentOf<T>;
};

type HealthPreset = Preset<"health-docker" | "health-kubernetes">;
type ShutdownPreset = Preset<"shutdown">;

const withFlags =
  (docker: NonNullable<HealthExperiment["docker"]>) =>
  (experiment: HealthExperiment): HealthExperiment => ({ ...experiment, docker });

type DatabaseFault = Omit<HealthExperiment["faults"][number], "dependency" | "toSeconds"> & {
  /** A second, or "end" for a fault that lasts to the end of the run. */
  toSeconds: number | "end";
};

/**
 * Sets the database fault of the example and leaves the learner's other faults alone. The run is
 * lengthened to `minDurationSeconds` when shorter, so the fault always fits inside it.
 */
const withDatabaseFault =
  (fault: DatabaseFault, minDurationSeconds: number) =>
  (experiment: HealthExperiment): HealthExperiment => {
    const durationSeconds = Math.max(experiment.durationSeconds, minDurationSeconds);
    const toSeconds =
      fault.toSeconds === "end" ? durationSeconds : Math.min(fault.toSeconds, durationSeconds);
    const others = experiment.faults.filter((existing) => existing.dependency !== "db");
    return { ...experiment, durationSeconds, faults: [...others, { dependency: "db", ...fault, toSeconds }] };
  };

const HEALTH_PRESETS: readonly HealthPreset[] = [
  {
    id: "chapter-dockerfile",
    targets: ["health-docker"],
    label: "Check every 30 s, 3 s timeout, 40 s start period, 3 retries",
    example:
      "the chapter's Dockerfile: HEALTHCHECK --interval=30s --timeout=3s --start-period=40s --retries=3",
    apply: withFlags({ interval: 30, timeout: 3, startPeriod: 40, retries: 3 }),
  },
  {
    id: "orders-api-image",
    targets: ["health-docker"],
    label: "Check every 10 s, 3 s timeout, 30 s start period, 3 retries",
    example:
      "the orders-api image of the lesson's worked timeline (--interval=10s --timeout=3s --start-period=30s)",
    apply: withFlags({ interval: 10, timeout: 3, startPeriod: 30, retries: 3 }),
  },
  {
    id: "docker-defaults",
    targets: ["health-docker"],
    label: "Docker's defaults: every 30 s, 30 s timeout, no start period, 3 retries",
    example: "Docker's defaults from the lesson's table of HEALTHCHECK options",
    apply: withFlags({ interval: 30, timeout: 30, startPeriod: 0, retries: 3 }),
  },
  {
    id: "kubernetes-defaults",
    targets: ["health-kubernetes"],
    label: "Kubernetes' defaults: every 10 s, 1 s timeout, 3 failures",
    example: "Kubernetes' probe defaults (periodSeconds 10, timeoutSeconds 1, failureThreshold 3)",
    apply: (experiment) => ({
      ...experiment,
      kubernetes: { periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3, initialDelaySeconds: 0 },
    }),
  },
  {
    id: "orders-api-readiness",
    targets: ["health-kubernetes"],
    label: "Probe every 5 s, 2 s timeout, 2 failures",
    example:
      "the orders-api readinessProbe in the lesson (periodSeconds 5, timeoutSeconds 2, failureThreshold 2)",
    apply: (experiment) => ({
      ...experiment,
      kubernetes: { periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 2, initialDelaySeconds: 0 },
    }),
  },
  {
    id: "slow-database",
    targets: ["health-docker", "health-kubernetes"],
    label: "A slow database: every query takes 2 s, from 60 s on",
    example:
      "the lesson's warning “One second is not much”: a 2-second check against a 1-second probe timeout",
    apply: withDatabaseFault({ mode: "slow", latencyMs: 2_000, fromSeconds: 60, toSeconds: "end" }, 120),
  },
  {
    id: "five-minute-outage",
    targets: ["health-docker", "health-kubernetes"],
    label: "Postgres is down for five minutes, from 60 s to 360 s",
    example: "the five-minute Postgres outage in the lesson's section on what belongs in which check",
    apply: withDatabaseFault({ mode: "down", fromSeconds: 60, toSeconds: 360 }, 420),
  },
  {
    id: "hang-at-64",
    targets: ["health-docker", "health-kubernetes"],
    label: "The database stops answering at 64 s and never recovers",
    example:
      "the lesson's worked timeline, where orders-api hangs at 64 s (there its event loop blocks; here every database call hangs)",
    apply: withDatabaseFault({ mode: "hang", fromSeconds: 64, toSeconds: "end" }, 120),
  },
];

const stop =
  (fields: Partial<ShutdownExperiment>) =>
  (experiment: ShutdownExperiment): ShutdownExperiment => ({ ...experiment, ...fields });

const SHUTDOWN_PRESETS: readonly ShutdownPreset[] = [
  {
    id: "docker-default-grace",
    targets: ["shutdown"],
    label: "docker stop: SIGKILL 10 s after SIGTERM",
    example: "Docker's default grace period of 10 s (the lesson's table of platform defaults)",
    apply: stop({ platform: "docker", gracePeriodSeconds: 10, preStopSeconds: 0 }),
  },
  {
    id: "kubernetes-default-grace",
    targets: ["shutdown"],
    label: "Kubernetes: 30 s terminationGracePeriodSeconds",
    example: "Kubernetes' default terminationGracePeriodSeconds of 30 s",
    apply: stop({ platform: "kubernetes", gracePeriodSeconds: 30, preStopSeconds: 0 }),
  },
  {
    id: "orders-api-prestop",
    targets: ["shutdown"],
    label: "Kubernetes: 5 s preStop sleep, 45 s grace period",
    example: "the orders-api Deployment in the lesson (preStop sleep 5 s, terminationGracePeriodSeconds 45)",
    apply: stop({ platform: "kubernetes", gracePeriodSeconds: 45, preStopSeconds: 5 }),
  },
  {
    id: "chapter-prestop-15",
    targets: ["shutdown"],
    label: "Kubernetes: 15 s preStop sleep, default 30 s grace period",
    example: "the chapter's rolling-update Deployment (preStop: sleep 15) with the default grace period",
    apply: stop({ platform: "kubernetes", gracePeriodSeconds: 30, preStopSeconds: 15 }),
  },
  {
    id: "worked-timeline-2-4-12",
    targets: ["shutdown"],
    label: "Requests of 2, 4 and 12 s in flight when the stop begins",
    example:
      "the lesson's worked timeline with requests of 2, 4 and 12 seconds (combine it with a grace period)",
    apply: stop({ stopAtSeconds: 0, longRequestsSeconds: [2, 4, 12] }),
  },
  {
    id: "compose-grace-30",
    targets: ["shutdown"],
    label: "Compose with stop_grace_period: 30s",
    example: "row five of the lesson's worked timeline: stop_grace_period: 30s in Compose",
    apply: stop({ platform: "compose", gracePeriodSeconds: 30, preStopSeconds: 0 }),
  },
  {
    id: "npm-start",
    targets: ["shutdown"],
    label: "CMD npm start: npm in front of Node",
    example: "the lesson's Dockerfile before the fix (CMD npm start), where the signal never reaches Node",
    apply: stop({ launch: "npm" }),
  },
  {
    id: "keep-alive-clients",
    targets: ["shutdown"],
    label: "Clients on keep-alive connections, 4 requests a second",
    example: "the lesson's section “Keep-alive pins clients too”",
    apply: stop({ keepAlive: true, requestsPerSecond: 4 }),
  },
];

const ALL = [...HEALTH_PRESETS, ...SHUTDOWN_PRESETS] as readonly Preset[];

export function presetsFor<T extends ExperimentTarget>(target: T): readonly Preset<T>[] {
  return ALL.filter((preset) =>
    (preset.targets as readonly string[]).includes(target),
  ) as unknown as readonly Preset<T>[];
}

export function getPreset<T extends ExperimentTarget>(target: T, id: string): Preset<T> | null {
  return presetsFor(target).find((preset) => preset.id === id) ?? null;
}

/** A preset matches when applying it would change nothing: the experiment is that example. */
export function matchingPresets<T extends ExperimentTarget>(
  target: T,
  experiment: ExperimentOf<T>,
): Preset<T>[] {
  return presetsFor(target).filter((preset) => sameValue(preset.apply(experiment), experiment));
}

/** Deep equality of plain JSON data, ignoring key order and keys set to undefined. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = (value: object) =>
    Object.keys(value).filter((key) => (value as Record<string, unknown>)[key] !== undefined);
  const [ka, kb] = [keys(a), keys(b)];
  return (
    ka.length === kb.length &&
    ka.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  );
}
