import type { CheckResult, LabSummary, LabTimeline } from "../result-types";

/** What an ops runner hands back to evaluateLab's `finish`: judged checks and what ran. */
export type OpsOutcome = {
  checks: CheckResult[];
  ran: { timeline: LabTimeline; summary: LabSummary } | null;
  headline?: string;
};

/** Docker (or the daemon) refused the settings: one failed check, the rest not checked. */
export function settingsRefused(what: string, message: string, labels: string[]): OpsOutcome {
  return {
    checks: [
      { label: `${what} accepts the settings`, passed: false, detail: message },
      ...labels.map((label) => ({ label, passed: false, detail: "Not checked: the settings were refused." })),
    ],
    ran: null,
    headline: `Refused: ${message}`,
  };
}
