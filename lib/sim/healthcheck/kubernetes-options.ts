/**
 * Kubernetes probe fields and their defaults (k8s pkg/apis/core/v1/defaults.go; fact sheet §2.4),
 * plus the kubelet's restart backoff (pkg/kubelet/kuberuntime doBackOff, flowcontrol.Backoff).
 */
import type { ProbeProgram } from "./types";

export type KubernetesProbeKind = "startup" | "liveness" | "readiness";

/** A probe as written in a Pod spec (seconds, like the API), plus the handler's behaviour. */
export type KubernetesProbeOptions = {
  initialDelaySeconds?: number;
  periodSeconds?: number;
  timeoutSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
  /** How the endpoint behind this probe answers; default: the scenario's program. */
  program?: ProbeProgram;
};

export type ResolvedKubernetesProbe = {
  initialDelayMs: number;
  periodMs: number;
  timeoutMs: number;
  successThreshold: number;
  failureThreshold: number;
};

export const KUBERNETES_PROBE_DEFAULTS = {
  initialDelaySeconds: 0,
  periodSeconds: 10,
  timeoutSeconds: 1,
  successThreshold: 1,
  failureThreshold: 3,
} as const;

/** Like the API server's defaulting: a missing or 0 field takes the default. */
export function resolveKubernetesProbe(
  kind: KubernetesProbeKind,
  options: KubernetesProbeOptions,
): ResolvedKubernetesProbe {
  const field = (key: keyof typeof KUBERNETES_PROBE_DEFAULTS) => {
    const value = options[key] || KUBERNETES_PROBE_DEFAULTS[key];
    if (!Number.isInteger(value) || value < 0)
      throw new RangeError(`${kind} ${key} must be a whole number ≥ 0`);
    return value;
  };
  const successThreshold = field("successThreshold");
  // The API server rejects anything else for these two kinds.
  if (kind !== "readiness" && successThreshold !== 1)
    throw new RangeError(`${kind} probe successThreshold must be 1, got ${successThreshold}`);
  return {
    initialDelayMs: field("initialDelaySeconds") * 1000,
    periodMs: field("periodSeconds") * 1000,
    timeoutMs: field("timeoutSeconds") * 1000,
    successThreshold,
    failureThreshold: field("failureThreshold"),
  };
}

export type CrashLoopBackoff = { backoffMs: number | null; lastExitAtMs: number };

export const INITIAL_CRASH_LOOP_BACKOFF: CrashLoopBackoff = { backoffMs: null, lastExitAtMs: 0 };

const BACKOFF_INITIAL_MS = 10_000;
const BACKOFF_MAX_MS = 300_000;

/**
 * How long the kubelet waits before starting a container that stopped at `exitAtMs`: the first
 * restart is immediate, then 10 s, 20 s, 40 s … capped at 5 min. The backoff is forgotten when
 * the previous stop was more than 10 min (twice the cap) earlier.
 */
export function nextCrashLoopDelay(backoff: CrashLoopBackoff, exitAtMs: number) {
  const expired = backoff.backoffMs === null || exitAtMs - backoff.lastExitAtMs > 2 * BACKOFF_MAX_MS;
  if (expired) return { delayMs: 0, backoff: { backoffMs: BACKOFF_INITIAL_MS, lastExitAtMs: exitAtMs } };
  const delayMs = backoff.backoffMs ?? BACKOFF_INITIAL_MS;
  return { delayMs, backoff: { backoffMs: Math.min(delayMs * 2, BACKOFF_MAX_MS), lastExitAtMs: exitAtMs } };
}
