import { describe, expect, it } from "vitest";
import { getLab } from "@/lib/labs/catalog";
import { evaluateLab } from "@/lib/labs/evaluate";
import { tracksOf } from "./timeline-data";

const run = (slug: string, which: "starter" | "solution") => {
  const lab = getLab(slug);
  if (!lab || !("params" in lab.solution) || !("params" in lab.input)) throw new Error(`${slug} is not a settings lab`);
  const params =
    which === "solution"
      ? lab.solution.params
      : Object.fromEntries(Object.entries(lab.input.params).map(([key, bound]) => [key, bound.default]));
  return evaluateLab(lab, { labSlug: slug, params }, null);
};

describe("resource-limits and logging events in the shared chart language", () => {
  it("draws the starter's heap-limit crashes, restarts and give-up on the container lanes, tied to the narration", () => {
    // The defaults leave Node's heap cap to Node (about half of 512 MiB): V8 aborts (exit 134) before the kernel acts.
    const result = run("size-the-batch-memory", "starter");
    expect(result.passed).toBe(false);
    const [track] = tracksOf(result.timeline!);
    const marks = track!.chart.marks;
    const crashes = marks.filter((mark) => mark.label === "V8 heap limit reached");
    expect(crashes).toHaveLength(4);
    expect(crashes[0]).toMatchObject({ lane: "memory", glyph: "drop", tone: "bad" });
    expect(marks.filter((mark) => mark.label === "died: exit 134")).toHaveLength(4);
    expect(marks.filter((mark) => mark.glyph === "restart").map((mark) => mark.label)).toEqual([
      "restarted (1)",
      "restarted (2)",
      "restarted (3)",
    ]);
    expect(marks.at(-1)).toMatchObject({ glyph: "stop", label: "not restarted (on-failure:3)" });
    expect(track!.events[crashes[0]!.events[0]!]!.text).toMatch(/heap/i);
    expect(track!.chart.table.rows).toHaveLength(marks.length);
    expect(track!.chart.endMs).toBeGreaterThanOrEqual(Math.max(...marks.map((mark) => mark.atMs)));
  });

  it("ends the solution's timeline when the batch exits, without an empty Memory lane", () => {
    const result = run("size-the-batch-memory", "solution");
    expect(result.passed).toBe(true);
    const [track] = tracksOf(result.timeline!);
    expect(track!.chart.lanes.map((lane) => lane.id)).toEqual(["container"]);
    const exit = track!.chart.marks.find((mark) => mark.label === "died: exit 0")!;
    expect(track!.chart.endMs).toBeLessThanOrEqual(exit.atMs + 60_000);
  });

  it("draws log rotations as replacements, and no chart at all when nothing rotates", () => {
    const result = run("keep-a-week-of-logs", "solution");
    const tracks = tracksOf(result.timeline!);
    if (tracks.length === 0) return expect(result.timeline).toMatchObject({ diskEvents: [] });
    const marks = tracks[0]!.chart.marks;
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((mark) => mark.lane === "files" && (mark.glyph === "replace" || mark.glyph === "drop"))).toBe(true);
  });
});
