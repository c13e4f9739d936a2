import { KUBERNETES_PROBE_DEFAULTS } from "@/lib/sim/healthcheck/kubernetes-options";
import { PLATFORM_RULES } from "@/lib/sim/shutdown/platform";
import { seconds } from "./check-labels";
import type {
  ExperimentOf,
  ExperimentTarget,
  FaultExperiment,
  HealthExperiment,
  ShutdownExperiment,
} from "./experiment-schema";
import type { LabSummary } from "./result-types";
import type { Lab, LabOfKind } from "./schema";
import type { ShutdownLabScenario } from "./scenario-schema";

type HealthLab = LabOfKind<"health-code">;
type ShutdownLab = LabOfKind<"shutdown-code">;

const toSeconds = (ms: number) => Math.round(ms / 1000);

/** The lab's own scenario as an experiment: where the controls start, and what Reset returns to. */
export function defaultHealthExperiment(lab: HealthLab): HealthExperiment {
  const { scenario } = lab;
  const durationSeconds = Math.ceil(scenario.durationMs / 1000);
  const faults = scenario.faults.map((fault): FaultExperiment => ({
    dependency: fault.dependency,
    mode: fault.mode,
    fromSeconds: toSeconds(fault.fromMs),
    toSeconds: fault.toMs === undefined ? durationSeconds : toSeconds(fault.toMs),
    ...(fault.mode === "slow" ? { latencyMs: fault.latencyMs ?? 5_000 } : {}),
  }));
  if (scenario.platform === "docker") {
    const hc = scenario.healthcheck;
    return {
      durationSeconds,
      docker: {
        interval: toSeconds(hc.intervalMs),
        timeout: toSeconds(hc.timeoutMs),
        startPeriod: toSeconds(hc.startPeriodMs),
        retries: hc.retries,
      },
      faults,
    };
  }
  const probe = scenario.probes.liveness ?? scenario.probes.readiness ?? scenario.probes.startup;
  const defaults = KUBERNETES_PROBE_DEFAULTS;
  return {
    durationSeconds,
    kubernetes: {
      periodSeconds: probe?.periodSeconds ?? defaults.periodSeconds,
      timeoutSeconds: probe?.timeoutSeconds ?? defaults.timeoutSeconds,
      failureThreshold: probe?.failureThreshold ?? defaults.failureThreshold,
      initialDelaySeconds: probe?.initialDelaySeconds ?? defaults.initialDelaySeconds,
    },
    faults,
  };
}

export function defaultShutdownExperiment(lab: ShutdownLab): ShutdownExperiment {
  const { scenario } = lab;
  const platform = scenario.platform.kind;
  const traffic = scenario.traffic;
  return {
    platform,
    gracePeriodSeconds: toSeconds(scenario.platform.gracePeriodMs ?? PLATFORM_RULES[platform].gracePeriodMs),
    preStopSeconds: toSeconds(scenario.platform.preStopMs ?? 0),
    launch: scenario.launch ?? "exec",
    stopAtSeconds: toSeconds(scenario.stopAtMs),
    longRequestsSeconds: scenario.requests.map((request) => request.durationMs / 1000),
    requestsPerSecond: traffic ? Math.min(10, Math.round(1000 / traffic.everyMs)) : 0,
    requestMs: traffic?.durationMs ?? 200,
    keepAlive: scenario.requests.some((request) => request.connection !== undefined),
  };
}

/** Code labs whose scenario the learner may vary (the secrets lab has none: its container is the point). */
export type ExperimentLab = HealthLab | ShutdownLab;
export const hasExperiment = (lab: Lab): lab is ExperimentLab =>
  lab.kind === "health-code" || lab.kind === "shutdown-code";

export function defaultExperiment(lab: ExperimentLab): HealthExperiment | ShutdownExperiment {
  return lab.kind === "health-code" ? defaultHealthExperiment(lab) : defaultShutdownExperiment(lab);
}

// ---- the experiment as the lab's scenario -------------------------------------------------------

