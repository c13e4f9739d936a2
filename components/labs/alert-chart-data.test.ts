import { describe, expect, it } from "vitest";
import { getLab } from "@/lib/labs/catalog";
import { evaluateLab } from "@/lib/labs/evaluate";
import { solutionSubmission, starterSubmission } from "@/lib/labs/test-helpers";
import { RULE_LANE } from "./chart-model";
import { usedKeys } from "./timeline-legend";
import { promDuration } from "./alert-chart-data";
import { textTracksOf } from "./text-tracks";

const lab = getLab("alert-on-error-rate")!;
const tracksFor = (submission: Parameters<typeof evaluateLab>[1]) => {
  const result = evaluateLab(lab, submission, null);
  return textTracksOf(result.text!);
};

describe("the alerting lab's chart in the shared visual language", () => {
  it("the solution: value line with its threshold, inactive → pending → firing in the outage, the deadline ruled", () => {
    const [outage, blip] = tracksFor(solutionSubmission(lab));
    expect(outage!.title).toBe("A real outage");
    const chart = outage!.chart;
    expect(chart.timeAxis).toBe("clock");
    expect(chart.lanes.map((lane) => lane.kind)).toEqual(["line", "band"]);
    expect(chart.line!.threshold).toEqual({ value: 0.01, label: "threshold > 0.01" });
    expect(chart.line!.points).toHaveLength(121);
    expect(chart.windows).toEqual([{ fromMs: 600_000, toMs: 1_800_000, label: "2 % errors" }]);
    const states = chart.marks.filter((mark) => mark.lane === "state");
    expect(states.map((mark) => [mark.atMs, mark.toMs, mark.label, mark.tone])).toEqual([
      [0, 630_000, "inactive", "ok"],
      [630_000, 750_000, "pending", "starting"],
      [750_000, 1_800_000, "firing", "bad"],
    ]);
    // Each span points at the narration line that says why the state changed.
    const line = (index: number) => outage!.events[states[index]!.events[0]!]!.text;
    expect(line(1)).toBe(
      "10:30 — Pending: the value is 0.0126, over 0.01. It fires if that holds for 2m (its for:).",
    );
    expect(line(2)).toBe("12:30 — Firing: the condition has held for 2m, so someone is paged.");
    const deadline = chart.marks.find((mark) => mark.lane === RULE_LANE)!;
    expect(deadline).toMatchObject({ atMs: 900_000, dashed: true, label: "must fire by 15:00" });
    expect(outage!.events[deadline.events[0]!]!.text).toBe(
      "15:00 — The deadline: the outage must have paged someone by now, 5m after it began. It fired at 12:30: in time.",
    );
    // The narration reads in time order; the trouble's start comes first at 10:00.
    expect(outage!.events.map((event) => event.atMs)).toEqual([0, 600_000, 630_000, 750_000, 900_000]);
    expect(outage!.events[1]!.text).toBe("10:00 — The trouble begins: 2 % errors, until 30:00.");
    // The table: one row per evaluation, with the value, the state and what happened then.
    expect(chart.table.columns).toEqual(["Time", "Value compared with 0.01", "Alert state", "What happened"]);
    expect(chart.table.rows).toHaveLength(121);
    expect(chart.table.rows[0]).toEqual([
      "0:00",
      "—",
      "inactive",
      expect.stringMatching(/^Inactive: the expression has no value/),
    ]);
    expect(chart.table.rows[42]).toEqual(["10:30", "0.0126", "pending", expect.stringMatching(/^Pending/)]);
    expect(chart.table.rows[50]).toEqual(["12:30", "0.02", "firing", expect.stringMatching(/^Firing/)]);
    // The key lists what this chart draws: the line, the threshold, the window, three state tones and the rule.
    const keys = usedKeys(chart);
    expect(keys.line?.name).toBe("Value compared with 0.01");
    expect(keys.faults).toBe(true);
    expect([...keys.tones].sort()).toEqual(["bad", "ok", "signal", "starting"]);

    // The blip: pending, then dropped without firing; no deadline.
    const blipStates = blip!.chart.marks.filter((mark) => mark.lane === "state");
    expect(blipStates.map((mark) => mark.label)).toEqual(["inactive", "pending", "inactive"]);
    expect(blip!.events[blipStates[2]!.events[0]!]!.text).toBe(
      "11:30 — Inactive again: the value is 0.00222, not over 0.01 before 2m had passed, so the pending alert is dropped without paging anyone.",
    );
    expect(blip!.chart.marks.some((mark) => mark.lane === RULE_LANE)).toBe(false);
    expect(blip!.events.map((event) => event.text)).toContain(
      "10:30 — The trouble ends: requests are back to normal.",
    );
  });

  it("the starter (for: 0s) fires at once in both runs, and resolves after the blip leaves the 5-minute window", () => {
    const [outage, blip] = tracksFor(starterSubmission(lab));
    const firing = outage!.chart.marks.find((mark) => mark.label === "firing")!;
    expect(firing.atMs).toBe(735_000);
    expect(outage!.events[firing.events[0]!]!.text).toBe(
      "12:15 — Firing at once: the value is 0.0103, over 0.01, and with for: 0s the first evaluation that returns a result pages someone.",
    );
    const spans = blip!.chart.marks
      .filter((mark) => mark.lane === "state")
      .map((mark) => `${mark.label} ${mark.atMs / 1000}`);
    expect(spans).toEqual(["inactive 0", "firing 615", "inactive 930"]);
    expect(blip!.events.find((event) => event.atMs === 930_000)!.text).toMatch(
      /^15:30 — Resolved: the value is 0\.00\d+, not over 0\.01/,
    );
  });

  it("without a comparison at the top the line is the expression itself, with no threshold and a note", () => {
    const rule =
      'alert: X\nexpr: sum(rate(http_requests_total{code="500"}[1m])) / sum(rate(http_requests_total[1m]))\nfor: 1m\n';
    const [outage] = tracksFor({ labSlug: lab.slug, text: rule });
    expect(outage!.chart.line!.threshold).toBeNull();
    expect(outage!.chart.line!.name).toBe("Your expression's value");
    expect(outage!.chart.notes[0]).toMatch(/no comparison with a number/);
    // The ratio always returns a value, so the alert is pending from 0:45 and fires a minute later.
    expect(outage!.chart.marks.filter((mark) => mark.lane === "state").map((mark) => mark.label)).toEqual([
      "inactive",
      "pending",
      "firing",
    ]);
  });

  it("a rule that does not parse has no chart; durations read as Prometheus writes them", () => {
    expect(tracksFor({ labSlug: lab.slug, text: "alert: [unclosed" })).toEqual([]);
    expect([0, 30_000, 120_000, 90_000].map(promDuration)).toEqual(["0s", "30s", "2m", "1m30s"]);
  });
});
