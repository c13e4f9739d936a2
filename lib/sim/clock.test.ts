import { describe, expect, it } from "vitest";
import { VirtualClock } from "./clock";

describe("VirtualClock", () => {
  it("runs events in time order, and same-time events in scheduling order", () => {
    const clock = new VirtualClock<string>();
    clock.schedule(30, "c");
    clock.schedule(10, "a");
    clock.schedule(30, "d");
    clock.schedule(10, "b");
    const seen: Array<[number, string]> = [];
    for (let entry = clock.next(); entry; entry = clock.next()) seen.push([clock.now, entry.event]);
    expect(seen).toEqual([
      [10, "a"],
      [10, "b"],
      [30, "c"],
      [30, "d"],
    ]);
  });

  it("never goes back in time and stops at a horizon", () => {
    const clock = new VirtualClock<string>();
    clock.schedule(50, "late");
    expect(clock.next(20)).toBeNull();
    expect(clock.now).toBe(20);
    clock.schedule(5, "past");
    expect(clock.next()).toMatchObject({ at: 20, event: "past" });
    expect(clock.next()).toMatchObject({ at: 50, event: "late" });
  });

  it("cancels scheduled events and schedules relative to now", () => {
    const clock = new VirtualClock<string>();
    const handle = clock.schedule(10, "x");
    clock.after(15, "y");
    expect(clock.cancel(handle)).toBe(true);
    expect(clock.cancel(handle)).toBe(false);
    expect(clock.next()).toMatchObject({ at: 15, event: "y" });
    expect(clock.pending).toBe(0);
  });

  it("rejects non-finite times", () => {
    expect(() => new VirtualClock<string>().schedule(Number.POSITIVE_INFINITY, "x")).toThrow(RangeError);
  });
});
