import { describe, expect, it } from "vitest";
import { jsonFileEntryBytes, localEntryBytes, parseSize, simulateDelivery, simulateLogFiles, type LogFilesScenarioInput } from "./index";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// 10 lines/s of 100 bytes for an hour: 36 000 lines, line k at k × 100 ms.
const steady = (extra: Partial<LogFilesScenarioInput>): LogFilesScenarioInput => ({
  driver: "json-file",
  phases: [{ durationMs: null, linesPerSecond: 10, lineBytes: 100 }],
  horizonMs: HOUR,
  ...extra,
});

describe("bytes per line", () => {
  it("json-file wraps each line in JSON with its stream and a nanosecond time; local in protobuf", () => {
    // Built the way moby marshals it: 100 + 71 bytes of wrapping.
    const line = "x".repeat(100);
    const json = `{"log":${JSON.stringify(`${line}\n`)},"stream":"stdout","time":"2026-12-07T02:41:00.123456789Z"}\n`;
    expect(jsonFileEntryBytes(100)).toBe(json.length);
    expect(json.length).toBe(171);
    // local: 4 + (8 source + 10 time + 1 tag + 1 length + 100) + 4 = 128; a 200-byte line needs a
    // 2-byte length varint: 4 + 8 + 10 + 1 + 2 + 200 + 4 = 229.
    expect(localEntryBytes(100)).toBe(128);
    expect(localEntryBytes(200)).toBe(229);
  });

  it("max-size is decimal, max-buffer-size binary", () => {
    expect(parseSize("10m", 1000)).toBe(10_000_000);
    expect(parseSize("1m", 1024)).toBe(1_048_576);
    expect(parseSize("512k", 1000)).toBe(512_000);
    expect(() => parseSize("ten", 1000)).toThrow(/not a size/);
  });
});

