import { describe, expect, it } from "vitest";
import { shutdownLanes, shutdownOutcome, type ShutdownSetup } from "./shutdown";

const requests = [
  { name: "A", needsS: 2 },
  { name: "B", needsS: 4 },
  { name: "C", needsS: 12 },
];
const setup = (graceS: number, handler: ShutdownSetup["handler"]): ShutdownSetup => ({ title: "t", graceS, handler, requests });

// The rows of the worked timeline in the high-availability lesson.
describe("shutdownOutcome", () => {
  it("no handler: SIGKILL at the grace period, exit 137", () => {
    expect(shutdownOutcome(setup(10, null))).toEqual({ endS: 10, exitCode: 137, endedBy: "SIGKILL" });
  });
  it("a force-exit timer longer than the grace period never fires", () => {
    expect(shutdownOutcome(setup(10, { drainDelayS: 5, forceExitS: 30 }))).toEqual({ endS: 10, exitCode: 137, endedBy: "SIGKILL" });
  });
  it("the app's own timer below the grace period ends it with its own exit code", () => {
    expect(shutdownOutcome(setup(10, { drainDelayS: 5, forceExitS: 8 }))).toEqual({ endS: 8, exitCode: 1, endedBy: "app" });
  });
  it("enough grace: everything finishes and the process exits 0", () => {
    expect(shutdownOutcome(setup(30, { drainDelayS: 5, forceExitS: 25 }))).toEqual({ endS: 12, exitCode: 0, endedBy: "app" });
  });
});

describe("shutdownLanes", () => {
  it("marks which requests complete and which are cut", () => {
    const cut = shutdownLanes(setup(10, null));
    expect(cut.lanes.map((l) => l.spans[0]!.label)).toEqual(["SIGTERM ignored, still accepting", "completes", "completes", "cut at 10 s"]);
    const graceful = shutdownLanes(setup(30, { drainDelayS: 5, forceExitS: 25 }));
    expect(graceful.lanes.slice(1).every((l) => l.spans[0]!.label === "completes")).toBe(true);
    expect(graceful.lanes[0]!.instants.map((i) => i.label)).toEqual(["SIGTERM", "exit 0"]);
  });
});
