import { PLATFORM_RULES } from "./platform";
import type {
  LaunchMode,
  PlatformKind,
  ReadinessProbeSpec,
  RequestSpec,
  ShutdownScenario,
  StopSignal,
} from "./types";

/** A scenario with every default filled in and every number checked. */
export interface ResolvedScenario {
  platform: { kind: PlatformKind; gracePeriodMs: number; stopSignal: StopSignal; preStopMs: number };
  launch: LaunchMode;
  nodeMajor: number;
  keepAliveTimeoutMs: number;
  database: { closeMs: number } | null;
  stopAtMs: number;
  /** Sorted by arrival; same-time requests keep their given order. */
  requests: readonly RequestSpec[];
  routing: { endpointRemovalDelayMs: number | null; readinessProbe: Required<ReadinessProbeSpec> | null };
}

export const DEFAULT_NODE_MAJOR = 20;
export const DEFAULT_KEEP_ALIVE_TIMEOUT_MS = 5_000;
export const DEFAULT_DB_CLOSE_MS = 100;

function checkMs(value: number, field: string, min = 0): number {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${field} must be an integer number of ms ≥ ${min}, got ${value}`);
  }
  return value;
}

function sortedRequests(requests: readonly RequestSpec[]): readonly RequestSpec[] {
  let sorted = true;
  for (let i = 0; i < requests.length; i++) {
    const request = requests[i]!;
    if (typeof request.id !== "string" || request.id === "") throw new RangeError(`request ${i} needs an id`);
    checkMs(request.atMs, `request ${request.id} atMs`);
    checkMs(request.durationMs, `request ${request.id} durationMs`);
    if (i > 0 && requests[i - 1]!.atMs > request.atMs) sorted = false;
  }
  // Array.prototype.sort is stable, so same-time requests keep their order.
  return sorted ? requests : [...requests].sort((a, b) => a.atMs - b.atMs);
}

function resolveProbe(probe: ReadinessProbeSpec | null | undefined): Required<ReadinessProbeSpec> | null {
  if (!probe) return null;
  const periodMs = checkMs(probe.periodMs, "readinessProbe.periodMs", 1);
  const failureThreshold = checkMs(probe.failureThreshold, "readinessProbe.failureThreshold", 1);
  const offsetMs = checkMs(probe.offsetMs ?? periodMs, "readinessProbe.offsetMs");
  return { periodMs, failureThreshold, offsetMs };
}

export function resolveScenario(scenario: ShutdownScenario): ResolvedScenario {
  const kind = scenario.platform?.kind ?? "docker";
  const rules = PLATFORM_RULES[kind];
  if (!rules) throw new RangeError(`unknown platform ${String(kind)}`);
  const preStopMs = checkMs(scenario.platform?.preStopMs ?? 0, "platform.preStopMs");
  if (preStopMs > 0 && kind !== "kubernetes") throw new RangeError("preStopMs is a Kubernetes setting");
  const removal = scenario.routing?.endpointRemovalDelayMs;
  return {
    platform: {
      kind,
      gracePeriodMs: checkMs(
        scenario.platform?.gracePeriodMs ?? rules.gracePeriodMs,
        "platform.gracePeriodMs",
      ),
      stopSignal: scenario.platform?.stopSignal ?? "SIGTERM",
      preStopMs,
    },
    launch: scenario.launch ?? "exec",
    nodeMajor: checkMs(scenario.nodeMajor ?? DEFAULT_NODE_MAJOR, "nodeMajor", 10),
    keepAliveTimeoutMs: checkMs(
      scenario.keepAliveTimeoutMs ?? DEFAULT_KEEP_ALIVE_TIMEOUT_MS,
      "keepAliveTimeoutMs",
    ),
    database:
      scenario.database === null
        ? null
        : { closeMs: checkMs(scenario.database?.closeMs ?? DEFAULT_DB_CLOSE_MS, "database.closeMs") },
    stopAtMs: checkMs(scenario.stopAtMs ?? 0, "stopAtMs"),
    requests: sortedRequests(scenario.requests ?? []),
    routing: {
      endpointRemovalDelayMs:
        removal === undefined
          ? rules.endpointRemovalDelayMs
          : removal === null
            ? null
            : checkMs(removal, "routing.endpointRemovalDelayMs"),
      readinessProbe: resolveProbe(scenario.routing?.readinessProbe),
    },
  };
}
