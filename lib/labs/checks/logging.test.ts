import { describe, expect, it } from "vitest";
import { getLab } from "../catalog";
import { evaluateLab } from "../evaluate";

// The logging lab's checks through evaluateLab: each half of the task fails for its own reason.
const lab = getLab("keep-a-week-of-logs")!;
const JSON_FILE = 0;
const LOCAL = 1;
const BLOCKING = 0;
const NON_BLOCKING = 1;
const SOLVED = { driver: LOCAL, maxSize: 50, maxFile: 30, mode: NON_BLOCKING, maxBufferSize: 4 };
const run = (params: Partial<typeof SOLVED>) =>
  evaluateLab(lab, { labSlug: lab.slug, params: { ...SOLVED, ...params } }, null);
const failing = (result: ReturnType<typeof run>) =>
  result.checks.filter((check) => !check.passed).map((check) => check.label);

describe("keep-a-week-of-logs", () => {
  it("json-file without compression cannot keep a week in 500 MB: rotate small and history is lost", () => {
    const result = run({ driver: JSON_FILE, maxSize: 70, maxFile: 7 });
    expect(failing(result)).toEqual(["docker logs still reaches back 7 days"]);
    expect(result.checks[0]!.detail).toMatch(/oldest line on disk is 2\.\d days old/);
  });

  it("json-file rotating large enough for a week takes more than 500 MB", () => {
    expect(failing(run({ driver: JSON_FILE, maxSize: 200, maxFile: 10 }))).toEqual([
      "The log files never take more than 500 MB of disk",
    ]);
  });

  it("the local driver's own defaults (5 × 20 MiB) keep well under a day", () => {
    const result = run({ maxSize: 0, maxFile: 0 });
    expect(failing(result)).toEqual(["docker logs still reaches back 7 days"]);
    expect(result.summary).toMatchObject({
      kind: "logging",
      disk: { options: { maxFile: 5, compress: true } },
    });
  });

  it("local with max-file 1 is refused, as the daemon refuses compression with one file", () => {
    const result = run({ maxFile: 1 });
    expect(result.checks[0]).toMatchObject({ label: "The log driver accepts the settings", passed: false });
    expect(result.headline).toMatch(/compression cannot be enabled when max file count is 1/);
  });

  it("blocking mode stalls the app while the collector is slow; non-blocking with the default buffer drops lines", () => {
    const blocking = run({ mode: BLOCKING });
    expect(failing(blocking)).toEqual(["The app never waits on a log write (no stalled requests)"]);
    const small = run({ maxBufferSize: 0 });
    expect(failing(small)).toEqual(["No log line dropped"]);
    expect(small.checks.at(-1)!.detail).toMatch(/^\d+ of 60000 lines dropped/);
  });
});
