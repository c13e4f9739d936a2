import type { QuickJSWASMModule } from "quickjs-emscripten-core";
import {
  simulate,
  type KubernetesProbeOptions,
  type KubernetesScenario,
  type Timeline,
} from "@/lib/sim/healthcheck";
import { createHttpProbe, type ProbeLog } from "@/lib/sandbox/http-probe";
import { CpuMeter, DEFAULT_LIMITS, type GuestError, type SandboxLimits } from "@/lib/sandbox/quickjs-sandbox";
import type { LabOfKind } from "../schema";
import { disposeAfterRun, hostStackOverflow } from "./host-errors";

/** One simulated app under one set of probes: what the health checks are judged on. */
export type HealthRun = { id: string; label: string; timeline: Timeline; logs: ProbeLog[] };

/** `failed`: the code stopped everything, while loading or by crashing the run; nothing else is judged. */
export type HealthCodeOutcome =
  | { failed: GuestError; during: "load" | "run" }
  | { failed: null; runs: HealthRun[]; runtimeError: GuestError | null };

type HttpProbe = ReturnType<typeof createHttpProbe>;
type Lab = LabOfKind<"health-code">;

export const SINGLE_RUN = "app";
const KUBERNETES_PROBES = ["startup", "liveness", "readiness"] as const;
const SCENARIO_KEY = {
  startup: "startupProbe",
  liveness: "livenessProbe",
  readiness: "readinessProbe",
} as const;
const DEFAULT_TIMEOUT_SECONDS = 1;

/**
 * Runs the learner's handler as the probe endpoint. Kubernetes probes on different paths get a
 * sandbox each (same code); the sandboxes are always disposed.
 */
export function runHealthCode(
  lab: Lab,
  code: string,
  quickjs: QuickJSWASMModule,
  limits: SandboxLimits | undefined,
): HealthCodeOutcome {
  const probes = new Map<string, HttpProbe>();
  // One CPU budget for the whole submission: every probe of every sandbox draws on it.
  const meter = new CpuMeter((limits ?? DEFAULT_LIMITS).cpuBudgetMs);
  let phase: "load" | "run" = "load";
  // Every sandbox loads the same code: its start-up console lines are kept from the first only.
  const loadLogs = new Map<HttpProbe, number>();
  const probeFor = (path: string, maxWaitMs: number) => {
    let probe = probes.get(path);
    if (!probe) {
      const { bootMs, faults } = lab.scenario;
      probe = createHttpProbe(quickjs, code, { path, faults, maxWaitMs, bootMs, limits, meter });
      loadLogs.set(probe, probes.size === 0 ? 0 : probe.logs.length);
      probes.set(path, probe);
    }
    return probe;
  };
  try {
    const { scenario } = lab;
    let timeline: Timeline;
    if (scenario.platform === "docker") {
      const probe = probeFor(scenario.path, scenario.healthcheck.timeoutMs);
      if (probe.loadError) return { failed: probe.loadError, during: "load" };
      phase = "run";
      timeline = simulate(
        { platform: "docker", durationMs: scenario.durationMs, healthcheck: scenario.healthcheck },
        probe.program,
      );
    } else {
      const engineScenario: KubernetesScenario = { platform: "kubernetes", durationMs: scenario.durationMs };
      // A path's sandbox waits as long as the most patient probe that calls it.
      const waits = new Map<string, number>();
      for (const kind of KUBERNETES_PROBES) {
        const options = scenario.probes[kind];
        if (!options) continue;
        const waitMs = (options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
        waits.set(options.path, Math.max(waits.get(options.path) ?? 0, waitMs));
      }
      for (const kind of KUBERNETES_PROBES) {
        const options = scenario.probes[kind];
        if (!options) continue;
        const { path, ...fields } = options;
        const probe = probeFor(path, waits.get(path) ?? DEFAULT_TIMEOUT_SECONDS * 1000);
        if (probe.loadError) return { failed: probe.loadError, during: "load" };
        const withProgram: KubernetesProbeOptions = { ...fields, program: probe.program };
        engineScenario[SCENARIO_KEY[kind]] = withProgram;
      }
      const first = probes.values().next().value;
      if (!first) throw new Error(`lab ${lab.slug} defines no probe`);
      phase = "run";
      timeline = simulate(engineScenario, first.program);
    }
    const all = [...probes.values()];
    const logs = all
      .flatMap((probe) => probe.logs.slice(loadLogs.get(probe) ?? 0))
      .sort((a, b) => a.atMs - b.atMs);
    const runtimeError = all.map((probe) => probe.fatal()).find((error) => error !== null) ?? null;
    return { failed: null, runs: [{ id: SINGLE_RUN, label: "Your handler", timeline, logs }], runtimeError };
  } catch (error) {
    const overflow = hostStackOverflow(error);
    if (!overflow) throw error;
    return { failed: overflow, during: phase };
  } finally {
    for (const probe of probes.values()) disposeAfterRun(probe.dispose);
  }
}
