import { describe, expect, it } from "vitest";
import { threadCpuClock } from "./cpu-clock";

describe("thread CPU clock", () => {
  it("advances with work on this thread and not with waiting", async () => {
    const clock = threadCpuClock();
    if (!clock) return; // not Linux
    const start = clock();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const afterSleep = clock();
    let x = 0;
    const until = performance.now() + 300;
    while (performance.now() < until) x += 1;
    const afterWork = clock();
    expect(x).toBeGreaterThan(0);
    // Sleeping costs (almost) no CPU; busy work costs some (how much depends on the machine's load).
    expect(afterSleep - start).toBeLessThan(150);
    expect(afterWork - afterSleep).toBeGreaterThan(0);
    expect(afterWork).toBeGreaterThanOrEqual(afterSleep);
  });
});
