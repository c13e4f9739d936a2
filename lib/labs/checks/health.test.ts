import type { z } from "zod";
import { describe, expect, it } from "vitest";
import {
  alwaysFailing,
  alwaysHealthy,
  failsBetween,
  hangsFrom,
  simulate,
  type ProbeProgram,
} from "@/lib/sim/healthcheck";
import { CHECK_FAMILY, CheckSchema, type HealthCheck } from "../check-schema";
import { judgeHealthCheck } from "./health";

function check(input: z.input<typeof CheckSchema>): HealthCheck {
  const parsed = CheckSchema.parse(input);
  if (CHECK_FAMILY[parsed.type] !== "health") throw new Error(`${parsed.type} is not a health check`);
  return parsed as HealthCheck;
}

// The 503 lab's HEALTHCHECK: every 10 s, timeout 3 s, 3 retries.
const docker = (program: ProbeProgram, durationMs = 210_000) =>
  simulate(
    { platform: "docker", durationMs, healthcheck: { intervalMs: 10_000, timeoutMs: 3_000, retries: 3 } },
    program,
  );

/** curl -f's answer to a 4xx/5xx from the handler. */
const answers =
  (status: number): ProbeProgram =>
  () => ({
    exitCode: 22,
    durationMs: 2,
    output: `curl: (22) The requested URL returned error: ${status}`,
  });
const during =
  (fault: ProbeProgram): ProbeProgram =>
  (context) =>
    context.nowMs >= 60_000 && context.nowMs < 150_000 ? fault(context) : alwaysHealthy(4)(context);

// Reports the outage: unhealthy at about 80 s, healthy again at about 150 s.
const reported = docker(failsBetween(60_000, 150_000, alwaysHealthy(4)));
const unreported = docker(alwaysHealthy(4));

describe("status-at", () => {
  it("passes when Docker's status at that time matches", () => {
    expect(
      judgeHealthCheck(check({ type: "status-at", atMs: 59_000, status: "healthy" }), reported),
    ).toMatchObject({
      passed: true,
      detail: "At 59 s the status was healthy.",
    });
  });
  it("fails otherwise, naming the real status", () => {
    expect(
      judgeHealthCheck(check({ type: "status-at", atMs: 100_000, status: "healthy" }), reported),
    ).toMatchObject({
      passed: false,
      detail: "At 100 s the status was unhealthy.",
    });
    expect(
      judgeHealthCheck(check({ type: "status-at", atMs: 5_000, status: "healthy" }), reported).detail,
    ).toBe("At 5 s the status was starting.");
  });
});

describe("becomes-unhealthy-between", () => {
  const window = { type: "becomes-unhealthy-between", fromMs: 60_000, toMs: 150_000 } as const;
  it("passes when the first unhealthy falls inside the window", () => {
    expect(judgeHealthCheck(check(window), reported)).toMatchObject({ passed: true });
  });
  it("fails when it never happens, happens too early or too late", () => {
    expect(judgeHealthCheck(check(window), unreported)).toMatchObject({
      passed: false,
      detail: "It was never marked unhealthy.",
    });
    expect(judgeHealthCheck(check({ ...window, fromMs: 90_000 }), reported).detail).toMatch(
      /already marked unhealthy at 80\.\d+ s/,
    );
    expect(judgeHealthCheck(check({ ...window, toMs: 70_000 }), reported).detail).toMatch(
      /only at 80\.\d+ s, after 70 s/,
    );
  });
});

describe("becomes-healthy-between", () => {
  it("passes when a probe turns it healthy in the window and it stays so", () => {
    expect(
      judgeHealthCheck(check({ type: "becomes-healthy-between", fromMs: 150_000, toMs: 210_000 }), reported),
    ).toMatchObject({ passed: true });
  });
  it("fails while it is still unhealthy, or when it never left healthy", () => {
    expect(
      judgeHealthCheck(check({ type: "becomes-healthy-between", fromMs: 90_000, toMs: 140_000 }), reported)
        .passed,
    ).toBe(false);
    expect(
      judgeHealthCheck(check({ type: "becomes-healthy-between", fromMs: 150_000, toMs: 210_000 }), unreported)
        .detail,
    ).toMatch(/nothing to recover from/);
  });
});

