import { z } from "zod";
import { LogOptionError, simulateDelivery, simulateLogFiles } from "@/lib/sim/logging";
import { describeCheck } from "../check-labels";
import type { LoggingCheck } from "../check-schema";
import { judgeLoggingCheck } from "../checks/logging";
import { settingsRefused, type OpsOutcome } from "../ops/outcome";
import type { ParamValues } from "../params-schema";
import type { LabOfKind } from "../schema";
import { capList, MAX_SAMPLES, MAX_TIMELINE_EVENTS } from "../timeline";

const Driver = z.enum(["json-file", "local"]);
const Mode = z.enum(["blocking", "non-blocking"]);

/**
 * The logging lab: the same `--log-opt`s in two runs, a week on the node's disk under the file
 * driver picked, and delivery to a collector that slows down. 0 means "the driver's default" for
 * max-size, max-file and max-buffer-size, as leaving the option out does.
 */
export function runLoggingLab(
  lab: LabOfKind<"logging-config">,
  params: ParamValues<"logging-config">,
): OpsOutcome {
  const bounds = lab.input.params;
  const driver = Driver.parse(bounds.driver.choices?.[params.driver]);
  const mode = Mode.parse(bounds.mode.choices?.[params.mode]);
  const { disk, delivery } = lab.scenario;
  let files;
  try {
    files = simulateLogFiles({
      driver,
      // max-size is read with decimal units: 50m = 50 000 000 bytes.
      maxSize: params.maxSize === 0 ? null : params.maxSize * 1_000_000,
      maxFile: params.maxFile === 0 ? null : params.maxFile,
      ...disk,
    });
  } catch (error) {
    if (!(error instanceof LogOptionError)) throw error;
    return settingsRefused("The log driver", error.message, lab.checks.map(describeCheck));
  }
  // max-buffer-size is read with binary units: 4m = 4 MiB.
  const shipped = simulateDelivery({
    ...delivery,
    mode,
    maxBufferSize: params.maxBufferSize === 0 ? null : params.maxBufferSize * 1_048_576,
  });
  const events = capList(files.events, MAX_TIMELINE_EVENTS);
  const diskSamples = capList(files.samples, MAX_SAMPLES);
  const deliverySamples = capList(shipped.samples, MAX_SAMPLES);
  return {
    checks: lab.checks.map((check) => judgeLoggingCheck(check as LoggingCheck, files, shipped)),
    ran: {
      timeline: {
        kind: "logging",
        diskEvents: events.items,
        omittedDiskEvents: events.omitted,
        diskSamples: diskSamples.items,
        deliverySamples: deliverySamples.items,
        omittedSamples: diskSamples.omitted + deliverySamples.omitted,
        diskBudgetBytes: lab.checks.find((check) => check.type === "log-disk-at-most")?.bytes ?? null,
        retentionMs: lab.checks.find((check) => check.type === "logs-retained")?.atLeastMs ?? null,
      },
      summary: {
        kind: "logging",
        disk: { ...files.summary, options: files.options },
        delivery: shipped.summary,
      },
    },
  };
}
