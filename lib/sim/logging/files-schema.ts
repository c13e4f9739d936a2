import { z } from "zod";
import { parseSize } from "./sizes";

const Ms = z.number().int().min(0);

/** A log option as Docker takes it: "10m", "512k", or a byte count. */
const Size = z.union([z.number(), z.string()]).transform((value, ctx) => {
  try {
    const bytes = typeof value === "number" ? value : parseSize(value, 1000);
    if (!Number.isInteger(bytes) || bytes < 1) throw new RangeError("must be a positive whole number of bytes");
    return bytes;
  } catch (error) {
    ctx.addIssue({ code: "custom", message: (error as Error).message });
    return z.NEVER;
  }
});

export const LogPhaseSchema = z.object({
  /** null: until the horizon (last phase only). */
  durationMs: Ms.min(1).nullable(),
  linesPerSecond: z.number().min(0).max(100_000),
  /** Bytes of each line without its newline (ASCII, nothing to escape). */
  lineBytes: z.number().int().min(1).max(1_000_000),
});

/**
 * A container's logs on disk with a file driver. Defaults are Docker's: json-file keeps one file
 * and never rotates unless max-size is set; local keeps 5 files of 20 MB, compressing rotated ones.
 */
export const LogFilesScenarioSchema = z
  .object({
    driver: z.enum(["json-file", "local"]),
    /** --log-opt max-size (decimal units: 10m = 10 000 000 bytes); null: the driver's default. */
    maxSize: Size.nullable().default(null),
    /** --log-opt max-file; null: the driver's default (json-file 1, local 5). */
    maxFile: z.number().int().min(1).nullable().default(null),
    /** --log-opt compress; null: the driver's default (json-file false, local true). */
    compress: z.boolean().nullable().default(null),
    phases: z.array(LogPhaseSchema).min(1),
    /** Compressed size as a share of the original (a modelling choice: text logs shrink ~8×). */
    compressedShare: z.number().min(0.01).max(1).default(0.125),
    /** Free space for this container's logs; writes fail once it is used up. */
    diskBytes: z.number().int().min(1).default(10_000_000_000),
    horizonMs: Ms.min(1).max(31 * 24 * 3_600_000),
    sampleEveryMs: Ms.min(1_000).default(3_600_000),
  })
  .superRefine((scenario, ctx) => {
    const open = scenario.phases.findIndex((phase) => phase.durationMs === null);
    if (open >= 0 && open !== scenario.phases.length - 1)
      ctx.addIssue({ code: "custom", path: ["phases"], message: "only the last phase may last until the horizon" });
  });

export type LogFilesScenarioInput = z.input<typeof LogFilesScenarioSchema>;
export type LogFilesScenario = z.output<typeof LogFilesScenarioSchema>;

/** The options a driver really runs with, after its defaults and its own validation. */
export type FileOptions = { maxSize: number | null; maxFile: number; compress: boolean };

export class LogOptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LogOptionError";
  }
}

/** Defaults and checks from moby's jsonfilelog.New and local.newConfig/validateConfig. */
export function resolveFileOptions(scenario: LogFilesScenario): FileOptions {
  if (scenario.driver === "json-file") {
    const maxFile = scenario.maxFile ?? 1;
    const compress = scenario.compress ?? false;
    if (compress && (maxFile === 1 || scenario.maxSize === null))
      throw new LogOptionError("compress cannot be true when max-file is less than 2 or max-size is not set");
    return { maxSize: scenario.maxSize, maxFile, compress };
  }
  const maxFile = scenario.maxFile ?? 5;
  const compress = scenario.compress ?? true;
  if (compress && maxFile <= 1) throw new LogOptionError("compression cannot be enabled when max file count is 1");
  return { maxSize: scenario.maxSize ?? 20 * 1024 * 1024, maxFile, compress };
}

/** zod issues as one readable line: "maxSize: not a size: …; phases: …". */
export function describeIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): string {
  return issues.map((issue) => `${issue.path.map(String).join(".") || "scenario"}: ${issue.message}`).join("; ");
}
