import { describe, expect, it } from "vitest";
import { describeTimeline, layoutTimeline, TIMELINE, type TimelineSpec } from "./timeline";

const spec: TimelineSpec = {
  until: 10,
  tickEvery: 5,
  groups: [
    {
      title: "Graceful",
      lanes: [
        {
          label: "app",
          spans: [{ from: 5, to: 2, label: "drain", tone: "warning" }, { from: 2, to: 40, label: "long", tone: "accent" }],
          instants: [{ at: 12, label: "exit", tone: "success" }, { at: 0, label: "SIGTERM", tone: "danger" }],
        },
      ],
    },
  ],
};

describe("layoutTimeline", () => {
  it("maps seconds to the drawing width and clamps what runs past the axis", () => {
    const layout = layoutTimeline(spec, 360);
    const lane = layout.lanes[0]!;
    expect(layout.ticks.map((t) => t.label)).toEqual(["0 s", "5 s", "10 s"]);
    expect(layout.ticks[0]!.x).toBe(TIMELINE.left);
    expect(layout.ticks.at(-1)!.x).toBe(360 - TIMELINE.right);
    expect(lane.spans[1]!.x + lane.spans[1]!.w).toBe(360 - TIMELINE.right);
    expect(lane.instants.find((i) => i.label === "exit")!.x).toBe(360 - TIMELINE.right);
    // A span drawn backwards still shows as a sliver rather than vanishing.
    expect(lane.spans[0]!.w).toBe(2);
  });

  it("stacks lanes below their group title and makes room for the axis", () => {
    const layout = layoutTimeline(spec);
    expect(layout.titles[0]!.y).toBeLessThan(layout.lanes[0]!.y);
    expect(layout.height).toBeGreaterThan(layout.lanes[0]!.y + layout.barHeight);
  });
});

it("anchors labels inside the drawing and staggers the ones that would overlap", () => {
  const crowded: TimelineSpec = {
    until: 10,
    tickEvery: 5,
    groups: [{ title: "g", lanes: [{ label: "l", spans: [], instants: [
      { at: 0, label: "SIGTERM", tone: "warning" },
      { at: 1, label: "a long label that collides", tone: "danger" },
      { at: 10, label: "exit at ten", tone: "success" },
    ] }] }],
  };
  const instants = layoutTimeline(crowded).lanes[0]!.instants;
  expect(instants.map((i) => [i.anchor, i.row])).toEqual([["start", 0], ["start", 1], ["end", 0]]);
  expect(layoutTimeline(crowded).height).toBeGreaterThan(layoutTimeline({ ...crowded, groups: [{ title: "g", lanes: [{ label: "l", spans: [], instants: [] }] }] }).height);
});

describe("describeTimeline", () => {
  it("reads each lane in time order", () => {
    expect(describeTimeline(spec)[0]!.lines[0]).toBe("app: at 0 s: SIGTERM; 2–40 s: long; 5–2 s: drain; at 12 s: exit");
  });
});
