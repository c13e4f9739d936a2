/**
 * A Pod with one container, restartPolicy Always, behind a Service (fact sheet §2.4).
 * - Startup probe: liveness and readiness wait until it succeeds; failing it restarts the container.
 * - Liveness probe: failing it restarts the container.
 * - Readiness probe: failing it makes the Pod not Ready and removes it from the Service's
 *   endpoints; the container keeps running. A Pod without one is Ready once started.
 * Killing is modelled as instant; grace periods are the shutdown engine's subject.
 */
import {
  INITIAL_CRASH_LOOP_BACKOFF,
  nextCrashLoopDelay,
  resolveKubernetesProbe,
  type KubernetesProbeKind,
  type KubernetesProbeOptions,
} from "./kubernetes-options";
import { startProbeWorker } from "./kubernetes-probe-worker";
import { createSim, runUntil, scheduleExits } from "./sim";
import { toTimeline } from "./summary";
import type { ProbeProgram, ProcessExit, StartReason, Timeline } from "./types";

export type KubernetesScenario = {
  platform: "kubernetes";
  durationMs: number;
  /** Pod name; default "web". */
  pod?: string;
  startupProbe?: KubernetesProbeOptions;
  livenessProbe?: KubernetesProbeOptions;
  readinessProbe?: KubernetesProbeOptions;
  exits?: ProcessExit[];
};

export function simulateKubernetes(scenario: KubernetesScenario, program: ProbeProgram): Timeline {
  const sim = createSim();
  const probes = {
    startup: scenario.startupProbe,
    liveness: scenario.livenessProbe,
    readiness: scenario.readinessProbe,
  };
  const pod = {
    name: scenario.pod ?? "web",
    running: false,
    generation: 0,
    startedAtMs: 0,
    started: false,
    readinessPassed: false,
    ready: false,
    startNumber: 0,
    restartCount: 0,
    backoff: INITIAL_CRASH_LOOP_BACKOFF,
  };

  function updateReady(reason: string) {
    const ready = pod.running && pod.started && (!probes.readiness || pod.readinessPassed);
    if (ready === pod.ready) return;
    pod.ready = ready;
    const change = { target: pod.name, via: "kubernetes-service", reason } as const;
    sim.emit(ready ? { type: "endpoint-added", ...change } : { type: "endpoint-removed", ...change });
  }

  function startContainer(reason: StartReason) {
    pod.running = true;
    pod.generation++;
    pod.startedAtMs = sim.nowMs;
    pod.started = !probes.startup;
    pod.readinessPassed = false;
    sim.emit({ type: "container-start", container: pod.name, startNumber: ++pod.startNumber, reason });
    updateReady("container started and needs no probe to be Ready");
  }

  function scheduleRestart(reason: string) {
    const next = nextCrashLoopDelay(pod.backoff, sim.nowMs);
    pod.backoff = next.backoff;
    sim.emit({
      type: "restart",
      container: pod.name,
      reason,
      delayMs: next.delayMs,
      restartCount: ++pod.restartCount,
    });
    sim.after(next.delayMs, () => startContainer("restart"));
  }

  function halt() {
    pod.running = false;
    pod.generation++;
    pod.started = false;
    pod.readinessPassed = false;
  }

  function kill(reason: string) {
    if (!pod.running) return;
    halt();
    sim.emit({ type: "container-stop", container: pod.name, reason });
    updateReady("container stopped");
    scheduleRestart(reason);
  }

  function exit(exitCode: number) {
    if (!pod.running) return;
    const uptimeMs = sim.nowMs - pod.startedAtMs;
    halt();
    sim.emit({ type: "container-exit", container: pod.name, exitCode, uptimeMs });
    updateReady("container exited");
    scheduleRestart(`exited with code ${exitCode}`);
  }

  function onVerdict(kind: KubernetesProbeKind, success: boolean, failureThreshold: number) {
    const failed = `${kind} probe failed ${failureThreshold} times in a row`;
    if (kind === "readiness") {
      pod.readinessPassed = success;
      updateReady(success ? "readiness probe succeeded" : failed);
    } else if (!success) {
      kill(failed);
    } else if (kind === "startup" && !pod.started) {
      pod.started = true;
      sim.emit({ type: "startup-succeeded", container: pod.name });
      updateReady("startup probe succeeded and no readiness probe is defined");
    }
  }

  for (const kind of ["startup", "liveness", "readiness"] as const) {
    const options = probes[kind];
    if (!options) continue;
    const resolved = resolveKubernetesProbe(kind, options);
    startProbeWorker(sim, kind, resolved, options.program ?? program, pod, (success) =>
      onVerdict(kind, success, resolved.failureThreshold),
    );
  }
  scheduleExits(sim, scenario.exits, exit);
  startContainer("initial");
  runUntil(sim, scenario.durationMs);
  return toTimeline(sim.events);
}
