import { describe, expect, it } from "vitest";
import { LABS } from "@/content/labs";
import { defaultExperiment, hasExperiment } from "./experiment";
import {
  experimentTargetOf,
  parseExperiment,
  type HealthExperiment,
  type ShutdownExperiment,
} from "./experiment-schema";
import { DOCKER_HEALTH_CODE_LAB } from "@/lib/testing/docker-health-labs";
import { parseLab } from "./schema";
import { labBySlug } from "./test-helpers";

const DOCKER: HealthExperiment = {
  durationSeconds: 210,
  docker: { interval: 10, timeout: 3, startPeriod: 0, retries: 3 },
  faults: [{ dependency: "db", mode: "down", fromSeconds: 60, toSeconds: 150 }],
};
const KUBERNETES: HealthExperiment = {
  durationSeconds: 420,
  kubernetes: { periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3, initialDelaySeconds: 0 },
  faults: [],
};
const SHUTDOWN: ShutdownExperiment = {
  platform: "docker",
  gracePeriodSeconds: 10,
  preStopSeconds: 0,
  launch: "exec",
  stopAtSeconds: 0,
  longRequestsSeconds: [1, 3, 6],
  requestsPerSecond: 4,
  requestMs: 200,
  keepAlive: false,
};

const problemsOf = (result: ReturnType<typeof parseExperiment>) => (result.ok ? [] : result.problems);

describe("every code lab's own scenario is a valid experiment", () => {
  const withExperiment = LABS.filter(hasExperiment);
  it.each(withExperiment.map((lab) => [lab.slug, lab] as const))("%s", (_slug, lab) => {
    const target = experimentTargetOf(lab);
    expect(target).not.toBeNull();
    expect(parseExperiment(target!, defaultExperiment(lab))).toMatchObject({ ok: true });
  });

  it("config labs take no experiment", () => {
    expect(experimentTargetOf(labBySlug(LABS, "pick-healthcheck-flags"))).toBeNull();
    expect(experimentTargetOf(labBySlug(LABS, "zero-failure-rollout"))).toBeNull();
  });

  it("reads the lab's values into the controls' units", () => {
    expect(defaultExperiment(parseLab(DOCKER_HEALTH_CODE_LAB) as never)).toEqual(DOCKER);
    expect(defaultExperiment(labBySlug(LABS, "report-503-when-the-database-is-down") as never)).toMatchObject(
      {
        durationSeconds: 210,
        kubernetes: { periodSeconds: 10, timeoutSeconds: 2, failureThreshold: 3 },
        faults: [{ dependency: "db", mode: "down", fromSeconds: 60, toSeconds: 150 }],
      },
    );
    expect(defaultExperiment(labBySlug(LABS, "drain-under-docker-stop") as never)).toEqual(SHUTDOWN);
    expect(defaultExperiment(labBySlug(LABS, "keep-liveness-shallow") as never)).toMatchObject({
      durationSeconds: 420,
      kubernetes: KUBERNETES.kubernetes,
      faults: [{ dependency: "db", mode: "down", fromSeconds: 60, toSeconds: 360 }],
    });
  });
});

