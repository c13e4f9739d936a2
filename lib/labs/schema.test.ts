import { describe, expect, it } from "vitest";
import { LAB_FILES, LABS } from "@/content/labs";
import { LabSchema, parseLab, submissionSchemaFor, type LabInput } from "./schema";
import { DOCKER_HEALTH_CODE_LAB } from "@/lib/testing/docker-health-labs";
import { labBySlug } from "./test-helpers";

const file = <K extends LabInput["kind"]>(slug: string, kind: K): Extract<LabInput, { kind: K }> => {
  const found = LAB_FILES.find((each) => each.slug === slug);
  if (!found || found.kind !== kind) throw new Error(`no ${kind} lab ${slug}`);
  return structuredClone(found) as Extract<LabInput, { kind: K }>;
};

const report503 = () => file("report-503-when-the-database-is-down", "health-code");
const liveness = () => file("keep-liveness-shallow", "health-code");
const dockerCode = () => structuredClone(DOCKER_HEALTH_CODE_LAB) as Extract<LabInput, { kind: "health-code" }>;
const flags = () => file("pick-healthcheck-flags", "healthcheck-flags");
const prestop = () => file("prestop-sleep", "shutdown-config");

/** The messages LabSchema gives, as "path: message". */
function problems(input: unknown): string[] {
  const parsed = LabSchema.safeParse(input);
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("LabSchema rejects broken lab files", () => {
  it("accepts the published ones (the baseline for the cases below)", () => {
    expect(problems(report503())).toEqual([]);
  });

  it.each([
    ["an unknown lesson", { ...report503(), lesson: "kubernetes-basics" }, "lesson"],
    [
      "a heading id that is not one",
      { ...report503(), lessonSection: "Liveness and readiness" },
      "lessonSection",
    ],
    ["a single hint", { ...report503(), hints: ["Only one hint is not enough."] }, "hints"],
    ["four hints", { ...report503(), hints: Array(4).fill("Four hints are too many.") }, "hints"],
    ["an unknown field", { ...report503(), difficulty: "easy" }, ""],
    ["no checks", { ...report503(), checks: [] }, "checks"],
    [
      "a solution that is the starter",
      { ...report503(), solution: { ...report503().solution, code: report503().input.starterCode } },
      "solution.code: must differ from the starter code",
    ],
  ])("%s", (_name, input, path) => {
    const found = problems(input);
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((problem) => problem.startsWith(path))).toBe(true);
  });

  it("checks must belong to the lab's engine", () => {
    expect(problems({ ...report503(), checks: [{ type: "exit-code", code: 0 }] })).toEqual([
      "checks.0: a health-code lab cannot use the exit-code check",
    ]);
  });

  it("checks must fit the platform: Docker status versus Kubernetes endpoints and probes", () => {
    expect(problems({ ...dockerCode(), checks: [{ type: "ready-at", atMs: 1_000, ready: true }] })).toContain(
      "checks.0: ready-at needs a Kubernetes scenario",
    );
    expect(problems({ ...liveness(), checks: [{ type: "never-unhealthy" }] })).toContain(
      "checks.0: never-unhealthy reads Docker's health status; use ready-at or no-restarts",
    );
    expect(problems({ ...liveness(), checks: [{ type: "probes-succeed", probe: "startup" }] })).toContain(
      "checks.0: the scenario defines no startup probe",
    );
  });

  it("windows run forwards and stay inside the run", () => {
    expect(
      problems({
        ...report503(),
        checks: [{ type: "becomes-unhealthy-between", fromMs: 150_000, toMs: 60_000 }],
      }),
    ).toContain("checks.0: fromMs must not come after toMs");
    expect(
      problems({ ...report503(), checks: [{ type: "status-at", atMs: 999_000, status: "healthy" }] }),
    ).toContain("checks.0: times must lie within the run (210000 ms)");
  });

  it("a fault must end after it starts", () => {
    const lab = dockerCode();
    if (lab.scenario.platform !== "docker") throw new Error("expected Docker");
    const scenario = {
      ...lab.scenario,
      faults: [{ dependency: "db" as const, fromMs: 60_000, toMs: 60_000, mode: "down" as const }],
    };
    expect(problems({ ...lab, scenario })).toContain("scenario.faults.0.toMs: must come after fromMs");
  });

  it("multi-run labs name an existing run in every check", () => {
    expect(problems({ ...flags(), checks: [{ type: "never-unhealthy", run: "nightly" }] })).toContain(
      "checks.0: must name one of the runs (hang, pause)",
    );
    expect(problems({ ...flags(), checks: [{ type: "never-unhealthy" }] })).toContain(
      "checks.0: must name one of the runs (hang, pause)",
    );
  });

  it("settings: defaults and the solution must lie within the bounds", () => {
    const lab = flags();
    const outOfBounds = {
      ...lab,
      solution: { ...lab.solution, params: { ...lab.solution.params, interval: 90 } },
    };
    expect(problems(outOfBounds)).toContain("solution.params.interval: must be between 1 and 60");
    const badDefault = {
      ...lab,
      input: { params: { ...lab.input.params, retries: { ...lab.input.params.retries, default: 0 } } },
    };
    expect(problems(badDefault)).toContain("input.params.retries.default: must be between 1 and 10");
    const missing = {
      ...lab,
      solution: { ...lab.solution, params: { interval: 5, timeout: 3, retries: 2 } },
    };
    expect(problems(missing).some((problem) => problem.startsWith("solution.params.startPeriod"))).toBe(true);
  });

  it("preStop is a Kubernetes setting", () => {
    const lab = prestop();
    expect(problems({ ...lab, scenario: { ...lab.scenario, platform: { kind: "docker" } } })).toContain(
      "scenario.platform.kind: preStop is a Kubernetes setting",
    );
  });

  it("parseLab names the lab and every bad field", () => {
    expect(() => parseLab({ ...report503(), hints: [] })).toThrow(
      /^Invalid lab report-503-when-the-database-is-down:\n {2}- hints: /,
    );
  });
});

describe("submissionSchemaFor", () => {
  const rollout = labBySlug(LABS, "zero-failure-rollout");
  const schema = submissionSchemaFor(rollout);

  it("accepts settings on their steps within bounds", () => {
    expect(
      schema.safeParse({
        labSlug: rollout.slug,
        params: { maxSurge: 1, maxUnavailable: 0, preStop: 5, minReady: 0 },
      }).success,
    ).toBe(true);
  });

  it.each([
    ["negative", { maxSurge: -1, maxUnavailable: 0, preStop: 5, minReady: 0 }],
    ["too large", { maxSurge: 1, maxUnavailable: 0, preStop: 21, minReady: 0 }],
    ["not a number", { maxSurge: "1", maxUnavailable: 0, preStop: 5, minReady: 0 }],
    ["infinite", { maxSurge: Infinity, maxUnavailable: 0, preStop: 5, minReady: 0 }],
  ])("rejects a setting that is %s", (_name, params) => {
    expect(schema.safeParse({ labSlug: rollout.slug, params }).success).toBe(false);
  });
});