export function applyHealthExperiment(lab: HealthLab, experiment: HealthExperiment): HealthLab {
  const durationMs = experiment.durationSeconds * 1000;
  const faults = experiment.faults.map((fault) => ({
    dependency: fault.dependency,
    mode: fault.mode,
    fromMs: fault.fromSeconds * 1000,
    toMs: fault.toSeconds * 1000,
    ...(fault.mode === "slow" ? { latencyMs: fault.latencyMs ?? 5_000 } : {}),
  }));
  const { scenario } = lab;
  if (scenario.platform === "docker") {
    const flags = experiment.docker;
    const healthcheck = flags
      ? {
          intervalMs: flags.interval * 1000,
          timeoutMs: flags.timeout * 1000,
          startPeriodMs: flags.startPeriod * 1000,
          retries: flags.retries,
        }
      : scenario.healthcheck;
    return { ...lab, scenario: { ...scenario, durationMs, faults, healthcheck } };
  }
  const timing = experiment.kubernetes;
  const probes = Object.fromEntries(
    Object.entries(scenario.probes).map(([kind, probe]) => [
      kind,
      probe && timing ? { ...probe, ...timing } : probe,
    ]),
  ) as typeof scenario.probes;
  return { ...lab, scenario: { ...scenario, durationMs, faults, probes } };
}

/**
 * Left as the lab has them, the lab's own requests and steady load are kept exactly, so an
 * experiment at its defaults is the lab's scenario. Changed, the long requests start at t = 0
 * (keeping the lab's ids where they line up) and the steady load runs from one gap after 0 until
 * SIGKILL is due at the latest, one connection per client when keep-alive is on (each client sends
 * about one request a second).
 */
export function applyShutdownExperiment(lab: ShutdownLab, experiment: ShutdownExperiment): ShutdownLab {
  const { scenario } = lab;
  const labDefaults = defaultShutdownExperiment(lab);
  const sameLongRequests =
    experiment.keepAlive === labDefaults.keepAlive &&
    experiment.longRequestsSeconds.join() === labDefaults.longRequestsSeconds.join();
  const sameLoad =
    scenario.traffic !== undefined &&
    !experiment.keepAlive &&
    experiment.requestsPerSecond === labDefaults.requestsPerSecond &&
    experiment.requestMs === labDefaults.requestMs;
  const long = sameLongRequests
    ? scenario.requests
    : experiment.longRequestsSeconds.map((durationSeconds, index) => ({
        id: scenario.requests[index]?.id ?? `long${index + 1}`,
        atMs: 0,
        durationMs: Math.round(durationSeconds * 1000),
      }));
  const stream: ShutdownLabScenario["requests"] = [];
  if (!sameLoad && experiment.requestsPerSecond > 0) {
    const everyMs = Math.round(1000 / experiment.requestsPerSecond);
    const lastMs =
      (experiment.stopAtSeconds + experiment.preStopSeconds + experiment.gracePeriodSeconds) * 1000;
    for (let atMs = everyMs, n = 1; atMs <= lastMs; atMs += everyMs, n++) {
      const client = ((n - 1) % experiment.requestsPerSecond) + 1;
      stream.push({
        id: `r${n}`,
        atMs,
        durationMs: experiment.requestMs,
        ...(experiment.keepAlive ? { connection: `client${client}` } : {}),
      });
    }
  }
  const platform = {
    ...scenario.platform,
    kind: experiment.platform,
    gracePeriodMs: experiment.gracePeriodSeconds * 1000,
    preStopMs: experiment.platform === "kubernetes" ? experiment.preStopSeconds * 1000 : undefined,
  };
  return {
    ...lab,
    scenario: {
      ...scenario,
      platform,
      launch: experiment.launch,
      stopAtMs: experiment.stopAtSeconds * 1000,
      requests: [...long, ...stream].sort((a, b) => a.atMs - b.atMs),
      traffic: sameLoad ? scenario.traffic : undefined,
    },
  };
}

export function applyExperiment<L extends ExperimentLab>(lab: L, experiment: unknown): L {
  return (
    lab.kind === "health-code"
      ? applyHealthExperiment(lab, experiment as HealthExperiment)
      : applyShutdownExperiment(lab as ShutdownLab, experiment as ShutdownExperiment)
  ) as L;
}

// ---- the experiment in words ---------------------------------------------------------------------

const DEPENDENCY_NAMES = { db: "The database", cache: "The cache", disk: "The disk" } as const;

export function describeFaultExperiment(fault: FaultExperiment): string {
  const what =
    fault.mode === "down"
      ? "refuses connections"
      : fault.mode === "hang"
        ? "stops answering (calls hang)"
        : `answers slowly, ${seconds(fault.latencyMs ?? 5_000)} per call,`;
  return `${DEPENDENCY_NAMES[fault.dependency]} ${what} from ${fault.fromSeconds} s until ${fault.toSeconds} s.`;
}

