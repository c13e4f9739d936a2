import type { ResolvedScenario } from "./scenario";
import type { PlatformKind, StopSignal } from "./types";

interface PlatformRules {
  /** Label for narration. */
  label: string;
  gracePeriodMs: number;
  /** Delay between the stop starting and the signal, outside the grace period. */
  signalDelayMs: number;
  /** Whether the grace period is counted from the stop (Kubernetes, preStop included) or from the signal. */
  graceFrom: "stop" | "signal";
  /** Kubernetes gives at least this long between SIGTERM and SIGKILL, even when preStop used up the grace. */
  minGraceAfterSignalMs: number;
  /** Default routing: when the endpoint leaves the balancer, null = never. */
  endpointRemovalDelayMs: number | null;
}

/**
 * Fact sheet §3.1: 10 s for docker stop, Compose and Swarm, 30 s for Kubernetes, preStop counting
 * against it. Swarm removes the task from its balancer, then waits a hard-coded 2 s before stopping
 * it (moby daemon/cluster/executor/container/controller.go, defaultGossipConvergeDelay). The kubelet
 * subtracts preStop's time from the grace but never leaves less than 2 s between SIGTERM and SIGKILL
 * (kubernetes pkg/kubelet/kuberuntime, minimumGracePeriodInSeconds). Kubernetes' 1 s endpoint
 * removal delay is illustrative, not a constant: propagation takes milliseconds to seconds.
 */
export const PLATFORM_RULES: Readonly<Record<PlatformKind, PlatformRules>> = {
  docker: {
    label: "docker stop",
    gracePeriodMs: 10_000,
    signalDelayMs: 0,
    graceFrom: "signal",
    minGraceAfterSignalMs: 0,
    endpointRemovalDelayMs: null,
  },
  compose: {
    label: "docker compose stop",
    gracePeriodMs: 10_000,
    signalDelayMs: 0,
    graceFrom: "signal",
    minGraceAfterSignalMs: 0,
    endpointRemovalDelayMs: null,
  },
  swarm: {
    label: "Swarm",
    gracePeriodMs: 10_000,
    signalDelayMs: 2_000,
    graceFrom: "signal",
    minGraceAfterSignalMs: 0,
    endpointRemovalDelayMs: 0,
  },
  kubernetes: {
    label: "the kubelet",
    gracePeriodMs: 30_000,
    signalDelayMs: 0,
    graceFrom: "stop",
    minGraceAfterSignalMs: 2_000,
    endpointRemovalDelayMs: 1_000,
  },
};

export interface StopPlan {
  stopAtMs: number;
  signal: StopSignal;
  signalAtMs: number;
  killAtMs: number;
  preStop: { endMs: number; cutShort: boolean } | null;
  endpointRemovalAtMs: number | null;
}

/** When each platform step happens; the app's behaviour cannot move any of these. */
export function planStop(scenario: ResolvedScenario): StopPlan {
  const { platform, stopAtMs, routing } = scenario;
  const rules = PLATFORM_RULES[platform.kind];
  const grace = platform.gracePeriodMs;
  const preStopRuns = Math.min(platform.preStopMs, grace);
  const preStop =
    platform.preStopMs > 0 ? { endMs: stopAtMs + preStopRuns, cutShort: platform.preStopMs > grace } : null;
  const signalAtMs = stopAtMs + rules.signalDelayMs + preStopRuns;
  const killAtMs =
    rules.graceFrom === "stop"
      ? Math.max(stopAtMs + grace, signalAtMs + rules.minGraceAfterSignalMs)
      : signalAtMs + grace;
  const removal = routing.endpointRemovalDelayMs;
  return {
    stopAtMs,
    signal: platform.stopSignal,
    signalAtMs,
    killAtMs,
    preStop,
    endpointRemovalAtMs: removal === null ? null : stopAtMs + removal,
  };
}
