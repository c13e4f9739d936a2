import { describeCheck } from "../check-labels";
import type { CheckResult, LabResult } from "../result-types";
import { runBackupRestore } from "../runners/backup-restore";
import { runDockerfile } from "../runners/dockerfile";
import { runIncident } from "../runners/incident";
import { runPromqlAlert } from "../runners/promql-alert";
import { runPromqlQuery } from "../runners/promql-query";
import type { Submission, TextLab } from "../schema";
import type { TextOutcome } from "./outcome";
import { verdictHeadline } from "../verdict-headline";

/**
 * Runs a text lab's submission (already checked against submissionSchemaFor) through its engine
 * and judges every check. When the text cannot be judged at all (it does not parse, the incident
 * answer is missing), every check fails with that reason and the headline says it.
 */
export function evaluateTextLab(lab: TextLab, submission: Submission): LabResult {
  const text = submission.text ?? "";
  const outcome = runText(lab, text, submission.answer);
  const checks: CheckResult[] =
    "checks" in outcome
      ? outcome.checks
      : lab.checks.map((check) => ({ label: describeCheck(check), passed: false, detail: `Not checked: ${outcome.failed}` }));
  const passedCount = checks.filter((check) => check.passed).length;
  const passed = checks.length > 0 && passedCount === checks.length;
  const headline =
    ("checks" in outcome ? outcome.headline : outcome.failed) ??
    verdictHeadline(passedCount, checks.length);
  return { labSlug: lab.slug, passed, checks, headline, summary: null, timeline: null, text: outcome.details };
}

function runText(lab: TextLab, text: string, answer: unknown): TextOutcome {
  switch (lab.kind) {
    case "promql-alert":
      return runPromqlAlert(lab, text);
    case "promql-query":
      return runPromqlQuery(lab, text);
    case "dockerfile":
      return runDockerfile(lab, text);
    case "backup-restore":
      return runBackupRestore(lab, text);
    case "incident":
      return runIncident(lab, text, answer);
  }
}
