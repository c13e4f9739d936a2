/**
 * One kubelet probe worker (k8s pkg/kubelet/prober/worker.go). It ticks every period from the Pod's
 * creation, on its own phase, whatever the container does; a tick probes only when the container
 * runs, the initial delay has passed and the startup gate allows it (startup probes run until the
 * container has started, liveness and readiness only after). Consecutive equal results are
 * counted; the verdict is reported once the count reaches the threshold, and again on every
 * further equal result, as the kubelet does.
 */
import type { KubernetesProbeKind, ResolvedKubernetesProbe } from "./kubernetes-options";
import { applyTimeout, formatGoDuration } from "./probe-outcome";
import type { Sim } from "./sim";
import type { ProbeProgram } from "./types";

/** What a worker may read about the Pod's one container. */
export type PodView = {
  readonly name: string;
  readonly running: boolean;
  /** Changes with every new container (restart). */
  readonly generation: number;
  readonly startedAtMs: number;
  /** The startup probe has succeeded (or there is none). */
  readonly started: boolean;
};

export function startProbeWorker(
  sim: Sim,
  kind: KubernetesProbeKind,
  probe: ResolvedKubernetesProbe,
  program: ProbeProgram,
  pod: PodView,
  onVerdict: (success: boolean) => void,
) {
  let busy = false;
  // A Go ticker buffers one tick: a probe outlasting its period runs again right after it ends.
  let tickWaiting = false;
  let lastResult: boolean | null = null;
  let resultRun = 0;
  // After a liveness/startup failure the worker waits for a new container before probing again.
  let onHold = false;
  let seenGeneration = -1;
  let probeNumber = 0;

  function tick() {
    sim.after(probe.periodMs, tick);
    if (busy) tickWaiting = true;
    else runProbe();
  }

  function runProbe() {
    if (!pod.running) return;
    if (pod.generation !== seenGeneration) {
      seenGeneration = pod.generation;
      onHold = false;
      probeNumber = 0;
    }
    const sinceStartMs = sim.nowMs - pod.startedAtMs;
    const gateClosed = kind === "startup" ? pod.started : !pod.started;
    if (onHold || sinceStartMs < probe.initialDelayMs || gateClosed) return;

    busy = true;
    const number = ++probeNumber;
    const startedAtMs = sim.nowMs;
    const outcome = applyTimeout(
      program({ nowMs: startedAtMs, sinceStartMs, probeNumber: number, kind }),
      probe.timeoutMs,
    );
    const output = outcome.timedOut
      ? `probe did not answer within ${formatGoDuration(probe.timeoutMs)}`
      : outcome.output;
    sim.emit({ type: "probe-start", container: pod.name, probe: kind, probeNumber: number });
    const generation = pod.generation;
    sim.after(outcome.durationMs, () => {
      busy = false;
      // A result for a container that has since been killed is dropped.
      if (pod.running && pod.generation === generation) {
        const success = outcome.exitCode === 0;
        resultRun = lastResult === success ? resultRun + 1 : 1;
        lastResult = success;
        const threshold = success ? probe.successThreshold : probe.failureThreshold;
        sim.emit({
          type: "probe-end",
          container: pod.name,
          probe: kind,
          probeNumber: number,
          startedAtMs,
          durationMs: outcome.durationMs,
          exitCode: outcome.exitCode,
          output,
          timedOut: outcome.timedOut,
          timeoutMs: probe.timeoutMs,
          success,
          counted: true,
          streak: resultRun,
          threshold,
        });
        if (resultRun >= threshold) {
          if (!success && kind !== "readiness") {
            onHold = true;
            resultRun = 0;
          }
          onVerdict(success);
        }
      }
      if (tickWaiting) {
        tickWaiting = false;
        runProbe();
      }
    });
  }

  sim.after(probe.periodMs, tick);
}
