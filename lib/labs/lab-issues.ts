import { CHECK_FAMILY, type CheckFamily, type HealthCheck, type LabCheck } from "./check-schema";
import { paramProblems } from "./params-schema";
import { isCodeLab, type Lab } from "./schema";
import { isTextLabIn, TEXT_FAMILIES, textLabIssues } from "./text/lab-issues";

/** A rule broken by a lab file, with where (for the content test's message). */
export type LabIssue = { path: Array<string | number>; message: string };

const FAMILY_OF_KIND: Record<Lab["kind"], CheckFamily> = {
  "health-code": "health",
  "healthcheck-flags": "health",
  "shutdown-code": "shutdown",
  "shutdown-config": "shutdown",
  "rollout-config": "rollout",
  ...TEXT_FAMILIES,
  "memory-config": "memory",
  "cpu-config": "cpu",
  "logging-config": "logging",
  "secrets-code": "secrets",
};

const DOCKER_ONLY = new Set([
  "status-at",
  "becomes-unhealthy-between",
  "becomes-healthy-between",
  "never-unhealthy",
]);

/** Rules spanning several fields, which the shape alone cannot express. */
export function labIssues(lab: Lab): LabIssue[] {
  const issues: LabIssue[] = [];
  const family = FAMILY_OF_KIND[lab.kind];
  lab.checks.forEach((check, index) => {
    const at = (message: string) => issues.push({ path: ["checks", index], message });
    if (CHECK_FAMILY[check.type] !== family) at(`a ${lab.kind} lab cannot use the ${check.type} check`);
    if ("fromMs" in check && "toMs" in check && check.fromMs !== undefined && check.toMs !== undefined) {
      if (check.fromMs > check.toMs) at("fromMs must not come after toMs");
    }
    if (CHECK_FAMILY[check.type] === "health")
      for (const message of healthCheckProblems(lab, check as HealthCheck)) at(message);
  });
  if (isTextLabIn(lab)) issues.push(...textLabIssues(lab));
  else if (isCodeLab(lab)) {
    if (lab.solution.code.trim() === lab.input.starterCode.trim())
      issues.push({ path: ["solution", "code"], message: "must differ from the starter code" });
  } else {
    for (const problem of paramProblems(lab.input.params, lab.solution.params))
      issues.push({ path: ["solution", "params", problem.key], message: problem.message });
  }
  if (lab.kind === "health-code") {
    lab.scenario.faults.forEach((fault, index) => {
      if (fault.toMs !== undefined && fault.toMs <= fault.fromMs)
        issues.push({ path: ["scenario", "faults", index, "toMs"], message: "must come after fromMs" });
    });
  }
  if (lab.kind === "shutdown-config" && lab.scenario.platform.kind !== "kubernetes")
    issues.push({ path: ["scenario", "platform", "kind"], message: "preStop is a Kubernetes setting" });
  if (lab.kind === "healthcheck-flags") {
    const ids = lab.scenario.runs.map((run) => run.id);
    if (new Set(ids).size !== ids.length)
      issues.push({ path: ["scenario", "runs"], message: "run ids must be unique" });
  }
  return issues;
}

function healthCheckProblems(lab: Lab, check: HealthCheck): string[] {
  const problems: string[] = [];
  if (lab.kind === "healthcheck-flags") {
    const run = lab.scenario.runs.find((candidate) => candidate.id === check.run);
    if (!run) problems.push(`must name one of the runs (${lab.scenario.runs.map((r) => r.id).join(", ")})`);
    if (check.type === "ready-at") problems.push("ready-at needs a Kubernetes scenario");
    if ("probe" in check && check.probe && check.probe !== "healthcheck")
      problems.push("Docker only has the healthcheck probe");
    if (run) problems.push(...timeProblems(check, run.durationMs));
    return problems;
  }
  if (lab.kind !== "health-code") return problems;
  if (check.run !== undefined) problems.push("run is only for labs with several runs");
  const { scenario } = lab;
  problems.push(...timeProblems(check, scenario.durationMs));
  if (scenario.platform === "docker") {
    if (check.type === "ready-at") problems.push("ready-at needs a Kubernetes scenario");
    if ("probe" in check && check.probe && check.probe !== "healthcheck")
      problems.push("Docker only has the healthcheck probe");
  } else {
    if (DOCKER_ONLY.has(check.type))
      problems.push(`${check.type} reads Docker's health status; use ready-at or no-restarts`);
    if ("probe" in check && check.probe && (check.probe === "healthcheck" || !scenario.probes[check.probe]))
      problems.push(`the scenario defines no ${check.probe} probe`);
  }
  return problems;
}

function timeProblems(check: LabCheck, durationMs: number): string[] {
  const times = [
    "atMs" in check ? check.atMs : undefined,
    "fromMs" in check ? check.fromMs : undefined,
    "toMs" in check ? check.toMs : undefined,
  ];
  return times.some((time) => time !== undefined && time > durationMs)
    ? [`times must lie within the run (${durationMs} ms)`]
    : [];
}
