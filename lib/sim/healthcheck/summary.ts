import type { HealthState, Summary, Timeline, TimelineEvent } from "./types";

/** Derives the summary figures from the events alone, so any timeline can be summarised. */
export function summarize(events: readonly TimelineEvent[]): Summary {
  const summary: Summary = {
    timeToFirstHealthyMs: null,
    timeToUnhealthyMs: null,
    timeToFirstReadyMs: null,
    restarts: 0,
    replacements: 0,
    probes: 0,
    failedProbes: 0,
    timedOutProbes: 0,
    endpointRemovals: 0,
    requests: 0,
    failedRequests: 0,
    retriedRequests: 0,
    dependantStartedAtMs: null,
    dependantFailedAtMs: null,
  };
  for (const event of events) {
    switch (event.type) {
      case "status-change":
        if (event.cause !== "probe") break;
        if (event.to === "healthy") summary.timeToFirstHealthyMs ??= event.atMs;
        if (event.to === "unhealthy") summary.timeToUnhealthyMs ??= event.atMs;
        break;
      case "endpoint-added":
        if (event.via === "kubernetes-service") summary.timeToFirstReadyMs ??= event.atMs;
        break;
      case "task-running":
        summary.timeToFirstReadyMs ??= event.atMs;
        break;
      case "restart":
        summary.restarts++;
        break;
      case "task-replaced":
        summary.replacements++;
        break;
      case "probe-end":
        summary.probes++;
        if (!event.success) summary.failedProbes++;
        if (event.timedOut) summary.timedOutProbes++;
        break;
      case "endpoint-removed":
        summary.endpointRemovals++;
        break;
      case "request":
        summary.requests++;
        if (event.status >= 500) summary.failedRequests++;
        if (event.attempts.length > 1) summary.retriedRequests++;
        break;
      case "dependant-started":
        summary.dependantStartedAtMs ??= event.atMs;
        break;
      case "dependant-failed":
        summary.dependantFailedAtMs ??= event.atMs;
        break;
    }
  }
  return summary;
}

export function toTimeline(events: TimelineEvent[], health: Record<string, HealthState> = {}): Timeline {
  return { events, summary: summarize(events), health };
}
