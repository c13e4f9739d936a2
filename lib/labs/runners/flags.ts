import { simulate } from "@/lib/sim/healthcheck";
import { appProgram } from "../app-behaviour";
import type { ParamValues } from "../params-schema";
import type { LabOfKind } from "../schema";
import type { HealthRun } from "./health-code";

/** The learner's HEALTHCHECK flags (whole seconds) against each built-in app of the lab. */
export function runFlags(
  lab: LabOfKind<"healthcheck-flags">,
  params: ParamValues<"healthcheck-flags">,
): HealthRun[] {
  // As written in the Dockerfile: HEALTHCHECK --interval=… --timeout=… --start-period=… --retries=…
  const image = {
    intervalMs: params.interval * 1000,
    timeoutMs: params.timeout * 1000,
    startPeriodMs: params.startPeriod * 1000,
    retries: params.retries,
  };
  return lab.scenario.runs.map((run) => ({
    id: run.id,
    label: run.label,
    timeline: simulate(
      { platform: "docker", durationMs: run.durationMs, image, engineVersion: lab.scenario.engineVersion },
      appProgram(run.app),
    ),
    logs: [],
  }));
}