describe("bounds are rejected with messages a learner can act on", () => {
  it.each([
    [
      "an interval of 0",
      { ...DOCKER, docker: { ...DOCKER.docker!, interval: 0 } },
      "docker.interval",
      "--interval must be between 1 and 300 seconds",
    ],
    [
      "a timeout above 120 s",
      { ...DOCKER, docker: { ...DOCKER.docker!, timeout: 121 } },
      "docker.timeout",
      "--timeout must be between 1 and 120 seconds",
    ],
    [
      "fractional retries",
      { ...DOCKER, docker: { ...DOCKER.docker!, retries: 2.5 } },
      "docker.retries",
      "--retries must be a whole number",
    ],
    [
      "an empty field (NaN)",
      { ...DOCKER, docker: { ...DOCKER.docker!, startPeriod: Number.NaN } },
      "docker.startPeriod",
      "--start-period: enter a number",
    ],
    [
      "a run of five seconds",
      { ...DOCKER, durationSeconds: 5 },
      "durationSeconds",
      "Run length must be between 10 and 1800 seconds",
    ],
    [
      "a fault that ends before it starts",
      { ...DOCKER, faults: [{ dependency: "db", mode: "down", fromSeconds: 90, toSeconds: 60 }] },
      "faults.0.toSeconds",
      "Fault 1: “until” must be after “from”",
    ],
    [
      "a fault beyond the end of the run",
      { ...DOCKER, faults: [{ dependency: "cache", mode: "hang", fromSeconds: 60, toSeconds: 300 }] },
      "faults.0.toSeconds",
      "Fault 1: “until” must be within the run (at most 210 s)",
    ],
    [
      "a slow dependency without a latency",
      { ...DOCKER, faults: [{ dependency: "disk", mode: "slow", fromSeconds: 0, toSeconds: 60 }] },
      "faults.0.latencyMs",
      "Fault 1: a slow dependency needs a latency",
    ],
    [
      "a latency of two minutes",
      {
        ...DOCKER,
        faults: [{ dependency: "db", mode: "slow", latencyMs: 120_000, fromSeconds: 0, toSeconds: 60 }],
      },
      "faults.0.latencyMs",
      "Latency must be between 1 and 60000 ms",
    ],
    [
      "an unknown dependency",
      { ...DOCKER, faults: [{ dependency: "queue", mode: "down", fromSeconds: 0, toSeconds: 60 }] },
      "faults.0.dependency",
      "pick the database, the cache or the disk",
    ],
    [
      "five faults",
      { ...DOCKER, faults: Array.from({ length: 5 }, () => DOCKER.faults[0]!) },
      "faults",
      "at most 4 faults",
    ],
    [
      "Kubernetes timing on a Docker lab",
      { ...DOCKER, kubernetes: KUBERNETES.kubernetes },
      "kubernetes",
      "this lab runs under Docker, not Kubernetes",
    ],
    ["an extra field", { ...DOCKER, passed: true }, "", 'Unrecognized key: "passed"'],
  ])("%s", (_name, input, path, message) => {
    expect(problemsOf(parseExperiment("health-docker", input))).toContainEqual({ path, message });
  });

  it("a Kubernetes lab needs probe timing, not HEALTHCHECK flags", () => {
    expect(problemsOf(parseExperiment("health-kubernetes", DOCKER))).toEqual(
      expect.arrayContaining([
        { path: "kubernetes", message: "probe timing is required" },
        { path: "docker", message: "this lab runs under Kubernetes, not Docker" },
      ]),
    );
    expect(
      problemsOf(
        parseExperiment("health-kubernetes", {
          ...KUBERNETES,
          kubernetes: { ...KUBERNETES.kubernetes!, failureThreshold: 11 },
        }),
      ),
    ).toEqual([
      { path: "kubernetes.failureThreshold", message: "failureThreshold must be between 1 and 10 failures" },
    ]);
  });

  it.each([
    [
      "a grace period of 0",
      { ...SHUTDOWN, gracePeriodSeconds: 0 },
      "gracePeriodSeconds",
      "Grace period must be between 1 and 120 seconds",
    ],
    [
      "a stop after a minute",
      { ...SHUTDOWN, stopAtSeconds: 61 },
      "stopAtSeconds",
      "Stop time must be between 0 and 60 seconds",
    ],
    [
      "20 requests per second",
      { ...SHUTDOWN, requestsPerSecond: 20 },
      "requestsPerSecond",
      "Requests per second must be between 0 and 10 per second",
    ],
    [
      "requests of 0 ms",
      { ...SHUTDOWN, requestMs: 0 },
      "requestMs",
      "Request duration must be between 1 and 10000 ms",
    ],
    [
      "a long request of 10 minutes",
      { ...SHUTDOWN, longRequestsSeconds: [600] },
      "longRequestsSeconds.0",
      "Long requests must each take between 0.1 and 300 seconds",
    ],
    [
      "seven long requests",
      { ...SHUTDOWN, longRequestsSeconds: [1, 1, 1, 1, 1, 1, 1] },
      "longRequestsSeconds",
      "Long requests: at most 6",
    ],
    [
      "a preStop sleep under docker stop",
      { ...SHUTDOWN, preStopSeconds: 5 },
      "preStopSeconds",
      "preStop sleep: only Kubernetes runs a preStop hook; set it to 0 or pick Kubernetes",
    ],
    ["an unknown platform", { ...SHUTDOWN, platform: "nomad" }, "platform", "pick a platform"],
    ["keep-alive as a string", { ...SHUTDOWN, keepAlive: "yes" }, "keepAlive", "Keep-alive is on or off"],
  ])("%s", (_name, input, path, message) => {
    expect(problemsOf(parseExperiment("shutdown", input))).toContainEqual({ path, message });
  });

  it("accepts the edges of every range", () => {
    expect(
      parseExperiment("shutdown", {
        ...SHUTDOWN,
        platform: "kubernetes",
        gracePeriodSeconds: 120,
        preStopSeconds: 60,
        stopAtSeconds: 60,
        longRequestsSeconds: [0.1, 300],
        requestsPerSecond: 10,
        requestMs: 10_000,
      }),
    ).toMatchObject({ ok: true });
    expect(
      parseExperiment("health-docker", {
        durationSeconds: 1_800,
        docker: { interval: 300, timeout: 1, startPeriod: 0, retries: 10 },
        faults: [{ dependency: "db", mode: "slow", latencyMs: 60_000, fromSeconds: 0, toSeconds: 1_800 }],
      }),
    ).toMatchObject({ ok: true });
  });
});
