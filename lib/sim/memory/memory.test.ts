import { describe, expect, it } from "vitest";
import { narrateMemory, parseMemoryScenario, resolveLimits, simulateMemory, type MemoryScenarioInput } from "./index";

// A leaking server: 40 MiB native + 10 MiB heap at start, the heap grows 60 MiB/min (1 MiB/s).
const leak = (extra: Partial<MemoryScenarioInput> = {}): MemoryScenarioInput => ({
  workload: { nativeMb: 40, heapMb: 10, phases: [{ durationMs: null, heapMbPerMin: 60 }] },
  ...extra,
});
const types = (input: MemoryScenarioInput) => simulateMemory(input).events.map((e) => `${e.at} ${e.type}`);

describe("limits from the flags", () => {
  it("resolves --memory, --memory-swap and the default heap as Docker, runc and Node do", () => {
    const limits = (input: MemoryScenarioInput) => resolveLimits(parseMemoryScenario(input));
    // --memory 512m alone: MemorySwap = 2 × 512 → swap.max = 1024 − 512 = 512; heap = 512/4 × 2 = 256.
    expect(limits({ memoryMb: 512 })).toEqual({ ramMb: 512, swapMb: 512, heapMb: 256, heapDefaulted: true });
    // --memory-swap equal to --memory: no swap at all.
    expect(limits({ memoryMb: 512, memorySwapMb: 512 }).swapMb).toBe(0);
    // --memory-swap 768m: 768 − 512 = 256 of swap.
    expect(limits({ memoryMb: 512, memorySwapMb: 768 }).swapMb).toBe(256);
    // -1: unlimited, so whatever the host has (2048 by default).
    expect(limits({ memoryMb: 512, memorySwapMb: -1 }).swapMb).toBe(2_048);
    // No --memory: the host's 8192 MiB; the heap default 8192/2 = 4096 is capped at 2048.
    expect(limits({})).toEqual({ ramMb: 8_192, swapMb: 2_048, heapMb: 2_048, heapDefaulted: true });
    expect(limits({ memoryMb: 512, maxOldSpaceSizeMb: 1_024 })).toMatchObject({ heapMb: 1_024, heapDefaulted: false });
  });

  it("rejects what the daemon rejects", () => {
    expect(() => parseMemoryScenario({ memoryMb: 512, memorySwapMb: 256 })).toThrow(/at least --memory/);
    expect(() => parseMemoryScenario({ memorySwapMb: 1_024 })).toThrow(/set --memory/);
    expect(() => parseMemoryScenario({ memoryMb: 4 })).toThrow();
    expect(() => parseMemoryScenario({ restartPolicy: "sometimes" })).toThrow(/restart/);
    expect(() =>
      parseMemoryScenario({ workload: { phases: [{ durationMs: null }, { durationMs: 1_000 }] } }),
    ).toThrow(/last phase/);
  });
});