const LAUNCH_WORDS = {
  exec: "Node is PID 1 (exec form), so it receives the signal itself.",
  init: "tini is PID 1 (docker run --init) and forwards the signal to Node.",
  npm: "npm is in front of Node (CMD npm start): the signal does not reach Node.",
} as const;

const PLATFORM_WORDS = {
  docker: "docker stop",
  compose: "docker compose stop",
  swarm: "Swarm",
  kubernetes: "Kubernetes (Pod deleted)",
} as const;

/** The experiment's scenario in plain sentences, for the top of the experiment's narration. */
export function describeExperiment<T extends ExperimentTarget>(
  target: T,
  experiment: ExperimentOf<T>,
): string[] {
  if (target === "shutdown") {
    const e = experiment as ShutdownExperiment;
    const lines = [
      `${PLATFORM_WORDS[e.platform]} with a ${e.gracePeriodSeconds} s grace period` +
        `${e.preStopSeconds > 0 ? ` and a ${e.preStopSeconds} s preStop sleep (it counts against the grace period)` : ""}; ` +
        `the stop begins at ${e.stopAtSeconds} s.`,
      LAUNCH_WORDS[e.launch],
    ];
    if (e.longRequestsSeconds.length)
      lines.push(`Long requests started at 0 s: ${e.longRequestsSeconds.map((s) => `${s} s`).join(", ")}.`);
    lines.push(
      e.requestsPerSecond === 0
        ? "No new requests arrive."
        : `${e.requestsPerSecond} new request${e.requestsPerSecond === 1 ? "" : "s"} per second, ${seconds(e.requestMs)} each, ` +
            `${e.keepAlive ? "on keep-alive connections (one per client)" : "each on its own connection"}.`,
    );
    return lines;
  }
  const e = experiment as HealthExperiment;
  const lines = [`The simulation runs for ${e.durationSeconds} s.`];
  if (e.docker)
    lines.push(
      `HEALTHCHECK --interval=${e.docker.interval}s --timeout=${e.docker.timeout}s ` +
        `--start-period=${e.docker.startPeriod}s --retries=${e.docker.retries}.`,
    );
  if (e.kubernetes)
    lines.push(
      `Every probe: periodSeconds ${e.kubernetes.periodSeconds}, timeoutSeconds ${e.kubernetes.timeoutSeconds}, ` +
        `failureThreshold ${e.kubernetes.failureThreshold}, initialDelaySeconds ${e.kubernetes.initialDelaySeconds}.`,
    );
  lines.push(
    ...(e.faults.length
      ? e.faults.map(describeFaultExperiment)
      : ["No faults: every dependency answers normally."]),
  );
  return lines;
}

/** One sentence for the top of an experiment's result: what happened, not a verdict. */
export function experimentHeadline(summary: LabSummary | null): string {
  if (!summary) return "Nothing ran.";
  if (summary.kind === "shutdown") {
    const s = summary.summary;
    const r = s.requests;
    return (
      `Exit code ${s.exitCode} at ${seconds(s.exitAtMs)}${s.sigkillAtMs !== null ? " (SIGKILL)" : ""}; ` +
      `${r.completed} request${r.completed === 1 ? "" : "s"} completed, ${r.dropped} dropped, ${r.refused} refused` +
      `${r.rerouted ? `, ${r.rerouted} sent elsewhere` : ""}.`
    );
  }
  if (summary.kind === "health") {
    return summary.runs
      .map(({ summary: s }) => {
        const parts = [
          s.timeToFirstHealthyMs !== null ? `healthy at ${seconds(s.timeToFirstHealthyMs)}` : null,
          s.timeToFirstReadyMs !== null ? `Ready at ${seconds(s.timeToFirstReadyMs)}` : null,
          s.timeToUnhealthyMs !== null ? `unhealthy at ${seconds(s.timeToUnhealthyMs)}` : null,
          `${s.failedProbes} of ${s.probes} probes failed`,
          `${s.restarts} restart${s.restarts === 1 ? "" : "s"}`,
        ].filter(Boolean);
        const text = parts.join("; ");
        return text.charAt(0).toUpperCase() + text.slice(1);
      })
      .join(" ")
      .concat(".");
  }
  return "The rollout ran.";
}
