/**
 * Shutdown engine: what happens to a container, its Node process and its requests when a
 * platform stops it (fact sheet §3 and §4). Pure and deterministic; see engine.ts for tie rules.
 */
export { runShutdown, simulateShutdown } from "./engine";
export { narrate, narrateTimeline, formatSeconds } from "./narrate";
export { PLATFORM_RULES, planStop, type StopPlan } from "./platform";
export {
  closeEverythingAtOnce,
  exitImmediately,
  graceful,
  noHandler,
  programFromSpec,
  sleepThenExit,
  type GracefulOptions,
} from "./programs";
export { resolveScenario, type ResolvedScenario } from "./scenario";
export { exitCodeForSignal, SIGNAL_NUMBERS } from "./signals";
export type * from "./program-types";
export type * from "./types";
export { requestOutcomes, type RequestFate, type RequestOutcome } from "./fates";
