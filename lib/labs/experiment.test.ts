import type { QuickJSWASMModule } from "quickjs-emscripten-core";
import { beforeAll, describe, expect, it } from "vitest";
import { LABS } from "@/content/labs";
import { loadQuickJs } from "@/lib/sandbox/node-quickjs";
import type { ShutdownEvent } from "@/lib/sim/shutdown";
import type { TimelineEvent } from "@/lib/sim/healthcheck";
import { evaluateLab, SUBMISSION_CHECK_LABEL } from "./evaluate";
import { defaultExperiment, hasExperiment, type ExperimentLab } from "./experiment";
import {
  experimentTargetOf,
  parseExperiment,
  type HealthExperiment,
  type ShutdownExperiment,
} from "./experiment-schema";
import { getPreset, presetsFor } from "./presets";
import type { ExperimentOutcome, LabResult } from "./result-types";
import { DOCKER_HEALTH_CODE_LAB } from "@/lib/testing/docker-health-labs";
import { parseLab } from "./schema";
import { labBySlug, solutionSubmission, starterSubmission } from "./test-helpers";

let quickjs: QuickJSWASMModule;
beforeAll(async () => {
  quickjs = await loadQuickJs();
});

const codeLab = (slug: string) => labBySlug(LABS, slug) as ExperimentLab;
// The Docker HEALTHCHECK experiments run on a test fixture: the course's health-code labs run on Kubernetes.
const REPORT_503 = parseLab(DOCKER_HEALTH_CODE_LAB) as ExperimentLab;
const SHALLOW = codeLab("keep-liveness-shallow");
const DRAIN = codeLab("drain-under-docker-stop");
const EXIT = codeLab("exit-on-your-own-terms");

function ranExperiment(result: LabResult): Extract<ExperimentOutcome, { ok: true }> {
  if (!result.experiment?.ok) throw new Error(`experiment did not run: ${JSON.stringify(result.experiment)}`);
  return result.experiment;
}

function healthEvents(outcome: { timeline: LabResult["timeline"] }): TimelineEvent[] {
  if (outcome.timeline?.kind !== "health") throw new Error("not a health timeline");
  return outcome.timeline.runs[0]!.events;
}

function shutdownEvents(outcome: { timeline: LabResult["timeline"] }): ShutdownEvent[] {
  if (outcome.timeline?.kind !== "shutdown") throw new Error("not a shutdown timeline");
  return outcome.timeline.events;
}

const failedProbeStarts = (events: TimelineEvent[]) =>
  events.flatMap((event) => (event.type === "probe-end" && !event.success ? [event.startedAtMs] : []));

