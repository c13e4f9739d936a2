import {
  CHECK_FAMILY,
  type CpuCheck,
  type LabCheck,
  type LoggingCheck,
  type MemoryCheck,
  type SecretsCheck,
} from "./check-schema";
import { loggingCheckLabel } from "./checks/logging";
import { cpuCheckLabel, memoryCheckLabel } from "./checks/memory";
import { secretsCheckLabel } from "./checks/secrets";
import type { TextCheck } from "./text/checks";
import { describeTextCheck } from "./text/labels";

/** "90 s", "1.5 s", "250 ms": virtual times as learners read them. */
export function seconds(ms: number): string {
  if (!Number.isFinite(ms)) return "never";
  return ms < 1_000 && ms !== 0 ? `${ms} ms` : `${Number((ms / 1000).toFixed(3))} s`;
}

const window = (fromMs?: number, toMs?: number) =>
  fromMs === undefined && toMs === undefined
    ? ""
    : ` between ${seconds(fromMs ?? 0)} and ${toMs === undefined ? "the end" : seconds(toMs)}`;

const PROBE_NAMES = {
  healthcheck: "health-check probes",
  startup: "startup probes",
  liveness: "liveness probes",
  readiness: "readiness probes",
} as const;

/** The check as a pass criterion, before anything runs (a lab's `label` wins). */
export function describeCheck(check: LabCheck): string {
  if (check.label) return check.label;
  if (isTextCheck(check)) return describeTextCheck(check);
  const prefix = "run" in check && check.run ? `${check.run}: ` : "";
  return prefix + baseLabel(check);
}

function baseLabel(check: Exclude<LabCheck, TextCheck>): string {
  const ops = opsLabel(check);
  if (ops !== null) return ops;
  switch (check.type) {
    case "status-at":
      return `Status is ${check.status} at ${seconds(check.atMs)}`;
    case "becomes-unhealthy-between":
      return `Becomes unhealthy${window(check.fromMs, check.toMs)}, not before`;
    case "becomes-healthy-between":
      return `Healthy again${window(check.fromMs, check.toMs)}`;
    case "never-unhealthy":
      return "Never marked unhealthy";
    case "no-restarts":
      return `No restarts${window(check.fromMs, check.toMs)}`;
    case "probes-succeed":
      return `Every one of the ${PROBE_NAMES[check.probe]} succeeds${window(check.fromMs, check.toMs)}`;
    case "failing-probes":
      return `Failing probes${window(check.fromMs, check.toMs)} are answered by your handler${
        check.httpStatus ? ` with ${check.httpStatus}` : ""
      } (exit ${check.exitCode}) within ${seconds(check.maxDurationMs)}`;
    case "ready-at":
      return `Pod is ${check.ready ? "" : "not "}Ready at ${seconds(check.atMs)}`;
    case "requests": {
      if (check.dropped === 0 && check.refused === 0) return "No request dropped or refused";
      const limit = (count: number | undefined, what: string) =>
        count === undefined ? null : count === 0 ? `none ${what}` : `at most ${count} ${what}`;
      const parts = [limit(check.dropped, "dropped"), limit(check.refused, "refused")].filter(Boolean);
      return parts.length ? `Requests: ${parts.join(", ")}` : "Requests are counted";
    }
    case "requests-completed":
      return `Request${check.ids.length > 1 ? "s" : ""} ${check.ids.join(", ")} complete${check.ids.length > 1 ? "" : "s"}`;
    case "exit-code":
      return `Exit code ${check.code}`;
    case "exit-before-ms":
      return `The process exits before ${seconds(check.ms)}`;
    case "no-sigkill":
      return "Never killed with SIGKILL (no 137)";
    case "exit-cause":
      return `The process ends by ${EXIT_CAUSES[check.cause]}`;
    case "errors":
      return check.max === 0 ? "No failed requests" : `At most ${check.max} failed requests`;
    case "min-capacity":
      return `At least ${check.atLeast} replicas serving at every moment`;
    case "min-available":
      return `At least ${check.atLeast} Pods available at every moment`;
    case "rollout-outcome":
      return `The rollout ends ${check.outcome}`;
    default:
      throw new Error(`no label for the ${check.type} check`);
  }
}

/** The resource-limits, logging and secrets checks word themselves (checks/memory, logging, secrets). */
function opsLabel(check: LabCheck): string | null {
  switch (CHECK_FAMILY[check.type]) {
    case "memory":
      return memoryCheckLabel(check as MemoryCheck);
    case "cpu":
      return cpuCheckLabel(check as CpuCheck);
    case "logging":
      return loggingCheckLabel(check as LoggingCheck);
    case "secrets":
      return secretsCheckLabel(check as SecretsCheck);
    default:
      return null;
  }
}

export const EXIT_CAUSES = {
  sigkill: "SIGKILL",
  "signal-default": "the signal's default action",
  "process-exit": "calling process.exit()",
  "uncaught-exception": "an uncaught exception",
  "event-loop-empty": "running out of work (empty event loop)",
} as const;

const TEXT_CHECK_TYPES = new Set<string>([
  "alert-fires-within",
  "alert-stays-quiet",
  "query-per-label",
  "dockerfile",
  "backup-file",
  "restore-complete",
  "orders-failed",
  "incident-cause",
  "incident-fix",
]);
const isTextCheck = (check: LabCheck): check is TextCheck => TEXT_CHECK_TYPES.has(check.type);
