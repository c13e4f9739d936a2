// Prints how fast the logging engine (lib/sim/logging) covers 24 hours (and a week) of virtual time.
//   npm run bench:logging
// Files: json-file and local rotation at 200 lines/s for a day and a week (runs of lines are
// counted at once between rotations). Delivery: 50 lines/s for 24 h to a collector that slows to
// 40 lines/s for an hour, every line simulated one by one, in both modes.
import { simulateDelivery, simulateLogFiles, type DeliveryScenarioInput, type LogFilesScenarioInput } from "../lib/sim/logging";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function files(label: string, input: LogFilesScenarioInput): void {
  const start = performance.now();
  const { summary, samples } = simulateLogFiles(input);
  console.log(
    `files, ${label}: ${input.horizonMs / HOUR} h virtual in ${(performance.now() - start).toFixed(0)} ms wall; ` +
      `${summary.lines.toLocaleString("en")} lines, ${summary.rotations.toLocaleString("en")} rotations, peak ` +
      `${(summary.peakDiskBytes / 1e6).toFixed(1)} MB, ${(summary.retainedMs / HOUR).toFixed(1)} h kept, ${samples.length} samples`,
  );
}

function delivery(label: string, input: DeliveryScenarioInput): void {
  const start = performance.now();
  const { summary, samples } = simulateDelivery(input);
  console.log(
    `delivery, ${label}: 24 h virtual in ${(performance.now() - start).toFixed(0)} ms wall; ` +
      `${summary.intended.toLocaleString("en")} lines meant, ${summary.delivered.toLocaleString("en")} delivered, ` +
      `${summary.dropped.toLocaleString("en")} dropped, ${(summary.stalledMs / 1000).toFixed(1)} s stalled, ${samples.length} samples`,
  );
}

const busy = [{ durationMs: null, linesPerSecond: 200, lineBytes: 180 }];
files("json-file max-size 10m max-file 3", { driver: "json-file", maxSize: "10m", maxFile: 3, phases: busy, horizonMs: DAY, sampleEveryMs: 60_000 });
files("local defaults", { driver: "local", phases: busy, horizonMs: DAY, sampleEveryMs: 60_000 });
files("json-file without max-size, a week", { driver: "json-file", phases: busy, horizonMs: 7 * DAY, sampleEveryMs: 60_000 });

const slowHour = { linesPerSecond: 50, lineBytes: 180, collectorLinesPerSecond: 200, slow: [{ fromMs: 6 * HOUR, toMs: 7 * HOUR, linesPerSecond: 40 }], horizonMs: DAY, sampleEveryMs: 10_000 };
delivery("blocking", { ...slowHour, mode: "blocking" });
delivery("non-blocking", { ...slowHour, mode: "non-blocking" });
