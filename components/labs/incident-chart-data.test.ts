import { describe, expect, it } from "vitest";
import { getLab } from "@/lib/labs/catalog";
import { evaluateLab } from "@/lib/labs/evaluate";
import { solutionSubmission } from "@/lib/labs/test-helpers";
import { textTracksOf } from "./text-tracks";

const lab = getLab("find-the-restart-loop")!;
const tracksFor = (text: string) =>
  textTracksOf(evaluateLab(lab, { ...solutionSubmission(lab), text }, null).text!);

describe("the incident lab's container lifecycle in the shared visual language", () => {
  it("draws the OOM restart loop: start, then oom + die 137 + restart every 11:03, until you log in", () => {
    const [track] = textTracksOf(evaluateLab(lab, solutionSubmission(lab), null).text!);
    const chart = track!.chart;
    expect(track!.title).toBe("shop-api");
    expect(chart.timeAxis).toBe("clock");
    // The scenario's world (lib/sim/incident, from the memory engine) has the kernel kill the
    // container every 663.1 s: 663 s of growth, then 0.1 s until --restart always starts it again.
    // The learner logs in 30 s after the tenth restart, at 6631 + 30 = 6661 s = 1:51:01.
    expect(chart.endMs).toBe(6_661_000);
    const kills = chart.marks.filter((mark) => mark.label === "kernel OOM kill");
    expect(kills.map((mark) => mark.atMs)).toEqual(
      Array.from({ length: 10 }, (_, i) => 663_000 + i * 663_100),
    );
    expect(kills[0]).toMatchObject({ lane: "memory", glyph: "drop", tone: "bad" });
    const deaths = chart.marks.filter((mark) => mark.glyph === "exit");
    expect(deaths).toHaveLength(10);
    expect(
      deaths.every((mark) => mark.label === "died: exit 137" && mark.tone === "bad" && mark.lane === "exit"),
    ).toBe(true);
    const restarts = chart.marks.filter((mark) => mark.glyph === "restart");
    expect(restarts.map((mark) => mark.label).slice(0, 2)).toEqual(["restarted (1)", "restarted (2)"]);
    expect(restarts.at(-1)).toMatchObject({ atMs: 6_631_000, label: "restarted (10)" });
    // The state band: running 11:03 at a time, restarting 0.1 s, running 30 s when you logged in.
    const band = chart.marks.filter((mark) => mark.lane === "state");
    expect(band).toHaveLength(21);
    expect(band[0]).toMatchObject({ atMs: 0, toMs: 663_000, tone: "neutral", label: "running for 11:03" });
    expect(band.find((mark) => mark.label.startsWith("restarting"))).toMatchObject({
      atMs: 663_000,
      toMs: 663_100,
      tone: "starting",
      label: "restarting (0.1 s)",
    });
    expect(band.at(-1)).toMatchObject({
      atMs: 6_631_000,
      toMs: 6_661_000,
      label: "running for 30 s when you logged in",
    });
    // Every mark points at its narration line; the narration explains exit 137 and the loop.
    const line = (id: string) => track!.events[chart.marks.find((mark) => mark.id === id)!.events[0]!]!.text;
    expect(line(deaths[0]!.id)).toBe("11:03 — die, exitCode=137: killed by SIGKILL (128 + 9).");
    expect(line(kills[0]!.id)).toBe(
      "11:03 — oom: the container's memory reached --memory 256m and the kernel's OOM killer killed the process.",
    );
    expect(line(restarts[0]!.id)).toMatch(
      /^11:03 — start: 0\.1 s after dying, --restart always starts it again \(restart 1\)/,
    );
    expect(line("now")).toBe(
      "1:51:01 — You log in. 10 deaths, 10 of them OOM kills, and 10 restarts so far: one every 11:03 on average.",
    );
    expect(chart.notes[0]).toMatch(/^Each restart came within a second/);
    // The table lists every mark with its time on the same clock.
    expect(chart.table.rows).toHaveLength(chart.marks.length);
    expect(chart.table.rows.at(-1)).toEqual([
      "1:51:01",
      "Whole chart",
      "you log in",
      line("now").replace(/^1:51:01 — /, ""),
    ]);
  });

  it("shows the history only once the learner has looked back with docker events", () => {
    expect(tracksFor("docker ps\ndocker inspect shop-api")).toEqual([]);
    expect(tracksFor("docker events")).toEqual([]); // an error here (it needs --since): nothing was shown
    expect(tracksFor("docker events --since 5m --filter event=die")).toHaveLength(1);
  });
});