describe("log files on disk", () => {
  it("json-file without max-size never rotates: the file just grows", () => {
    // 36 000 × 171 = 6 156 000 bytes in one file.
    const { summary } = simulateLogFiles(steady({}));
    expect(summary).toMatchObject({ rotations: 0, files: 1, finalDiskBytes: 6_156_000, retainedMs: HOUR });
  });

  it("max-size 1m, max-file 3: rotation at the first line that takes a file to 1 MB", () => {
    // ⌈1 000 000 / 171⌉ = 5848 lines per file (1 000 008 bytes); line 5848 (584.8 s) starts file 2.
    // 6 rotations by 3600 s (6 × 5848 = 35 088); the current file holds 912 lines = 155 952 bytes,
    // plus two full rotated files: 2 155 968. Oldest kept line: 23 392 → 2339.2 s; 1260.8 s of history.
    const { summary, events } = simulateLogFiles(steady({ maxSize: "1m", maxFile: 3 }));
    expect(events[0]).toEqual({ at: 584_800, type: "rotated", rotation: 1, fileBytes: 1_000_008, removedBytes: 0 });
    expect(summary).toMatchObject({
      rotations: 6,
      files: 3,
      finalDiskBytes: 2_155_968,
      peakDiskBytes: 3_000_024,
      oldestRetainedAt: 2_339_200,
      retainedMs: 1_260_800,
    });
  });

  it("max-file 1 empties the one file at each rotation", () => {
    // Same rotations; only the 912 lines since 3508.8 s remain: 155 952 bytes, 91.2 s of history.
    const { summary } = simulateLogFiles(steady({ maxSize: "1m" }));
    expect(summary).toMatchObject({ files: 1, finalDiskBytes: 155_952, retainedMs: 91_200 });
  });

  it("local's defaults (20 MiB × 5, compressed) keep about two hours at 100 lines/s", () => {
    // 128 bytes a line: 20 971 520 / 128 = 163 840 lines a file exactly. A day is 8 640 000 lines:
    // 52 rotations, 120 320 lines (15 400 960 bytes) in the current file, 4 rotated files of
    // 20 971 520 × 0.125 = 2 621 440: 25 886 720 on disk. Oldest kept line 48 × 163 840 at
    // 78 643.2 s: 7 756 800 ms of history.
    const { summary } = simulateLogFiles({
      driver: "local",
      phases: [{ durationMs: null, linesPerSecond: 100, lineBytes: 100 }],
      horizonMs: DAY,
    });
    expect(summary).toMatchObject({ rotations: 52, files: 5, finalDiskBytes: 25_886_720, retainedMs: 7_756_800 });
  });

  it("a full disk loses every later line and says when", () => {
    // 1 000 000 bytes free: ⌊1 000 000 / 171⌋ = 5847 lines fit; line 5847 (584.7 s) is the first lost.
    const { summary, events } = simulateLogFiles(steady({ diskBytes: 1_000_000 }));
    expect(events).toEqual([{ at: 584_700, type: "disk-full", diskBytes: 999_837 }]);
    expect(summary).toMatchObject({ linesWritten: 5_847, linesLostDiskFull: 30_153, lines: 36_000 });
  });

  it("rejects the option combinations the drivers reject", () => {
    expect(() => simulateLogFiles(steady({ compress: true }))).toThrow(/compress cannot be true/);
    expect(() => simulateLogFiles(steady({ driver: "local", maxFile: 1 }))).toThrow(/compression cannot be enabled/);
    expect(() => simulateLogFiles(steady({ maxSize: "lots" }))).toThrow(/^maxSize: not a size: "lots"/);
    expect(() => simulateDelivery({ linesPerSecond: -1, lineBytes: 10, collectorLinesPerSecond: 1, horizonMs: 1 })).toThrow(/^linesPerSecond:/);
  });

  it("the logging lab's shape: a week under 500 MB needs compression", () => {
    // 10 lines/s of 150 bytes. json-file 100m × 5 stays at ≤ 500 MB but keeps 5 × 10⁸ / 2210 B/s
    // ≈ 2.6 days; local 100m × 15 compressed keeps 14 rotated files ≈ 9 days in ≤ 275 MB.
    const week = (extra: Partial<LogFilesScenarioInput>) =>
      simulateLogFiles({ driver: "json-file", phases: [{ durationMs: null, linesPerSecond: 10, lineBytes: 150 }], horizonMs: 8 * DAY, ...extra }).summary;
    // Each json-file file ends at the line that reaches 10⁸: ⌈10⁸ / 221⌉ × 221 = 100 000 069, so
    // five of them peak 345 bytes over 500 MB.
    const plain = week({ maxSize: "100m", maxFile: 5 });
    expect(plain.peakDiskBytes).toBe(500_000_345);
    expect(plain.retainedMs).toBeLessThan(7 * DAY);
    const compressed = week({ driver: "local", maxSize: "100m", maxFile: 15 });
    expect(compressed.peakDiskBytes).toBeLessThanOrEqual(275_000_000);
    expect(compressed.retainedMs).toBeGreaterThanOrEqual(7 * DAY);
  });
});

