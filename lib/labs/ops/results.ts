import type {
  DeliveryResult,
  DiskSample,
  DeliverySample,
  LogFilesEvent,
  LogFilesResult,
} from "@/lib/sim/logging";
import type { CpuSample, CpuSummary, MemoryEvent, MemorySample, MemorySummary } from "@/lib/sim/memory";
import type { LoaderCheck, LogLine } from "@/lib/sim/secrets";

/** The timelines of the resource-limits, logging and secrets labs (joined into LabTimeline). */
export type OpsTimeline =
  | {
      kind: "memory";
      events: MemoryEvent[];
      omittedEvents: number;
      samples: MemorySample[];
      omittedSamples: number;
    }
  | {
      kind: "cpu";
      samples: CpuSample[];
      omittedSamples: number;
      /** The lab's p99 target, drawn on the chart (null when the lab has none). */
      p99TargetMs: number | null;
    }
  | {
      kind: "logging";
      diskEvents: LogFilesEvent[];
      omittedDiskEvents: number;
      diskSamples: DiskSample[];
      deliverySamples: DeliverySample[];
      omittedSamples: number;
      /** The lab's disk budget and retention target, drawn on the chart. */
      diskBudgetBytes: number | null;
      retentionMs: number | null;
    }
  | { kind: "secrets"; runs: SecretsRun[] };

/** One start of the learner's loader: what it read, what it logged, whether it started. */
export type SecretsRun = {
  run: "full" | "missing";
  label: string;
  reads: string[];
  logs: LogLine[];
  omittedLogs: number;
  outcome: { started: true } | { started: false; error: string };
};

export type OpsSummary =
  | { kind: "memory"; summary: MemorySummary }
  | { kind: "cpu"; summary: CpuSummary }
  | {
      kind: "logging";
      disk: LogFilesResult["summary"] & { options: LogFilesResult["options"] };
      delivery: DeliveryResult["summary"];
    }
  | { kind: "secrets"; checks: LoaderCheck[] };
