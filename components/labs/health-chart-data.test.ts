import type { QuickJSWASMModule } from "quickjs-emscripten-core";
import { beforeAll, describe, expect, it } from "vitest";
import { getLab } from "@/lib/labs/catalog";
import { evaluateLab } from "@/lib/labs/evaluate";
import { solutionSubmission, starterSubmission } from "@/lib/labs/test-helpers";
import { loadQuickJs } from "@/lib/sandbox/node-quickjs";
import type { TimelineEvent } from "@/lib/sim/healthcheck/types";
import { healthChart } from "./health-chart-data";
import { tracksOf } from "./timeline-data";

let quickjs: QuickJSWASMModule;
beforeAll(async () => {
  quickjs = await loadQuickJs();
});

function chartOf(slug: string, which: "solution" | "starter" = "solution") {
  const lab = getLab(slug)!;
  const submission = which === "solution" ? solutionSubmission(lab) : starterSubmission(lab);
  const result = evaluateLab(lab, submission, quickjs);
  return tracksOf(result.timeline!);
}

describe("health chart", () => {
  it("shades the database outage and shows the Pod leaving and rejoining the Service", () => {
    const [track] = chartOf("report-503-when-the-database-is-down");
    const { chart } = track!;
    expect(chart.windows).toEqual([{ fromMs: 60_000, toMs: 150_000, label: "database down" }]);
    expect(chart.lanes.map((lane) => lane.label)).toEqual([
      "Pod readiness",
      "Liveness probe",
      "Readiness probe",
      "Container, traffic",
    ]);
    const band = chart.marks.filter((mark) => mark.lane === "status");
    expect(band.map((mark) => mark.tone)).toEqual(["starting", "ok", "bad", "ok"]);
    const out = band[2]!;
    // Three failed readiness probes from 60 s: out of the Service at about 80 s, back after 150 s.
    expect(out.atMs).toBeGreaterThanOrEqual(80_000);
    expect(out.atMs).toBeLessThan(90_000);
    expect(out.toMs).toBeGreaterThanOrEqual(150_000);
    expect(chart.marks.some((mark) => mark.glyph === "out" && mark.atMs === out.atMs)).toBe(true);
  });

  it("draws every probe for as long as it took, coloured by its result", () => {
    const [track] = chartOf("report-503-when-the-database-is-down");
    const readiness = track!.chart.marks.filter((mark) => mark.lane === "readiness");
    const failed = readiness.filter((mark) => mark.tone === "bad");
    expect(failed.length).toBeGreaterThanOrEqual(3);
    for (const mark of failed) {
      expect(mark.atMs).toBeGreaterThanOrEqual(60_000);
      expect(mark.atMs).toBeLessThan(150_000);
    }
    expect(readiness.filter((mark) => mark.tone === "ok").length).toBeGreaterThan(0);
    // Each span points at its probe-start and probe-end narration lines.
    const [start, end] = failed[0]!.events;
    expect(track!.events[start!]!.atMs).toBe(failed[0]!.atMs);
    expect(track!.events[end!]!.atMs).toBe(failed[0]!.toMs);
  });

  it("draws a timed-out probe to its timeout, in the timed-out tone", () => {
    const [track] = chartOf("hanging-dependency", "starter");
    const slow = track!.chart.marks.filter((mark) => mark.tone === "slow" && mark.lane === "readiness");
    expect(slow.length).toBeGreaterThan(0);
    for (const mark of slow) expect(mark.toMs! - mark.atMs).toBe(2_000);
    expect(track!.chart.windows[0]!.label).toBe("database hangs");
  });

  it("uses Docker's health status for the band, and marks restarts and replacements", () => {
    const events: TimelineEvent[] = [
      { type: "container-start", atMs: 0, container: "app-1", startNumber: 1, reason: "initial" },
      {
        type: "status-change",
        atMs: 5_000,
        container: "app-1",
        from: "starting",
        to: "healthy",
        cause: "probe",
      },
      {
        type: "status-change",
        atMs: 20_000,
        container: "app-1",
        from: "healthy",
        to: "unhealthy",
        cause: "probe",
      },
      {
        type: "restart",
        atMs: 20_000,
        container: "app-1",
        reason: "unhealthy",
        delayMs: 100,
        restartCount: 1,
      },
      { type: "container-exit", atMs: 20_000, container: "app-1", exitCode: 137, uptimeMs: 20_000 },
      { type: "container-start", atMs: 20_100, container: "app-1", startNumber: 2, reason: "restart" },
      { type: "container-start", atMs: 40_000, container: "app-2", startNumber: 1, reason: "replacement" },
    ];
    const chart = healthChart(events, [], 50_000);
    expect(chart.lanes[0]!.label).toBe("Health status");
    const band = chart.marks.filter((mark) => mark.lane === "status");
    expect(band.map((mark) => [mark.label, mark.atMs, mark.toMs])).toEqual([
      ["starting", 0, 5_000],
      ["healthy", 5_000, 20_000],
      ["starting", 20_100, 50_000],
    ]);
    const glyphs = chart.marks.filter((mark) => mark.glyph).map((mark) => mark.glyph);
    expect(glyphs).toEqual(["start", "restart", "exit", "restart", "replace"]);
    expect(chart.table.rows.length).toBe(chart.marks.length);
  });
});