describe("an experiment changes what the learner sees", () => {
  it("moving the database outage moves the probe failures and the unhealthy mark", () => {
    const experiment: HealthExperiment = {
      ...(defaultExperiment(REPORT_503) as HealthExperiment),
      faults: [{ dependency: "db", mode: "down", fromSeconds: 100, toSeconds: 180 }],
    };
    const result = evaluateLab(REPORT_503, solutionSubmission(REPORT_503), quickjs, { experiment });
    const ran = ranExperiment(result);
    const failures = failedProbeStarts(healthEvents(ran));
    expect(failures.length).toBeGreaterThanOrEqual(3);
    expect(failures.every((atMs) => atMs >= 100_000 && atMs < 180_000)).toBe(true);
    // The graded run still has its outage at 60–150 s.
    expect(failedProbeStarts(healthEvents(result)).every((atMs) => atMs >= 60_000 && atMs < 150_000)).toBe(
      true,
    );
    expect(ran.summary).toMatchObject({ kind: "health" });
    expect(ran.headline).toMatch(/unhealthy at 12\d(\.\d+)? s/);
    expect(ran.description).toContain("The database refuses connections from 100 s until 180 s.");
  });

  it("a hanging cache with Docker's 30 s default timeout: probes are killed at the timeout (exit −1)", () => {
    const experiment: HealthExperiment = {
      durationSeconds: 300,
      docker: { interval: 30, timeout: 30, startPeriod: 0, retries: 3 },
      faults: [{ dependency: "db", mode: "hang", fromSeconds: 60, toSeconds: 300 }],
    };
    const ran = ranExperiment(
      evaluateLab(REPORT_503, solutionSubmission(REPORT_503), quickjs, { experiment }),
    );
    const timedOut = healthEvents(ran).filter((event) => event.type === "probe-end" && event.timedOut);
    expect(timedOut.length).toBeGreaterThan(0);
    expect(
      timedOut.every(
        (event) => event.type === "probe-end" && event.exitCode === -1 && event.durationMs === 30_000,
      ),
    ).toBe(true);
  });

  it("a slow database fails Kubernetes' 1 s probes: a deep liveness check restarts the Pod, a shallow one does not", () => {
    const slow = getPreset("health-kubernetes", "slow-database")!;
    const experiment = slow.apply(defaultExperiment(SHALLOW) as HealthExperiment);
    expect(experiment.faults).toEqual([
      { dependency: "db", mode: "slow", latencyMs: 2_000, fromSeconds: 60, toSeconds: 420 },
    ]);

    const deep = ranExperiment(evaluateLab(SHALLOW, starterSubmission(SHALLOW), quickjs, { experiment }));
    const shallow = ranExperiment(evaluateLab(SHALLOW, solutionSubmission(SHALLOW), quickjs, { experiment }));
    expect(deep.summary?.kind === "health" && deep.summary.runs[0]!.summary.restarts).toBeGreaterThan(0);
    expect(shallow.summary?.kind === "health" && shallow.summary.runs[0]!.summary.restarts).toBe(0);
    expect(shallow.description).toContain(`Chapter example: ${slow.example}.`);
  });

  it("the lesson's 2, 4 and 12 s requests under docker stop: a force-exit timer at 8 s ends it with exit 1", () => {
    const preset = getPreset("shutdown", "worked-timeline-2-4-12")!;
    const experiment = getPreset("shutdown", "docker-default-grace")!.apply(
      preset.apply(defaultExperiment(EXIT) as ShutdownExperiment),
    );
    const ran = ranExperiment(evaluateLab(EXIT, solutionSubmission(EXIT), quickjs, { experiment }));
    expect(ran.summary).toMatchObject({
      kind: "shutdown",
      summary: { exitCode: 1, exitAtMs: 8_000, requests: { completed: 2, dropped: 1 } },
    });
    expect(ran.headline).toBe("Exit code 1 at 8 s; 2 requests completed, 1 dropped, 0 refused.");
    expect(ran.description).toContain(`Chapter example: ${preset.example}.`);
    expect(ran.description).toContain("Long requests started at 0 s: 2 s, 4 s, 12 s.");
  });

  it("Compose's 30 s grace period lets the same starter code finish every request and exit 0", () => {
    const experiment = getPreset("shutdown", "compose-grace-30")!.apply(
      getPreset("shutdown", "worked-timeline-2-4-12")!.apply(defaultExperiment(EXIT) as ShutdownExperiment),
    );
    const ran = ranExperiment(evaluateLab(EXIT, starterSubmission(EXIT), quickjs, { experiment }));
    expect(ran.summary).toMatchObject({ summary: { exitCode: 0, requests: { dropped: 0, completed: 3 } } });
    // Both examples are named: the presets combine.
    expect(ran.description.filter((line) => line.startsWith("Chapter example:"))).toHaveLength(2);
  });

  it("a later SIGTERM lets the short requests finish first", () => {
    const experiment: ShutdownExperiment = {
      ...(defaultExperiment(EXIT) as ShutdownExperiment),
      stopAtSeconds: 5,
    };
    const events = shutdownEvents(
      ranExperiment(evaluateLab(EXIT, solutionSubmission(EXIT), quickjs, { experiment })),
    );
    const completed = events.filter((event) => event.type === "request-completed");
    expect(
      completed.map((event) => event.type === "request-completed" && [event.requestId, event.t]),
    ).toEqual([
      ["A", 2_000],
      ["B", 4_000],
    ]);
    expect(events.find((event) => event.type === "signal-received")?.t).toBe(5_000);
  });

  it("a preStop sleep on Kubernetes delays SIGTERM; keep-alive clients reuse their connections", () => {
    const experiment: ShutdownExperiment = {
      ...(defaultExperiment(DRAIN) as ShutdownExperiment),
      platform: "kubernetes",
      gracePeriodSeconds: 45,
      preStopSeconds: 5,
      keepAlive: true,
    };
    const events = shutdownEvents(
      ranExperiment(evaluateLab(DRAIN, solutionSubmission(DRAIN), quickjs, { experiment })),
    );
    expect(events).toContainEqual(
      expect.objectContaining({ type: "prestop-started", t: 0, durationMs: 5_000 }),
    );
    expect(events.find((event) => event.type === "signal-received")?.t).toBe(5_000);
    expect(events.some((event) => event.type === "request-arrived" && event.reused)).toBe(true);
  });

  it("an experiment that is not valid comes back as problems; the graded result is still there", () => {
    const result = evaluateLab(REPORT_503, solutionSubmission(REPORT_503), quickjs, {
      experiment: { ...(defaultExperiment(REPORT_503) as HealthExperiment), durationSeconds: 99_999 },
    });
    expect(result.passed).toBe(true);
    expect(result.experiment).toEqual({
      ok: false,
      problems: [{ path: "durationSeconds", message: "Run length must be between 10 and 1800 seconds" }],
    });
  });

  it("config labs have no experiment", () => {
    const flags = labBySlug(LABS, "pick-healthcheck-flags");
    expect(evaluateLab(flags, starterSubmission(flags), null, { experiment: {} }).experiment).toMatchObject({
      ok: false,
    });
  });
});

