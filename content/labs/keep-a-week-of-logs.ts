import type { LabInput } from "@/lib/labs/schema";

const lab: LabInput = {
  slug: "keep-a-week-of-logs",
  title: "Keep a week of logs under 500 MB without stalling requests",
  lesson: "logging",
  lessonSection: "blocking-or-non-blocking-delivery",
  summary: "Pick the log driver, max-size, max-file, mode and max-buffer-size for disk and a slow collector.",
  goal:
    "orders-api logs about ten lines a second, every second of the week. The on-call team wants docker logs " +
    "to reach back a full 7 days, and the node has 500 MB for this container's logs. The same lines are also " +
    "shipped to a central collector, which slows to a crawl for a minute and a half during a busy spell: " +
    "requests must not stall while it does, and no line may be lost. Docker's defaults (json-file, no " +
    "rotation, blocking delivery) fail on both counts. Pick the logging options so both runs pass.",
  kind: "logging-config",
  scenario: {
    app: "orders-api writes single-line JSON records of 150 bytes to stdout.",
    disk: {
      phases: [{ durationMs: null, linesPerSecond: 10, lineBytes: 150 }],
      horizonMs: 8 * 24 * 3_600_000,
      sampleEveryMs: 3_600_000,
    },
    delivery: {
      linesPerSecond: 200,
      lineBytes: 150,
      collectorLinesPerSecond: 2_000,
      slow: [{ fromMs: 60_000, toMs: 150_000, linesPerSecond: 50 }],
      horizonMs: 300_000,
      sampleEveryMs: 1_000,
    },
  },
  input: {
    params: {
      driver: {
        label: "--log-driver",
        unit: "option",
        min: 0,
        max: 1,
        default: 0,
        choices: ["json-file", "local"],
        help: "The file driver that keeps lines on the node for docker logs.",
      },
      maxSize: {
        label: "max-size",
        unit: "MB",
        min: 0,
        max: 1000,
        default: 0,
        help: "Rotate when the file reaches this size (decimal: 50 is max-size=50m, 50 000 000 bytes). 0 is the driver's default.",
      },
      maxFile: {
        label: "max-file",
        unit: "files",
        min: 0,
        max: 100,
        default: 0,
        help: "How many files to keep, the current one included. 0 is the driver's default.",
      },
      mode: {
        label: "mode",
        unit: "option",
        min: 0,
        max: 1,
        default: 0,
        choices: ["blocking", "non-blocking"],
        help: "How lines reach the driver: the app waits for it, or a buffer sits in between.",
      },
      maxBufferSize: {
        label: "max-buffer-size",
        unit: "MiB",
        min: 0,
        max: 64,
        default: 0,
        help: "Non-blocking mode's buffer (binary: 4 is max-buffer-size=4m, 4 MiB). 0 is Docker's default, 1 000 000 bytes.",
      },
    },
  },
  hints: [
    "Work out how much a week of lines takes in a file: each json-file line carries about 70 bytes of JSON around the 150 bytes of text, ten times a second, for 604 800 seconds.",
    "One of the two file drivers compresses the files it rotates out, and does so by default. With compression, what counts is how many files it keeps and how big each one is.",
    "In blocking mode a slow collector fills a 64 KiB pipe within a fraction of a second. In non-blocking mode the question is whether the backlog of the slow spell fits in the buffer: lines arrive at 200 a second and leave at 50.",
  ],
  solution: {
    params: { driver: 1, maxSize: 50, maxFile: 30, mode: 1, maxBufferSize: 4 },
    explanation:
      "A week of lines in json-file format is about 1.3 GB, so no json-file setting both keeps 7 days and stays " +
      "under 500 MB: json-file does not compress unless told to. The local driver compresses rotated files by " +
      "default (to about an eighth here): with max-size=50m and max-file=30 the disk holds the live file plus 29 " +
      "compressed ones, about 194 MB, and those 30 files cover far more than a week. For the collector, " +
      "mode=non-blocking means a write to stdout never waits for the driver. During the 90-second slow spell " +
      "lines pile up at 150 a second, about 2 MB of text, more than the default 1 MB buffer, so it drops lines; " +
      "max-buffer-size=4m holds the whole backlog, which drains once the collector recovers.",
  },
  checks: [
    { type: "logs-retained", atLeastMs: 7 * 24 * 3_600_000 },
    { type: "log-disk-at-most", bytes: 500_000_000 },
    { type: "no-write-stall" },
    { type: "dropped-lines-at-most", lines: 0 },
  ],
};

export default lab;
