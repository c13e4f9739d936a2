import { describe, expect, it } from "vitest";
import { getLab } from "../catalog";
import { evaluateLab } from "../evaluate";

// The memory lab's checks through evaluateLab, as the browser and the server call it: each
// wrong way of sizing the container fails for its own reason, in words.
const lab = getLab("size-the-batch-memory")!;
const run = (memory: number, memorySwap: number, maxOldSpaceSize: number) =>
  evaluateLab(lab, { labSlug: lab.slug, params: { memory, memorySwap, maxOldSpaceSize } }, null);
const verdicts = (result: ReturnType<typeof run>) =>
  Object.fromEntries(result.checks.map((check) => [check.label, check.passed]));

describe("size-the-batch-memory", () => {
  it("Node's default heap (half of 1 GiB) crashes with exit 134 although the container has room", () => {
    const result = run(1024, 1024, 0);
    const heap = result.checks.find((check) => check.label.includes("heap limit"))!;
    expect(heap).toMatchObject({ passed: false });
    expect(heap.detail).toMatch(/512 MiB \(Node's default/);
    expect(result.checks.find((check) => check.label.includes("first run"))!.detail).toMatch(/exit 134/);
    expect(result.summary).toMatchObject({ kind: "memory", summary: { oomKills: 0, heapLimitCrashes: 4 } });
  });

  it("a heap cap the container cannot hold turns into OOM kills (137) without swap", () => {
    const result = run(800, 800, 768);
    expect(verdicts(result)).toMatchObject({
      "Never killed by the kernel's OOM killer (no exit 137)": false,
      "Never crashes on V8's heap limit (no exit 134)": true,
    });
    expect(result.timeline?.kind).toBe("memory");
  });

  it("with swap left unset the same sizes swap instead of being killed, and fail the no-swap check", () => {
    const result = run(800, 0, 768);
    expect(verdicts(result)).toMatchObject({
      "Never pushed out to swap": false,
      "Never killed by the kernel's OOM killer (no exit 137)": true,
    });
  });

  it("plenty of memory passes everything but the node's budget", () => {
    const result = run(2048, 2048, 0);
    expect(result.checks.filter((check) => !check.passed).map((check) => check.label)).toEqual([
      "The memory limit stays within the node's budget of 1024 MiB",
    ]);
  });

  it("--memory-swap below --memory is refused as docker run refuses it", () => {
    const result = run(1024, 512, 768);
    expect(result.passed).toBe(false);
    expect(result.headline).toMatch(/--memory-swap is memory plus swap/);
    expect(result.checks[0]).toMatchObject({ label: "docker run accepts the settings", passed: false });
    expect(result.timeline).toBeNull();
  });

  it("rejects a setting outside the lab's bounds before running anything", () => {
    const result = evaluateLab(
      lab,
      { labSlug: lab.slug, params: { memory: 10, memorySwap: 0, maxOldSpaceSize: 0 } },
      null,
    );
    expect(result.checks[0]!.detail).toMatch(/memory: must be between 64 and 4096/);
  });
});

describe("pick-cpus-for-p99", () => {
  const cpuLab = getLab("pick-cpus-for-p99")!;
  const at = (cpus: number) => evaluateLab(cpuLab, { labSlug: cpuLab.slug, params: { cpus } }, null);

  it("a quota just above the average demand is throttled into a p99 far over the target", () => {
    const result = at(500);
    expect(result.checks[0]).toMatchObject({ label: "p99 latency under 200 ms", passed: false });
    expect(result.checks[0]!.detail).toMatch(/^p99 3\d\d(\.\d)? ms .* throttled in \d+ of \d+ periods/);
  });

  it("below the average demand the backlog grows without end", () => {
    const result = at(350);
    expect(result.checks[1]).toMatchObject({ passed: false });
    expect(result.checks[1]!.detail).toMatch(/demand is 11\d % of the quota/);
  });

  it("more than the node's one CPU is refused by the budget check even though p99 is fine", () => {
    const result = at(2000);
    expect(result.checks.map((check) => check.passed)).toEqual([true, true, false]);
  });

  it("one CPU and four are the same for one event loop: only the quota's throttling changes p99", () => {
    expect(at(1000).summary).toMatchObject({ kind: "cpu", summary: { nrThrottled: 0 } });
    const p99 = (cpus: number) => (at(cpus).summary as { summary: { p99Ms: number } }).summary.p99Ms;
    expect(p99(4000)).toBe(p99(1000));
  });
});