describe("the graded checks are judged on the lab's own scenario, whatever the experiment", () => {
  const cases = LABS.filter(hasExperiment).flatMap((lab) => {
    const target = experimentTargetOf(lab)!;
    const base = defaultExperiment(lab);
    const experiments = [
      ["its own scenario", base],
      ...presetsFor(target).map((preset) => [
        `preset ${preset.id}`,
        (preset.apply as (e: unknown) => unknown)(base),
      ]),
    ] as const;
    return experiments.map(([name, experiment]) => [lab.slug, name, lab, experiment] as const);
  });

  it.each(cases)("%s with %s", (_slug, _name, lab, experiment) => {
    for (const submission of [starterSubmission(lab), solutionSubmission(lab)]) {
      const plain = evaluateLab(lab, submission, quickjs);
      const withExperiment = evaluateLab(lab, submission, quickjs, { experiment });
      expect(withExperiment.experiment).toMatchObject({ ok: true });
      expect(withExperiment.passed).toBe(plain.passed);
      expect(withExperiment.checks).toEqual(plain.checks);
      expect(withExperiment.headline).toBe(plain.headline);
      expect(withExperiment.timeline).toEqual(plain.timeline);
    }
  });

  it("the solution still passes and the starter still fails with an experiment that would flip them", () => {
    // Without the outage the starter's always-200 handler would look fine; it is still graded on the outage.
    const noFault = { ...(defaultExperiment(REPORT_503) as HealthExperiment), faults: [] };
    const starter = evaluateLab(REPORT_503, starterSubmission(REPORT_503), quickjs, { experiment: noFault });
    expect(ranExperiment(starter).summary).toMatchObject({ runs: [{ summary: { failedProbes: 0 } }] });
    expect(starter.passed).toBe(false);
  });

  it("a submission cannot carry an experiment: the server's schema rejects it", () => {
    const result = evaluateLab(
      REPORT_503,
      { ...solutionSubmission(REPORT_503), experiment: defaultExperiment(REPORT_503) },
      quickjs,
    );
    expect(result.passed).toBe(false);
    expect(result.checks).toEqual([
      {
        label: SUBMISSION_CHECK_LABEL,
        passed: false,
        detail: expect.stringContaining('Unrecognized key: "experiment"'),
      },
    ]);
  });
});

describe("presets always give a valid experiment", () => {
  const cases = LABS.filter(hasExperiment).flatMap((lab) => {
    const target = experimentTargetOf(lab)!;
    const base = defaultExperiment(lab);
    // A learner may have removed the lab's faults and shortened the run (to 10 s, the least allowed)
    // before picking a preset.
    const short = "durationSeconds" in base ? { ...base, durationSeconds: 10, faults: [] } : base;
    return presetsFor(target).map((preset) => [lab.slug, preset.id, target, preset, short] as const);
  });

  it.each(cases)("%s: %s on a short run", (_slug, _id, target, preset, short) => {
    const applied = (preset.apply as (e: unknown) => unknown)(short);
    expect(parseExperiment(target, applied)).toMatchObject({ ok: true });
  });

  it("a fault preset replaces the database fault but keeps the learner's other faults", () => {
    const base = defaultExperiment(REPORT_503) as HealthExperiment;
    const cacheFault = { dependency: "cache", mode: "down", fromSeconds: 5, toSeconds: 20 } as const;
    const outage = getPreset("health-docker", "five-minute-outage")!;
    const applied = outage.apply({ ...base, faults: [cacheFault, { ...cacheFault, dependency: "db" }] });
    expect(applied.faults).toEqual([
      cacheFault,
      { dependency: "db", mode: "down", fromSeconds: 60, toSeconds: 360 },
    ]);
  });
});

describe("an experiment left at its defaults is the lab's own scenario", () => {
  it.each(LABS.filter(hasExperiment).map((lab) => [lab.slug, lab] as const))("%s", (_slug, lab) => {
    const submission = solutionSubmission(lab);
    const plain = evaluateLab(lab, submission, quickjs);
    const ran = evaluateLab(lab, submission, quickjs, { experiment: defaultExperiment(lab) });
    if (!ran.experiment?.ok) throw new Error("the default experiment should be valid");
    expect(ran.experiment.timeline).toEqual(plain.timeline);
    expect(ran.experiment.summary).toEqual(plain.summary);
  });
});
