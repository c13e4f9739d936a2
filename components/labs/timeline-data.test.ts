import { describe, expect, it } from "vitest";
import { getLab } from "@/lib/labs/catalog";
import { evaluateLab } from "@/lib/labs/evaluate";
import type { LabTimeline } from "@/lib/labs/result-types";
import { axisTicks } from "./chart-model";
import { tickStepMs, tracksOf } from "./timeline-data";

describe("timeline data for the results panel", () => {
  it("turns a config lab's runs into narrated tracks with a chart each", () => {
    const lab = getLab("pick-healthcheck-flags");
    if (!lab || lab.kind !== "healthcheck-flags") throw new Error("lab missing");
    const result = evaluateLab(lab, { labSlug: lab.slug, params: lab.solution.params }, null);
    expect(result.timeline).not.toBeNull();
    const tracks = tracksOf(result.timeline!);
    expect(tracks.map((track) => track.id)).toEqual(["hang", "pause"]);
    expect(tracks[0]!.events[0]!.text).toMatch(/^t=/);
    const band = tracks[0]!.chart.marks.filter((mark) => mark.lane === "status");
    expect(band.map((mark) => mark.label)).toContain("unhealthy");
    expect(tracks[0]!.chart.windows.at(-1)!.label).toBe("the app hangs: no answer");
    // Every mark points at narration lines that exist.
    for (const track of tracks)
      for (const mark of track.chart.marks)
        for (const index of mark.events) expect(track.events[index]).toBeDefined();
  });

  it("still draws a result stored before charts had windows and bounds", () => {
    const old: LabTimeline = {
      kind: "rollout",
      events: [],
      omittedEvents: 0,
      samples: [],
      omittedSamples: 0,
    };
    const [track] = tracksOf(old);
    expect(track!.chart.area).toMatchObject({ floor: null, ceiling: null });
  });

  it("picks round tick steps", () => {
    expect(tickStepMs(210_000)).toBe(50_000);
    expect(tickStepMs(6_000)).toBe(1_000);
  });

  it("reads a time axis in seconds, minutes or days, whichever the run's length suits", () => {
    const probes = axisTicks({ endMs: 300_000 });
    expect([probes.step, probes.label(100_000)]).toEqual([50_000, "100 s"]);
    const batch = axisTicks({ endMs: 20 * 60_000 });
    expect([batch.step, batch.label(10 * 60_000)]).toEqual([5 * 60_000, "10 min"]);
    const week = axisTicks({ endMs: 8 * 86_400_000 });
    expect([week.step, week.label(4 * 86_400_000)]).toEqual([2 * 86_400_000, "4 d"]);
    expect(axisTicks({ endMs: 5 * 3_600_000 }).label(3_600_000)).toBe("1 h");
  });
});