describe("never-unhealthy", () => {
  it("passes for an app that stays healthy and fails for one that is marked unhealthy", () => {
    expect(judgeHealthCheck(check({ type: "never-unhealthy" }), unreported).passed).toBe(true);
    expect(judgeHealthCheck(check({ type: "never-unhealthy" }), reported)).toMatchObject({
      passed: false,
      detail: expect.stringMatching(/^Marked unhealthy at 80/),
    });
  });
});

describe("failing-probes", () => {
  const base = {
    type: "failing-probes",
    fromMs: 60_000,
    toMs: 150_000,
    exitCode: 22,
    maxDurationMs: 2_999,
    atLeast: 3,
  } as const;
  it("passes when every failure in the window is the handler's own answer", () => {
    const result = judgeHealthCheck(check({ ...base, httpStatus: 503 }), docker(during(answers(503))));
    expect(result).toMatchObject({ passed: true, detail: expect.stringMatching(/^9 failing probes/) });
  });
  it("fails on a probe killed by the timeout (exit −1)", () => {
    const result = judgeHealthCheck(check(base), docker(during(hangsFrom(0, alwaysHealthy()))));
    expect(result).toMatchObject({
      passed: false,
      detail: expect.stringMatching(/killed after 3 s \(exit −1/),
    });
  });
  it("fails on the wrong HTTP status, a slow answer or too few failures", () => {
    expect(
      judgeHealthCheck(check({ ...base, httpStatus: 503 }), docker(during(answers(500)))).detail,
    ).toMatch(/returned error: 500/);
    const slow: ProbeProgram = () => ({ exitCode: 22, durationMs: 2_500, output: "error: 503" });
    expect(judgeHealthCheck(check({ ...base, maxDurationMs: 2_000 }), docker(during(slow))).passed).toBe(
      false,
    );
    expect(judgeHealthCheck(check(base), unreported)).toMatchObject({
      passed: false,
      detail: "No probe failed in that time: the outage went unreported.",
    });
  });
});

describe("Kubernetes checks", () => {
  const kubernetes = (liveness: ProbeProgram, readiness: ProbeProgram) =>
    simulate(
      {
        platform: "kubernetes",
        durationMs: 420_000,
        livenessProbe: { program: liveness },
        readinessProbe: { program: readiness },
      },
      alwaysHealthy(),
    );
  const shallow = kubernetes(alwaysHealthy(1), failsBetween(60_000, 360_000, alwaysHealthy(4)));
  const deep = kubernetes(
    failsBetween(60_000, 360_000, alwaysHealthy(4)),
    failsBetween(60_000, 360_000, alwaysHealthy(4)),
  );

  it("no-restarts passes without restarts and fails with them, inside its window only", () => {
    expect(judgeHealthCheck(check({ type: "no-restarts" }), shallow).passed).toBe(true);
    expect(judgeHealthCheck(check({ type: "no-restarts" }), deep)).toMatchObject({
      passed: false,
      detail: expect.stringMatching(/first at 80 s \(liveness probe failed 3 times in a row\)/),
    });
    expect(judgeHealthCheck(check({ type: "no-restarts", fromMs: 0, toMs: 60_000 }), deep).passed).toBe(true);
  });

  it("probes-succeed passes when all succeed, fails on a failure or when none ran", () => {
    expect(judgeHealthCheck(check({ type: "probes-succeed", probe: "liveness" }), shallow).passed).toBe(true);
    expect(judgeHealthCheck(check({ type: "probes-succeed", probe: "liveness" }), deep).detail).toMatch(
      /failed; the first started at 60 s/,
    );
    const alwaysDown = kubernetes(alwaysFailing(), alwaysHealthy());
    expect(
      judgeHealthCheck(
        check({ type: "probes-succeed", probe: "readiness", fromMs: 400_000, toMs: 420_000 }),
        alwaysDown,
      ),
    ).toMatchObject({ passed: false, detail: "No such probe ran in that time." });
  });

  it("ready-at follows the Service's endpoints", () => {
    expect(judgeHealthCheck(check({ type: "ready-at", atMs: 50_000, ready: true }), shallow).passed).toBe(
      true,
    );
    expect(judgeHealthCheck(check({ type: "ready-at", atMs: 200_000, ready: false }), shallow).passed).toBe(
      true,
    );
    expect(judgeHealthCheck(check({ type: "ready-at", atMs: 200_000, ready: true }), shallow)).toMatchObject({
      passed: false,
      detail: "At 200 s the Pod was not Ready (out of the Service's endpoints).",
    });
  });
});
