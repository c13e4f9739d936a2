import { simulateShutdown } from "./engine";
import { requestOutcomes } from "./fates";
import type { ProgramSpec, ShutdownProgram } from "./program-types";
import type { RequestSpec, ShutdownEventType, ShutdownScenario } from "./types";

/** The lesson's worked example: three requests in flight when the stop begins at t = 0. */
export const ABC: readonly RequestSpec[] = [
  { id: "A", atMs: 0, durationMs: 2_000 },
  { id: "B", atMs: 0, durationMs: 4_000 },
  { id: "C", atMs: 0, durationMs: 12_000 },
];

/** Runs a scenario and exposes compact views for assertions. */
export function simulate(scenario: ShutdownScenario, program: ShutdownProgram | ProgramSpec) {
  const result = simulateShutdown(scenario, program);
  const { total, completed, dropped, refused, rerouted } = result.summary.requests;
  if (completed + dropped + refused + rerouted !== total)
    throw new Error("a request was left without a fate");
  const outcomes = requestOutcomes(result.events);
  return {
    ...result,
    /** "completed@2000", "dropped:sigkill@10000", … */
    fate(id: string): string {
      const outcome = outcomes.get(id);
      if (!outcome) return "unknown";
      return `${outcome.fate}${outcome.cause ? `:${outcome.cause}` : ""}@${outcome.atMs}`;
    },
    /** Times at which events of one type happened. */
    times(type: ShutdownEventType): number[] {
      return result.events.filter((event) => event.type === type).map((event) => event.t);
    },
    has(type: ShutdownEventType): boolean {
      return result.events.some((event) => event.type === type);
    },
  };
}

/** A request every `everyMs` from `fromMs` (inclusive) to `toMs` (exclusive), on new connections. */
export function steady(prefix: string, fromMs: number, toMs: number, everyMs: number, durationMs: number) {
  const requests: RequestSpec[] = [];
  for (let at = fromMs, i = 0; at < toMs; at += everyMs, i++)
    requests.push({ id: `${prefix}${i}`, atMs: at, durationMs });
  return requests;
}
