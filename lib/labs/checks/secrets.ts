import type { LoaderCheck } from "@/lib/sim/secrets";
import type { SecretsCheck } from "../check-schema";
import { describeCheck } from "../check-labels";
import type { CheckResult } from "../result-types";

const TITLES: Record<SecretsCheck["check"], string> = {
  "reads-files": "Reads each secret from its file under /run/secrets",
  "still-starts": "Starts with exactly the values in the files",
  "never-logs": "No secret value in the logs, plain or encoded",
  "clear-missing-error": "A missing secret file stops it with a clear error naming it",
  "no-leak-surfaces": "No secret in docker inspect, /proc/1/environ or the image history",
};

export const secretsCheckLabel = (check: SecretsCheck) => TITLES[check.check];

/** Picks the secrets host's own judgement for this check; the host words the detail. */
export function judgeSecretsCheck(check: SecretsCheck, report: LoaderCheck[]): CheckResult {
  const found = report.find((entry) => entry.id === check.check);
  return {
    label: describeCheck(check),
    passed: found?.pass ?? false,
    detail: found?.message ?? "The secrets host did not judge this.",
  };
}