describe("delivery to a slow collector", () => {
  // The app writes 100 lines/s; the collector takes 50/s (20 ms a line); a 1 s run.
  const slow = { linesPerSecond: 100, collectorLinesPerSecond: 50, horizonMs: 1_000, sampleEveryMs: 1_000 } as const;

  it("blocking: the pipe fills and the app waits in write()", () => {
    // 100-byte lines (99 + newline) in a 1000-byte pipe: 10 fit. The driver takes line j at 20j ms.
    // Line 21 (due 210) finds 10 waiting and writes at 220 when line 11 leaves (10 ms stall); from
    // then on line k writes at 20(k − 10), 20 ms after the previous: lines 22–59 wait 20 ms each.
    // Line 60 blocks from 980 ms to the end (20 ms). 40 stalled writes, 10 + 38 × 20 + 20 = 790 ms.
    // 60 lines written, 50 taken (20j < 1000), 10 in the pipe; line 59 was due at 590, written at 980.
    const { summary } = simulateDelivery({ ...slow, mode: "blocking", lineBytes: 99, pipeBytes: 1_000 });
    expect(summary).toMatchObject({
      intended: 100,
      written: 60,
      delivered: 50,
      dropped: 0,
      stalledWrites: 40,
      stalledMs: 790,
      maxStallMs: 20,
      appLagMs: 390,
      queuedBytesAtEnd: 1_000,
    });
  });

  it("non-blocking: writes never wait; lines that do not fit in the ring are dropped", () => {
    // Ring of 1000 bytes, 100-byte messages: 10 fit. At 210 ms 10 wait (lines 11–20): line 21 is
    // dropped; at 220 line 11 has left, line 22 fits; from then every other line is dropped:
    // 21, 23, …, 99 = 40 dropped, 60 accepted, 50 taken, 10 left in the ring.
    const { summary, samples } = simulateDelivery({ ...slow, mode: "non-blocking", lineBytes: 100, maxBufferSize: 1_000 });
    expect(summary).toMatchObject({ written: 100, delivered: 50, dropped: 40, stalledWrites: 0, stalledMs: 0, queuedBytesAtEnd: 1_000 });
    expect(samples).toEqual([{ t: 1_000, written: 100, delivered: 50, dropped: 40, stalledMs: 0, queuedBytes: 1_000 }]);
  });

  it("the default ring is 1 000 000 bytes, while max-buffer-size 1m means 1 048 576", () => {
    const base = { mode: "non-blocking", linesPerSecond: 1, lineBytes: 10, collectorLinesPerSecond: 10, horizonMs: 1_000 } as const;
    expect(simulateDelivery(base).summary.bufferBytes).toBe(1_000_000);
    expect(simulateDelivery({ ...base, maxBufferSize: "1m" }).summary.bufferBytes).toBe(1_048_576);
  });

  it("a collector that keeps up costs nothing in either mode", () => {
    for (const mode of ["blocking", "non-blocking"] as const) {
      const { summary } = simulateDelivery({ mode, linesPerSecond: 100, lineBytes: 200, collectorLinesPerSecond: 200, horizonMs: 60_000 });
      expect(summary).toMatchObject({ intended: 6_000, written: 6_000, delivered: 6_000, dropped: 0, stalledMs: 0 });
    }
  });

  it("a 30 s slow stretch: blocking stalls the app for seconds, non-blocking with a big ring neither stalls nor drops", () => {
    // 100 lines/s of 199 bytes, collector 200/s but 50/s from 10 s to 40 s. Blocking: the 64 KiB
    // pipe (327 lines) fills at 16.55 s and the app is held to the collector's pace; it catches
    // up only at about 51.75 s: ≈ 35.2 s stalled. Non-blocking: the ring peaks at 1500 × 199 =
    // 298 500 bytes < 1 000 000, so nothing is dropped.
    const run = (mode: "blocking" | "non-blocking") =>
      simulateDelivery({ mode, linesPerSecond: 100, lineBytes: 199, collectorLinesPerSecond: 200, slow: [{ fromMs: 10_000, toMs: 40_000, linesPerSecond: 50 }], horizonMs: 60_000, sampleEveryMs: 10_000 });
    const blocking = run("blocking");
    expect(blocking.summary.stalledMs).toBeCloseTo(35_175, 0);
    expect(blocking.samples.map((s) => s.stalledMs)).toEqual([0, 3_450, 10_000, 10_000, 10_000, 1_725]);
    expect(blocking.samples.reduce((sum, s) => sum + s.stalledMs, 0)).toBeCloseTo(blocking.summary.stalledMs, 6);
    const nonBlocking = run("non-blocking");
    expect(nonBlocking.summary).toMatchObject({ stalledMs: 0, dropped: 0, delivered: 6_000 });
    expect(Math.max(...nonBlocking.samples.map((s) => s.queuedBytes))).toBe(298_500);
  });
});
