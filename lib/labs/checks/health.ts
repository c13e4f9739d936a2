import { eventsOfType, type HealthStatus, type Timeline, type TimelineEvent } from "@/lib/sim/healthcheck";
import type { CheckOf, HealthCheck } from "../check-schema";
import { describeCheck, seconds } from "../check-labels";
import type { CheckResult } from "../result-types";

/** Judges one health check against the timeline of the run it names. */
export function judgeHealthCheck(check: HealthCheck, timeline: Timeline): CheckResult {
  const label = describeCheck(check);
  const { passed, detail } = verdict(check, timeline.events);
  return { label, passed, detail };
}

type Verdict = { passed: boolean; detail: string };

function verdict(check: HealthCheck, events: readonly TimelineEvent[]): Verdict {
  switch (check.type) {
    case "status-at":
      return statusAt(check, events);
    case "becomes-unhealthy-between":
      return becomesUnhealthy(check, events);
    case "becomes-healthy-between":
      return becomesHealthy(check, events);
    case "never-unhealthy": {
      const first = probeChanges(events, "unhealthy")[0];
      return first
        ? { passed: false, detail: `Marked unhealthy at ${seconds(first.atMs)}.` }
        : { passed: true, detail: "The status never became unhealthy." };
    }
    case "no-restarts": {
      const restarts = eventsOfType(events, "restart").filter((event) => inWindow(event.atMs, check));
      const first = restarts[0];
      return first
        ? {
            passed: false,
            detail: `${restarts.length} restart${restarts.length > 1 ? "s" : ""}; the first at ${seconds(first.atMs)} (${first.reason}).`,
          }
        : { passed: true, detail: "The container was never restarted." };
    }
    case "probes-succeed":
      return probesSucceed(check, events);
    case "failing-probes":
      return failingProbes(check, events);
    case "ready-at": {
      const ready = readyAt(events, check.atMs);
      return {
        passed: ready === check.ready,
        detail: `At ${seconds(check.atMs)} the Pod was ${ready ? "Ready (in the Service's endpoints)" : "not Ready (out of the Service's endpoints)"}.`,
      };
    }
  }
}

const inWindow = (atMs: number, window: { fromMs?: number; toMs?: number }) =>
  atMs >= (window.fromMs ?? 0) && atMs <= (window.toMs ?? Number.POSITIVE_INFINITY);

/** Docker's health status changes reported by probes (what `docker events` shows). */
function probeChanges(events: readonly TimelineEvent[], to: HealthStatus) {
  return eventsOfType(events, "status-change").filter((event) => event.cause === "probe" && event.to === to);
}

/** Docker's status at `atMs`: the last change at or before it (starting before any). */
function statusAt(check: CheckOf<"status-at">, events: readonly TimelineEvent[]): Verdict {
  const status = statusAtTime(events, check.atMs);
  return { passed: status === check.status, detail: `At ${seconds(check.atMs)} the status was ${status}.` };
}

function statusAtTime(events: readonly TimelineEvent[], atMs: number): HealthStatus {
  let status: HealthStatus = "starting";
  for (const event of eventsOfType(events, "status-change")) {
    if (event.atMs > atMs) break;
    status = event.to;
  }
  return status;
}

function becomesUnhealthy(
  check: CheckOf<"becomes-unhealthy-between">,
  events: readonly TimelineEvent[],
): Verdict {
  const changes = probeChanges(events, "unhealthy");
  const early = changes.find((event) => event.atMs < check.fromMs);
  if (early)
    return {
      passed: false,
      detail: `It was already marked unhealthy at ${seconds(early.atMs)}, before ${seconds(check.fromMs)}.`,
    };
  const first = changes[0];
  if (!first) return { passed: false, detail: "It was never marked unhealthy." };
  if (first.atMs > check.toMs)
    return {
      passed: false,
      detail: `It was marked unhealthy only at ${seconds(first.atMs)}, after ${seconds(check.toMs)}.`,
    };
  return {
    passed: true,
    detail: `Marked unhealthy at ${seconds(first.atMs)}, ${seconds(first.atMs - check.fromMs)} after ${seconds(check.fromMs)}.`,
  };
}