describe("the memory engine", () => {
  it("a heap leak under the default heap limit: V8 aborts first (134), no OOM kill", () => {
    // Heap limit 256 (half of 512). 10 + 1 MiB/s reaches 256 after 246 s = 246 000 ms.
    // RSS then is 40 + 256 = 296 < 512: the kernel never steps in.
    const result = simulateMemory(leak({ memoryMb: 512 }));
    expect(types(leak({ memoryMb: 512 }))).toEqual(["0 start", "246000 heap-limit", "246000 die", "246000 not-restarted"]);
    expect(result.summary).toMatchObject({
      oomKills: 0,
      heapLimitCrashes: 1,
      state: "exited",
      lastExit: { exitCode: 134, oomKilled: false },
      peakHeapMb: 256,
      peakRssMb: 296,
      headroomMb: 216,
    });
  });

  it("a heap cap above the container's memory and no swap: the kernel OOM-kills (oom, then die 137)", () => {
    // --memory 512m --memory-swap 512m --max-old-space-size=1024: RSS 50 + 1 MiB/s reaches 512
    // after 462 s, long before the heap (10 + 462 = 472) gets near 1024.
    const input = leak({ memoryMb: 512, memorySwapMb: 512, maxOldSpaceSizeMb: 1_024 });
    expect(types(input)).toEqual(["0 start", "462000 oom", "462000 die", "462000 not-restarted"]);
    const die = simulateMemory(input).events.find((e) => e.type === "die");
    expect(die).toMatchObject({ exitCode: 137, oomKilled: true, uptimeMs: 462_000 });
    expect(simulateMemory(input).summary).toMatchObject({ oomKills: 1, peakRamMb: 512, headroomMb: 0, swappingMs: 0 });
  });

  it("with Docker's default swap the same leak swaps for 512 s before the kill", () => {
    // swap.max = 512, so the kill comes at RSS 1024: (1024 − 50) s = 974 000 ms.
    // Swapping from RSS 512 (462 000 ms) to the kill: 512 000 ms; peak swap 1024 − 512 = 512.
    const result = simulateMemory(leak({ memoryMb: 512, maxOldSpaceSizeMb: 2_048 }));
    expect(result.events.map((e) => `${e.at} ${e.type}`)).toEqual([
      "0 start",
      "462000 swap-started",
      "974000 oom",
      "974000 die",
      "974000 not-restarted",
    ]);
    expect(result.summary).toMatchObject({ swappingMs: 512_000, peakSwapMb: 512, peakRssMb: 1_024 });
  });

  it("off-heap growth (Buffers) is OOM-killed even though the heap is tiny", () => {
    // --memory 256m --memory-swap 256m, external +30 MiB/min: 40 + 10 + 0.5 MiB/s reaches 256
    // after 206 / 0.5 = 412 s. The heap stays at 10 MiB, far under its 128 MiB default limit.
    const input: MemoryScenarioInput = {
      memoryMb: 256,
      memorySwapMb: 256,
      workload: { nativeMb: 40, heapMb: 10, phases: [{ durationMs: null, externalMbPerMin: 30 }] },
    };
    const result = simulateMemory(input);
    expect(result.summary.limits.heapMb).toBe(128);
    expect(result.summary.exits).toEqual([{ at: 412_000, exitCode: 137, reason: "oom-kill" }]);
    expect(result.summary.peakHeapMb).toBe(10);
  });

  it("a batch job that fits finishes with exit 0 and reports its headroom", () => {
    // 10 min at +60 MiB/min: heap 10 → 610, RSS 650. --memory 1g, heap cap 768: both fit.
    // Exit 0 at 600 000 ms; headroom 1024 − 650 = 374.
    const batch: MemoryScenarioInput = {
      memoryMb: 1_024,
      maxOldSpaceSizeMb: 768,
      restartPolicy: "on-failure",
      workload: { nativeMb: 40, heapMb: 10, phases: [{ durationMs: 600_000, heapMbPerMin: 60 }], whenDone: "exit" },
    };
    const result = simulateMemory(batch);
    expect(result.summary).toMatchObject({
      exits: [{ at: 600_000, exitCode: 0, reason: "completed" }],
      completedRuns: 1,
      state: "exited",
      peakHeapMb: 610,
      peakRssMb: 650,
      headroomMb: 374,
    });
    // on-failure does not restart a clean exit; the same job with --memory 512m dies at 246 s.
    expect(result.events.at(-1)).toMatchObject({ type: "not-restarted", exitCode: 0 });
    expect(simulateMemory({ ...batch, memoryMb: 512, maxOldSpaceSizeMb: null }).summary.exits[0]).toEqual({
      at: 246_000,
      exitCode: 134,
      reason: "heap-limit",
    });
  });

  it("always: a process that dies at once is restarted after 100, 200, 400 … ms, capped at 1 min", () => {
    // Heap 300 > cap 256 at start: every run dies at uptime 0 (< 10 s, so the back-off doubles).
    // Starts: 0, +100 = 100, +200 = 300, 700, 1500, 3100, 6300, 12700, 25500, 51100,
    // +51200 = 102300, then +60000 (102400 capped): 162300, 222300, 282300; the next would be 342300.
    const result = simulateMemory({
      memoryMb: 1_024,
      maxOldSpaceSizeMb: 256,
      restartPolicy: "always",
      horizonMs: 300_000,
      workload: { heapMb: 300 },
    });
    const starts = result.events.filter((e) => e.type === "start").map((e) => e.at);
    expect(starts).toEqual([0, 100, 300, 700, 1500, 3100, 6300, 12700, 25500, 51100, 102300, 162300, 222300, 282300]);
    expect(result.summary).toMatchObject({ restarts: 14, heapLimitCrashes: 14, state: "restarting" });
  });

  it("the back-off resets after a run of 10 s or more, and not after 9 s", () => {
    // Cap 20, heap 10 + 1 MiB/s: each run lasts 10 s → delay stays 100 ms: starts 0, 10100, 20200.
    const steady = simulateMemory(leak({ memoryMb: 1_024, maxOldSpaceSizeMb: 20, restartPolicy: "always", horizonMs: 30_000 }));
    expect(steady.events.filter((e) => e.type === "start").map((e) => e.at)).toEqual([0, 10_100, 20_200]);
    // Cap 19: 9 s runs → 100, 200, 400: starts 0, 9100, 18300, 27700.
    const short = simulateMemory(leak({ memoryMb: 1_024, maxOldSpaceSizeMb: 19, restartPolicy: "always", horizonMs: 30_000 }));
    expect(short.events.filter((e) => e.type === "start").map((e) => e.at)).toEqual([0, 9_100, 18_300, 27_700]);
  });

  it("on-failure:2 restarts twice, then leaves the container exited", () => {
    // OOM every 462 s (no swap): exits at 462000, 924100, 1386300 (delays 100 then 100: uptime ≥ 10 s).
    const result = simulateMemory(
      leak({ memoryMb: 512, memorySwapMb: 512, maxOldSpaceSizeMb: 1_024, restartPolicy: "on-failure:2" }),
    );
    expect(result.summary.exits.map((exit) => exit.at)).toEqual([462_000, 924_100, 1_386_200]);
    expect(result.summary).toMatchObject({ restarts: 2, oomKills: 3, state: "exited" });
    expect(result.events.at(-1)).toMatchObject({ type: "not-restarted", policy: "on-failure:2", exitCode: 137 });
  });

  it("samples what docker stats would show, and nothing once the container is gone", () => {
    // Same OOM run, sampled every 60 s: at 120 s RSS = 50 + 120 = 170, all in RAM; at 480 s it is dead.
    const result = simulateMemory(
      leak({ memoryMb: 512, memorySwapMb: 512, maxOldSpaceSizeMb: 1_024, horizonMs: 600_000, sampleEveryMs: 60_000 }),
    );
    expect(result.samples).toHaveLength(11);
    expect(result.samples[2]).toEqual({ t: 120_000, running: true, heapMb: 130, externalMb: 0, rssMb: 170, ramMb: 170, swapMb: 0 });
    expect(result.samples[8]).toMatchObject({ t: 480_000, running: false, rssMb: 0 });
  });

  it("a phase that frees memory lowers usage; swap time counts only while over the limit", () => {
    // --memory 300m: RSS 50 → 350 over 5 min (+1 MiB/s), then −1 MiB/s for 5 min back to 50.
    // Over 300 from 250 s to 300 s (50 s) and from 300 s until 350 − t' = 300, t' = 50 s: 100 000 ms.
    const result = simulateMemory({
      memoryMb: 300,
      maxOldSpaceSizeMb: 1_000,
      horizonMs: 900_000,
      workload: {
        nativeMb: 40,
        heapMb: 10,
        phases: [
          { durationMs: 300_000, heapMbPerMin: 60 },
          { durationMs: 300_000, heapMbPerMin: -60 },
        ],
      },
    });
    expect(result.summary).toMatchObject({ swappingMs: 100_000, peakRssMb: 350, peakSwapMb: 50, oomKills: 0, state: "running" });
  });

  it("is deterministic and narrates the kill in words", () => {
    const input = leak({ memoryMb: 512, memorySwapMb: 512, maxOldSpaceSizeMb: 1_024, restartPolicy: "always", horizonMs: 7_200_000 });
    expect(simulateMemory(input)).toEqual(simulateMemory(input));
    const [, oom, die] = simulateMemory(input).events;
    expect(narrateMemory(oom!)).toBe(
      "At 7 min 42 s the container needs 512 MiB but may hold only 512 MiB of RAM: the kernel's OOM killer sends SIGKILL (docker events: oom).",
    );
    expect(narrateMemory(die!)).toMatch(/exit code 137, and docker inspect shows OOMKilled: true/);
  });
});
