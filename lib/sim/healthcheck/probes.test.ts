import { describe, expect, it } from "vitest";
import { applyTimeout, capOutput, formatGoDuration, MAX_OUTPUT_BYTES } from "./probe-outcome";
import {
  alwaysHealthy,
  failsBetween,
  flapping,
  hangsFrom,
  healthyAfterBoot,
  scripted,
  slowResponses,
} from "./probes";
import type { ProbeContext, ProbeProgram } from "./types";

const at = (nowMs: number, sinceStartMs = nowMs, probeNumber = 1): ProbeContext => ({
  nowMs,
  sinceStartMs,
  probeNumber,
  kind: "healthcheck",
});
const exitCodes = (program: ProbeProgram, times: number[]) => times.map((time) => program(at(time)).exitCode);

describe("built-in probe programs", () => {
  it("healthyAfterBoot refuses connections until the app listens, counted from each container start", () => {
    const program = healthyAfterBoot(8_000, { responseMs: 20 });
    expect(program(at(100_000, 7_999))).toMatchObject({ exitCode: 1, durationMs: 0 });
    expect(program(at(100_000, 8_000))).toMatchObject({ exitCode: 0, durationMs: 20 });
  });

  it("hangsFrom hangs from the given wall time, or uptime when asked", () => {
    expect(hangsFrom(64_000, alwaysHealthy())(at(63_999)).durationMs).toBe(0);
    expect(hangsFrom(64_000, alwaysHealthy())(at(64_000)).durationMs).toBe(Infinity);
    expect(hangsFrom(64_000, alwaysHealthy(), "uptime")(at(100_000, 10_000)).durationMs).toBe(0);
  });

  it("failsBetween fails in [from, until) only", () => {
    expect(exitCodes(failsBetween(10_000, 20_000, alwaysHealthy()), [9_999, 10_000, 19_999, 20_000])).toEqual(
      [0, 1, 1, 0],
    );
  });

  it("slowResponses adds the delay to every answer", () => {
    expect(slowResponses(1_500, alwaysHealthy(20))(at(0)).durationMs).toBe(1_520);
  });

  it("flapping is up for one period, down for the next", () => {
    expect(exitCodes(flapping(30_000, alwaysHealthy()), [0, 29_999, 30_000, 59_999, 60_000])).toEqual([
      0, 0, 1, 1, 0,
    ]);
  });

  it("scripted answers by probe number, then falls back", () => {
    const program = scripted([{ exitCode: 3, durationMs: 5 }]);
    expect(program(at(0, 0, 1)).exitCode).toBe(3);
    expect(program(at(0, 0, 2)).exitCode).toBe(0);
  });
});

describe("probe outcomes", () => {
  it("caps output at 4096 UTF-8 bytes, replacing a split character", () => {
    expect(capOutput("x".repeat(MAX_OUTPUT_BYTES))).toBe("x".repeat(MAX_OUTPUT_BYTES));
    // "é" is 2 bytes: 2048 of them fill 4096 bytes exactly; a leading "a" splits the last one.
    expect(capOutput("é".repeat(3_000))).toBe(`${"é".repeat(2_048)}...`);
    expect(capOutput(`a${"é".repeat(3_000)}`)).toBe(`a${"é".repeat(2_047)}\uFFFD...`);
  });

  it("formats durations like Go", () => {
    expect([0, 500, 3_000, 1_500, 90_000, 3_600_000].map(formatGoDuration)).toEqual([
      "0s",
      "500ms",
      "3s",
      "1.5s",
      "1m30s",
      "1h0m0s",
    ]);
  });

  it("rounds fractional durations to whole milliseconds", () => {
    expect(applyTimeout({ exitCode: 0, durationMs: 2.6 }, 1_000).durationMs).toBe(3);
  });
});
