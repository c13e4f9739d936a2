import type { QuickJSWASMModule } from "quickjs-emscripten-core";
import { beforeAll, describe, expect, it } from "vitest";
import { getLab } from "@/lib/labs/catalog";
import { evaluateLab } from "@/lib/labs/evaluate";
import { solutionSubmission } from "@/lib/labs/test-helpers";
import { loadQuickJs } from "@/lib/sandbox/node-quickjs";
import { graceful, simulateShutdown } from "@/lib/sim/shutdown";
import { RULE_LANE } from "./chart-model";
import { MAX_REQUEST_LANES, shutdownChart } from "./shutdown-chart-data";
import { tracksOf } from "./timeline-data";

let quickjs: QuickJSWASMModule;
beforeAll(async () => {
  quickjs = await loadQuickJs();
});

function solvedChart(slug: string) {
  const lab = getLab(slug)!;
  return tracksOf(evaluateLab(lab, solutionSubmission(lab), quickjs).timeline!)[0]!.chart;
}

describe("shutdown chart", () => {
  it("gives each request that arrived its own lane and marks SIGTERM, the grace deadline and the exit", () => {
    const chart = solvedChart("drain-under-docker-stop");
    const requestLanes = chart.lanes.filter((lane) => lane.id.startsWith("req-"));
    expect(requestLanes).toHaveLength(11);
    const requests = chart.marks.filter((mark) => mark.lane.startsWith("req-"));
    expect(requests.every((mark) => mark.tone === "ok" && mark.glyph === "done")).toBe(true);
    const rules = chart.marks.filter((mark) => mark.lane === RULE_LANE);
    expect(rules.map((rule) => rule.label)).toEqual(
      expect.arrayContaining(["SIGTERM sent to node", "grace period ends: SIGKILL is due", "exit 0"]),
    );
    expect(rules.find((rule) => rule.dashed)!.atMs).toBe(10_000);
    expect(chart.endMs).toBeGreaterThanOrEqual(10_000);
    // The readiness band turns to "not ready" when the handler flips it (at the stop, t = 0 here).
    const band = chart.marks.filter((mark) => mark.lane === "readiness" && mark.toMs !== undefined);
    expect(band.at(-1)!.tone).toBe("bad");
    expect(band.at(-1)!.toMs).toBe(rules.find((rule) => rule.label === "exit 0")!.atMs);
    expect(chart.marks.filter((mark) => mark.lane === "elsewhere")).toHaveLength(24);
    expect(chart.summary).toBe("11 requests completed, 0 dropped, 0 refused, 24 sent elsewhere");
  });

  it("draws a dropped request in red with a cross, and a refused one as refused", () => {
    const result = simulateShutdown(
      {
        platform: { kind: "docker", gracePeriodMs: 2_000 },
        stopAtMs: 1_000,
        requests: [
          { id: "long", atMs: 0, durationMs: 60_000 },
          { id: "late", atMs: 1_500, durationMs: 100 },
        ],
      },
      graceful({ drainDelayMs: 0 }),
    );
    const chart = shutdownChart(result.events);
    const long = chart.marks.find((mark) => mark.lane === "req-long")!;
    expect([long.tone, long.glyph]).toEqual(["bad", "drop"]);
    const late = chart.marks.find((mark) => mark.lane === "req-late")!;
    expect([late.tone, late.glyph, late.toMs]).toEqual(["bad", "refuse", undefined]);
    expect(chart.marks.find((mark) => mark.label.startsWith("SIGKILL"))!.tone).toBe("bad");
  });

  it("shows a keep-alive connection as its own lane above its requests", () => {
    const result = simulateShutdown(
      {
        platform: { kind: "docker" },
        stopAtMs: 3_000,
        requests: [
          { id: "a", atMs: 0, durationMs: 500, connection: "k1" },
          { id: "b", atMs: 1_000, durationMs: 500, connection: "k1" },
        ],
      },
      graceful({ drainDelayMs: 0 }),
    );
    const chart = shutdownChart(result.events);
    const ids = chart.lanes.map((lane) => lane.id);
    expect(ids.indexOf("conn-k1")).toBe(ids.indexOf("req-a") - 1);
    const connection = chart.marks.find((mark) => mark.lane === "conn-k1")!;
    expect(connection.atMs).toBe(0);
    expect(connection.toMs).toBeGreaterThanOrEqual(1_500);
    expect(connection.label).toMatch(/keep-alive connection k1 \(a, b\): closed/);
  });

  it("keeps the requests that went wrong when there are too many to draw", () => {
    const requests = Array.from({ length: MAX_REQUEST_LANES + 10 }, (_, n) => ({
      id: `r${n}`,
      atMs: n * 10,
      durationMs: 5,
    }));
    requests.push({ id: "slow", atMs: 500, durationMs: 600_000 });
    const result = simulateShutdown(
      { platform: { kind: "docker", gracePeriodMs: 1_000 }, stopAtMs: 1_000, requests },
      graceful({ drainDelayMs: 0 }),
    );
    const chart = shutdownChart(result.events);
    const lanes = chart.lanes.filter((lane) => lane.id.startsWith("req-"));
    expect(lanes).toHaveLength(MAX_REQUEST_LANES);
    expect(lanes.some((lane) => lane.id === "req-slow")).toBe(true);
    expect(chart.notes[0]).toMatch(/11 more requests/);
    expect(chart.table.rows.filter((row) => row[2]!.startsWith("req ")).length).toBe(MAX_REQUEST_LANES + 11);
  });
});
