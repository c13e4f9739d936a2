import type { ShutdownEvent } from "./types";

export type RequestFate = "completed" | "dropped" | "refused" | "rerouted";

export interface RequestOutcome {
  fate: RequestFate;
  atMs: number;
  cause?: string;
}

/** What finally happened to each request, by id: handy for tables and tests. */
export function requestOutcomes(events: readonly ShutdownEvent[]): Map<string, RequestOutcome> {
  const outcomes = new Map<string, RequestOutcome>();
  for (const event of events) {
    switch (event.type) {
      case "request-completed":
        outcomes.set(event.requestId, { fate: "completed", atMs: event.t });
        break;
      case "request-dropped":
        outcomes.set(event.requestId, { fate: "dropped", atMs: event.t, cause: event.cause });
        break;
      case "request-refused":
        outcomes.set(event.requestId, { fate: "refused", atMs: event.t, cause: event.cause });
        break;
      case "request-rerouted":
        outcomes.set(event.requestId, { fate: "rerouted", atMs: event.t, cause: event.cause });
        break;
    }
  }
  return outcomes;
}
