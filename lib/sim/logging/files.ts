import { describeIssues, LogFilesScenarioSchema, LogOptionError, resolveFileOptions, type FileOptions, type LogFilesScenario, type LogFilesScenarioInput } from "./files-schema";
import { jsonFileEntryBytes, localEntryBytes } from "./sizes";

type LogFile = { bytes: number; firstLineAt: number; lastLineAt: number };

export type DiskSample = { t: number; diskBytes: number; files: number };

export type LogFilesEvent =
  | { at: number; type: "rotated"; rotation: number; fileBytes: number; removedBytes: number }
  | { at: number; type: "disk-full"; diskBytes: number };

export type LogFilesResult = {
  scenario: LogFilesScenario;
  options: FileOptions;
  /** Bytes one line takes in the file, per phase. */
  entryBytes: number[];
  events: LogFilesEvent[];
  samples: DiskSample[];
  summary: {
    lines: number;
    linesWritten: number;
    /** Lines whose write failed: no space left on the device. */
    linesLostDiskFull: number;
    rotations: number;
    peakDiskBytes: number;
    finalDiskBytes: number;
    files: number;
    /** How far back `docker logs` can still reach at the end (ms); 0 with nothing kept. */
    retainedMs: number;
    /** Time of the oldest line still on disk at the end, or null. */
    oldestRetainedAt: number | null;
    endMs: number;
  };
};

/**
 * A file driver filling its disk over time. moby's LogFile.WriteLogEntry rotates *before* a write
 * when the current file has reached max-size (so a file ends at the first line that takes it to
 * or past the limit); rotation renames container.log → .1 (→ .1.gz when compressing), shifts the
 * older ones and deletes the one past max-file; with max-file 1 the file is simply emptied.
 * Lines within a phase are evenly spaced, so whole runs of lines are counted at once.
 */
export function simulateLogFiles(input: LogFilesScenarioInput): LogFilesResult {
  const parsed = LogFilesScenarioSchema.safeParse(input);
  if (!parsed.success) throw new LogOptionError(describeIssues(parsed.error.issues));
  const scenario = parsed.data;
  const options = resolveFileOptions(scenario);
  const entryBytes = scenario.phases.map((phase) =>
    scenario.driver === "json-file" ? jsonFileEntryBytes(phase.lineBytes) : localEntryBytes(phase.lineBytes),
  );
  const events: LogFilesEvent[] = [];
  const samples: DiskSample[] = [];
  let current: LogFile | null = null;
  const rotated: LogFile[] = []; // newest first, sizes as stored (compressed or not)
  let lines = 0;
  let written = 0;
  let lost = 0;
  let rotations = 0;
  let peak = 0;
  let diskFullSignalled = false;
  const share = options.compress ? scenario.compressedShare : 1;

  const disk = () => (current?.bytes ?? 0) + rotated.reduce((sum, file) => sum + file.bytes, 0);
  const rotate = (at: number) => {
    const file = current!;
    rotations++;
    let removed = 0;
    if (options.maxFile < 2) removed = file.bytes;
    else {
      rotated.unshift({ ...file, bytes: Math.round(file.bytes * share) });
      while (rotated.length > options.maxFile - 1) removed += rotated.pop()!.bytes;
    }
    events.push({ at: Math.floor(at), type: "rotated", rotation: rotations, fileBytes: file.bytes, removedBytes: removed });
    current = null;
  };

  let phaseStart = 0;
  let nextSample = 0;
  for (let p = 0; p < scenario.phases.length && phaseStart < scenario.horizonMs; p++) {
    const phase = scenario.phases[p]!;
    const phaseEnd = Math.min(scenario.horizonMs, phase.durationMs === null ? Infinity : phaseStart + phase.durationMs);
    const entry = entryBytes[p]!;
    const spacing = phase.linesPerSecond > 0 ? 1000 / phase.linesPerSecond : Infinity;
    // Line k of the phase is written at phaseStart + k·spacing, for times < phaseEnd.
    const total = spacing === Infinity ? 0 : Math.ceil((phaseEnd - phaseStart) / spacing - 1e-9);
    let k = 0;
    const lineAt = (index: number) => phaseStart + index * spacing;
    while (k < total || (nextSample < phaseEnd && nextSample <= scenario.horizonMs)) {
      // Lines up to the next sample instant (inclusive), in runs that stop at a rotation or a full disk.
      const sampleAt = nextSample < phaseEnd ? nextSample : Infinity;
      const until = sampleAt === Infinity ? total : Math.min(total, Math.floor((sampleAt - phaseStart) / spacing + 1e-9) + 1);
      while (k < until) {
        if (current && options.maxSize !== null && current.bytes >= options.maxSize) rotate(lineAt(k));
        // Lines until this file reaches max-size: the last of them triggers the next rotation.
        const fit = options.maxSize === null ? Infinity : Math.ceil((options.maxSize - (current?.bytes ?? 0)) / entry);
        const room = Math.floor((scenario.diskBytes - disk()) / entry);
        const run = Math.min(until - k, Math.max(1, fit), room);
        if (run <= 0) {
          // No space left: every line until the next rotation frees some is lost (none will here).
          if (!diskFullSignalled) events.push({ at: Math.floor(lineAt(k)), type: "disk-full", diskBytes: disk() });
          diskFullSignalled = true;
          lost += until - k;
          lines += until - k;
          k = until;
          break;
        }
        current ??= { bytes: 0, firstLineAt: lineAt(k), lastLineAt: lineAt(k) };
        current.bytes += run * entry;
        current.lastLineAt = lineAt(k + run - 1);
        k += run;
        lines += run;
        written += run;
        peak = Math.max(peak, disk());
      }
      if (sampleAt !== Infinity) {
        samples.push({ t: sampleAt, diskBytes: disk(), files: rotated.length + (current ? 1 : 0) });
        nextSample += scenario.sampleEveryMs;
        if (nextSample > scenario.horizonMs && samples.at(-1)!.t !== scenario.horizonMs) nextSample = scenario.horizonMs;
      } else break;
    }
    phaseStart = phaseEnd;
  }
  while (nextSample <= scenario.horizonMs && samples.at(-1)?.t !== nextSample) {
    samples.push({ t: nextSample, diskBytes: disk(), files: rotated.length + (current ? 1 : 0) });
    nextSample = nextSample === scenario.horizonMs ? Infinity : Math.min(nextSample + scenario.sampleEveryMs, scenario.horizonMs);
  }

  const kept = [...rotated, ...(current ? [current] : [])];
  const oldest = kept.length ? Math.min(...kept.map((file) => file.firstLineAt)) : null;
  return {
    scenario,
    options,
    entryBytes,
    events,
    samples,
    summary: {
      lines,
      linesWritten: written,
      linesLostDiskFull: lost,
      rotations,
      peakDiskBytes: peak,
      finalDiskBytes: disk(),
      files: kept.length,
      retainedMs: oldest === null ? 0 : scenario.horizonMs - Math.floor(oldest),
      oldestRetainedAt: oldest === null ? null : Math.floor(oldest),
      endMs: scenario.horizonMs,
    },
  };
}
