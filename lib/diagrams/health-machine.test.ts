import { describe, expect, it } from "vitest";
import { healthArrows, healthTransitions } from "./health-machine";

const edge = (from: string, to: string) => healthArrows(3).find((a) => a.from === from && a.to === to);

describe("health state machine from the engine's rules", () => {
  it("makes one success healthy from every status", () => {
    for (const from of ["starting", "healthy", "unhealthy"]) expect(edge(from, "healthy")?.lines).toContain("success");
  });

  it("keeps a failure inside the start period from counting while starting", () => {
    expect(healthTransitions(3)).toContainEqual(expect.objectContaining({ from: "starting", to: "starting", short: "fail, not counted" }));
  });

  it("turns unhealthy only when the streak reaches retries", () => {
    expect(edge("healthy", "unhealthy")?.lines).toEqual(["fail, streak = 3"]);
    expect(edge("starting", "unhealthy")?.lines).toEqual(["fail, streak = 3"]);
    // A healthy container with two recent failures still shows healthy.
    expect(edge("healthy", "healthy")?.lines).toEqual(["success", "fail, streak < 3"]);
  });

  it("follows the retries setting", () => {
    expect(healthArrows(5).find((a) => a.from === "healthy" && a.to === "unhealthy")?.lines).toEqual(["fail, streak = 5"]);
  });

  it("resets to starting on every container start, and never reaches starting any other way", () => {
    expect(edge("healthy", "starting")?.lines).toEqual(["restart"]);
    expect(edge("unhealthy", "starting")?.lines).toEqual(["restart"]);
    const intoStarting = healthTransitions(3).filter((t) => t.to === "starting" && t.from !== "starting");
    expect(intoStarting.every((t) => t.short === "restart")).toBe(true);
  });

  it("draws nine arrows: three self-loops and six between states", () => {
    const arrows = healthArrows(3);
    expect(arrows).toHaveLength(9);
    expect(arrows.filter((a) => a.from === a.to).map((a) => a.from).sort()).toEqual(["healthy", "starting", "unhealthy"]);
  });
});