function becomesHealthy(
  check: CheckOf<"becomes-healthy-between">,
  events: readonly TimelineEvent[],
): Verdict {
  const change = probeChanges(events, "healthy").find((event) => inWindow(event.atMs, check));
  const end = statusAtTime(events, check.toMs);
  if (!change) {
    const wasHealthy = statusAtTime(events, check.fromMs) === "healthy" && end === "healthy";
    return {
      passed: false,
      detail: wasHealthy
        ? `It stayed healthy from ${seconds(check.fromMs)} to ${seconds(check.toMs)}: it had never been marked unhealthy, so there was nothing to recover from.`
        : `No probe turned it healthy in that time; at ${seconds(check.toMs)} it was ${end}.`,
    };
  }
  if (end !== "healthy")
    return {
      passed: false,
      detail: `Healthy at ${seconds(change.atMs)}, but ${end} again by ${seconds(check.toMs)}.`,
    };
  return { passed: true, detail: `Healthy again at ${seconds(change.atMs)}.` };
}

function probesSucceed(check: CheckOf<"probes-succeed">, events: readonly TimelineEvent[]): Verdict {
  const probes = eventsOfType(events, "probe-end").filter(
    (event) => event.probe === check.probe && inWindow(event.startedAtMs, check),
  );
  if (probes.length === 0) return { passed: false, detail: "No such probe ran in that time." };
  const failed = probes.filter((event) => !event.success);
  const first = failed[0];
  if (!first) return { passed: true, detail: `All ${probes.length} succeeded.` };
  return {
    passed: false,
    detail: `${failed.length} of ${probes.length} failed; the first started at ${seconds(first.startedAtMs)}: ${describeProbe(first)}.`,
  };
}

function failingProbes(check: CheckOf<"failing-probes">, events: readonly TimelineEvent[]): Verdict {
  const failed = eventsOfType(events, "probe-end").filter(
    (event) =>
      !event.success &&
      (check.probe === undefined || event.probe === check.probe) &&
      inWindow(event.startedAtMs, check),
  );
  const wrong = failed.find(
    (event) =>
      event.exitCode !== check.exitCode ||
      event.durationMs > check.maxDurationMs ||
      (check.httpStatus !== undefined && !event.output.includes(`error: ${check.httpStatus}`)),
  );
  if (wrong)
    return {
      passed: false,
      detail: `The probe started at ${seconds(wrong.startedAtMs)} ${describeProbe(wrong)}.`,
    };
  if (failed.length < check.atLeast)
    return {
      passed: false,
      detail:
        failed.length === 0
          ? "No probe failed in that time: the outage went unreported."
          : `Only ${failed.length} probe${failed.length > 1 ? "s" : ""} failed; at least ${check.atLeast} should.`,
    };
  const slowest = Math.max(...failed.map((event) => event.durationMs));
  return {
    passed: true,
    detail: `${failed.length} failing probe${failed.length > 1 ? "s" : ""}, each answered with exit ${check.exitCode}; the slowest took ${seconds(slowest)}.`,
  };
}

type ProbeEnd = Extract<TimelineEvent, { type: "probe-end" }>;

function describeProbe(event: ProbeEnd): string {
  if (event.timedOut)
    return `got no answer and was killed after ${seconds(event.timeoutMs)} (exit −1, "${event.output}")`;
  return `ended with exit ${event.exitCode} after ${seconds(event.durationMs)} ("${event.output.slice(0, 120)}")`;
}

/** Kubernetes: whether the Pod is in the Service's endpoints at `atMs`. */
function readyAt(events: readonly TimelineEvent[], atMs: number): boolean {
  let ready = false;
  for (const event of events) {
    if (event.atMs > atMs) break;
    if (event.type === "endpoint-added" && event.via === "kubernetes-service") ready = true;
    if (event.type === "endpoint-removed" && event.via === "kubernetes-service") ready = false;
  }
  return ready;
}
