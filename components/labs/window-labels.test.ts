import { describe, expect, it } from "vitest";
import { placeWindowLabels } from "./window-labels";

const x = (ms: number) => ms / 100; // 0–1000 px for 0–100 s

describe("fault window labels", () => {
  it("names a repeating window once and keeps labels from running into each other", () => {
    const spell = (from: number) => ({ fromMs: from, toMs: from + 5_000, label: "slow spell" });
    const labels = placeWindowLabels([spell(0), spell(20_000), spell(40_000)], x, 1_000);
    expect(labels.map((label) => label?.text ?? null)).toEqual(["slow spell 0–5 s", null, null]);
    const crowded = placeWindowLabels(
      [
        { fromMs: 0, toMs: 1_000, label: "database down" },
        { fromMs: 2_000, toMs: 3_000, label: "cache down" },
        { fromMs: 50_000, toMs: 60_000, label: "disk slow" },
      ],
      x,
      1_000,
    );
    expect(crowded.map((label) => label?.text.split(" ")[0] ?? null)).toEqual(["database", null, "disk"]);
  });

  it("anchors a label at the right edge when it would run off the chart", () => {
    const [label] = placeWindowLabels([{ fromMs: 95_000, toMs: 100_000, label: "the app hangs" }], x, 1_000);
    expect(label).toMatchObject({ anchor: "end", x: 1_000 });
  });
});
