import { describe, expect, it } from "vitest";
import { getLab } from "@/lib/labs/catalog";
import { evaluateLab } from "@/lib/labs/evaluate";
import { lanesOf, MAX_LANES, OTHER_LANE, tickStepMs, tracksOf } from "./timeline-data";

describe("timeline data for the results panel", () => {
  it("turns a config lab's runs into narrated tracks", () => {
    const lab = getLab("pick-healthcheck-flags");
    if (!lab || lab.kind !== "healthcheck-flags") throw new Error("lab missing");
    const result = evaluateLab(lab, { labSlug: lab.slug, params: lab.solution.params }, null);
    expect(result.timeline).not.toBeNull();
    const tracks = tracksOf(result.timeline!);
    expect(tracks.map((track) => track.id)).toEqual(["hang", "pause"]);
    expect(tracks[0]!.events[0]!.text).toMatch(/^t=/);
    expect(tracks[0]!.events.some((event) => event.lane === "status: unhealthy")).toBe(true);
  });

  it("keeps the rarest event types in their own lanes and merges the rest", () => {
    const events = Array.from({ length: 12 }, (_, type) =>
      Array.from({ length: type + 1 }, () => ({ atMs: type, lane: `type ${type}`, text: "" })),
    ).flat();
    const { lanes, laneOf } = lanesOf(events);
    expect(lanes).toHaveLength(MAX_LANES);
    expect(lanes.at(-1)).toBe(OTHER_LANE);
    expect(laneOf("type 0")).toBe("type 0");
    expect(laneOf("type 11")).toBe(OTHER_LANE);
  });

  it("picks round tick steps", () => {
    expect(tickStepMs(210_000)).toBe(50_000);
    expect(tickStepMs(6_000)).toBe(1_000);
  });
});
