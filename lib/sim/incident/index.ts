/**
 * The troubleshooting lab's simulated host: an incident scenario computed from the memory/CPU,
 * health-check and logging engines, a command prompt that answers docker and curl consistently,
 * and scoring of a named root cause and fix. Pure and deterministic.
 */
export { buildWorld } from "./scenarios";
export { IncidentHost, type CommandResult, type HistoryEntry } from "./host";
export { FIXES, ROOT_CAUSES, scoreAnswer, type Fix, type RootCause, type Score } from "./score";
export { EPOCH_MS, humanDuration, iso, SCENARIO_IDS, type ScenarioId, type World } from "./world";
