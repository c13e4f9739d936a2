import { parseLab, type Lab, type LabInput } from "@/lib/labs/schema";
import alertOnErrorRate from "./alert-on-error-rate";
import backUpAndRestoreOrders from "./back-up-and-restore-orders";
import drainUnderDockerStop from "./drain-under-docker-stop";
import exitOnYourOwnTerms from "./exit-on-your-own-terms";
import findTheRestartLoop from "./find-the-restart-loop";
import hardenTheDockerfile from "./harden-the-dockerfile";
import hangingDependency from "./hanging-dependency";
import keepAWeekOfLogs from "./keep-a-week-of-logs";
import keepLivenessShallow from "./keep-liveness-shallow";
import pickCpusForP99 from "./pick-cpus-for-p99";
import pickHealthcheckFlags from "./pick-healthcheck-flags";
import p99LatencyPerRoute from "./p99-latency-per-route";
import loadSecretsFromFiles from "./load-secrets-from-files";
import prestopSleep from "./prestop-sleep";
import report503 from "./report-503-when-the-database-is-down";
import sizeTheBatchMemory from "./size-the-batch-memory";
import zeroFailureRollout from "./zero-failure-rollout";

/** Every lab file, in course order. */
export const LAB_FILES: readonly LabInput[] = [
  report503,
  keepLivenessShallow,
  hangingDependency,
  pickHealthcheckFlags,
  drainUnderDockerStop,
  exitOnYourOwnTerms,
  prestopSleep,
  zeroFailureRollout,
  alertOnErrorRate,
  hardenTheDockerfile,
  backUpAndRestoreOrders,
  findTheRestartLoop,
  p99LatencyPerRoute,
  sizeTheBatchMemory,
  keepAWeekOfLogs,
  loadSecretsFromFiles,
  pickCpusForP99,
];

/** The labs, parsed: an invalid lab file fails here, at import (and in the content test). */
export const LABS: readonly Lab[] = LAB_FILES.map((file) => parseLab(file));
